package org.digitocr.model;

import org.deeplearning4j.nn.conf.CNN2DFormat;
import org.deeplearning4j.nn.conf.ConvolutionMode;
import org.deeplearning4j.nn.conf.layers.PoolingType;
import org.deeplearning4j.nn.gradient.DefaultGradient;
import org.deeplearning4j.nn.gradient.Gradient;
import org.deeplearning4j.nn.layers.convolution.subsampling.SubsamplingLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.workspace.ArrayType;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.deeplearning4j.util.ConvolutionUtils;
import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.CustomOp;
import org.nd4j.linalg.api.ops.DynamicCustomOp;
import org.nd4j.linalg.api.ops.OpContext;
import org.nd4j.linalg.api.ops.impl.layers.convolution.MaxPooling2D;
import org.nd4j.linalg.factory.Nd4j;

/**
 * A max-pooling layer whose forward and backward passes run on libnd4j's own kernels rather than
 * oneDNN's.
 *
 * <p>libnd4j hands max pooling to oneDNN in plain NCHW layout, where oneDNN falls back to its
 * reference {@code nchw_pooling} kernels: 55% of the CNN's forward pass (async-profiler, 20-digit
 * batches) and a fifth of a training step. libnd4j's own kernels compute the same in a fraction of
 * the time: 20 digits through {@code models/cnn.zip} take 12 ms instead of 23, and a training step
 * of 128 digits 260-300 ms instead of 350, with identical outputs and updates. The convolutions and
 * batch norm stay on oneDNN, where they are fast. deeplearning4j's layer takes no per-layer choice,
 * and turning oneDNN off process-wide would slow the convolutions of every other thread, so the
 * choice is made on each operation's own context.
 */
final class PlainMaxPooling extends SubsamplingLayer {
  private PlainMaxPooling(SubsamplingLayer layer, MultiLayerNetwork network) {
    super(layer.conf(), network.getLayerWiseConfigurations().getDataType());
    setIndex(layer.getIndex());
    setListeners(layer.getListeners());
  }

  /** Swaps the network's NCHW max-pooling layers for this one; they hold no parameters. */
  static MultiLayerNetwork install(MultiLayerNetwork network) {
    return LayerSwap.replace(
        network,
        SubsamplingLayer.class,
        PlainMaxPooling::isNchwMax,
        pooling -> new PlainMaxPooling(pooling, network));
  }

  private static boolean isNchwMax(SubsamplingLayer layer) {
    var conf = (org.deeplearning4j.nn.conf.layers.SubsamplingLayer) layer.conf().getLayer();
    return conf.getPoolingType() == PoolingType.MAX
        && conf.getCnn2dDataFormat() == CNN2DFormat.NCHW;
  }

  @Override
  public INDArray activate(boolean training, LayerWorkspaceMgr workspaceMgr) {
    assertInputSet(false);
    int[] outSize = outputSize();
    INDArray output =
        workspaceMgr.createUninitialized(
            ArrayType.ACTIVATIONS,
            input.dataType(),
            new long[] {input.size(0), input.size(1), outSize[0], outSize[1]},
            'c');
    execute(new MaxPooling2D(), output, input);
    return output;
  }

  @Override
  public Pair<Gradient, INDArray> backpropGradient(
      INDArray epsilon, LayerWorkspaceMgr workspaceMgr) {
    assertInputSet(true);
    INDArray gradient =
        workspaceMgr.createUninitialized(
            ArrayType.ACTIVATION_GRAD, input.dataType(), input.shape(), 'c');
    execute(DynamicCustomOp.builder("maxpool2d_bp").build(), gradient, input, epsilon);
    return new Pair<>(new DefaultGradient(), gradient);
  }

  private int[] outputSize() {
    var conf = layerConf();
    return ConvolutionUtils.getOutputSize(
        input,
        conf.getKernelSize(),
        conf.getStride(),
        null,
        conf.getConvolutionMode(),
        conf.getDilation(),
        CNN2DFormat.NCHW);
  }

  /** Runs a pooling operation of this layer's shape with oneDNN turned off for it alone. */
  private void execute(CustomOp operation, INDArray output, INDArray... inputs) {
    var conf = layerConf();
    int[] kernel = conf.getKernelSize();
    int[] strides = conf.getStride();
    int[] dilation = conf.getDilation();
    boolean same = conf.getConvolutionMode() == ConvolutionMode.Same;
    int[] inSize = {(int) input.size(2), (int) input.size(3)};
    int[] padding =
        same
            ? ConvolutionUtils.getSameModeTopLeftPadding(
                outputSize(), inSize, kernel, strides, dilation)
            : conf.getPadding();
    try (OpContext context = Nd4j.getExecutioner().buildContext()) {
      context.setIArguments(
          kernel[0],
          kernel[1],
          strides[0],
          strides[1],
          padding[0],
          padding[1],
          dilation[0],
          dilation[1],
          same ? 1 : 0,
          0, // extra parameter, used by other pooling types only
          0); // NCHW
      for (int i = 0; i < inputs.length; i++) {
        context.setInputArray(i, inputs[i]);
      }
      context.setOutputArray(0, output);
      context.allowHelpers(false);
      Nd4j.exec(operation, context);
    } catch (Exception e) {
      throw new IllegalStateException(operation.opName() + " failed: " + e.getMessage(), e);
    }
  }
}
