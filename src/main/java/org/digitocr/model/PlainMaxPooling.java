package org.digitocr.model;

import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.conf.CNN2DFormat;
import org.deeplearning4j.nn.conf.ConvolutionMode;
import org.deeplearning4j.nn.conf.layers.PoolingType;
import org.deeplearning4j.nn.layers.convolution.subsampling.SubsamplingLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.workspace.ArrayType;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.deeplearning4j.util.ConvolutionUtils;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.OpContext;
import org.nd4j.linalg.api.ops.impl.layers.convolution.MaxPooling2D;
import org.nd4j.linalg.factory.Nd4j;

/**
 * A max-pooling layer whose forward pass runs on libnd4j's own kernel rather than oneDNN's.
 *
 * <p>libnd4j hands max pooling to oneDNN in plain NCHW layout, where oneDNN falls back to its
 * reference {@code nchw_pooling} kernel: 55% of the CNN's forward pass (async-profiler, 20-digit
 * batches). libnd4j's own kernel gives the same maxima in a fifth of the time: 20 digits through
 * {@code models/cnn.zip} take 12 ms instead of 23, with identical outputs. The convolutions and
 * batch norm stay on oneDNN, where they are fast. deeplearning4j's layer takes no per-layer choice,
 * and turning oneDNN off process-wide would slow the convolutions of every other thread, so the
 * choice is made on this operation's own context.
 */
final class PlainMaxPooling extends SubsamplingLayer {
  private PlainMaxPooling(SubsamplingLayer layer, MultiLayerNetwork network) {
    super(layer.conf(), network.getLayerWiseConfigurations().getDataType());
    setIndex(layer.getIndex());
    setListeners(layer.getListeners());
  }

  /** Swaps the network's NCHW max-pooling layers for this one; they hold no parameters. */
  static MultiLayerNetwork install(MultiLayerNetwork network) {
    Layer[] layers = network.getLayers().clone();
    boolean swapped = false;
    for (int i = 0; i < layers.length; i++) {
      if (layers[i] instanceof SubsamplingLayer pooling
          && !(pooling instanceof PlainMaxPooling)
          && isNchwMax(pooling)) {
        layers[i] = new PlainMaxPooling(pooling, network);
        swapped = true;
      }
    }
    if (swapped) {
      network.setLayers(layers);
    }
    return network;
  }

  private static boolean isNchwMax(SubsamplingLayer layer) {
    var conf = (org.deeplearning4j.nn.conf.layers.SubsamplingLayer) layer.conf().getLayer();
    return conf.getPoolingType() == PoolingType.MAX
        && conf.getCnn2dDataFormat() == CNN2DFormat.NCHW;
  }

  @Override
  public INDArray activate(boolean training, LayerWorkspaceMgr workspaceMgr) {
    assertInputSet(false);
    var conf = layerConf();
    int[] kernel = conf.getKernelSize();
    int[] strides = conf.getStride();
    int[] dilation = conf.getDilation();
    boolean same = conf.getConvolutionMode() == ConvolutionMode.Same;
    int[] outSize =
        ConvolutionUtils.getOutputSize(
            input, kernel, strides, null, conf.getConvolutionMode(), dilation, CNN2DFormat.NCHW);
    int[] inSize = {(int) input.size(2), (int) input.size(3)};
    int[] padding =
        same
            ? ConvolutionUtils.getSameModeTopLeftPadding(outSize, inSize, kernel, strides, dilation)
            : conf.getPadding();
    INDArray output =
        workspaceMgr.createUninitialized(
            ArrayType.ACTIVATIONS,
            input.dataType(),
            new long[] {input.size(0), input.size(1), outSize[0], outSize[1]},
            'c');
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
      context.setInputArray(0, input);
      context.setOutputArray(0, output);
      context.allowHelpers(false);
      Nd4j.exec(new MaxPooling2D(), context);
    } catch (Exception e) {
      throw new IllegalStateException("max pooling failed: " + e.getMessage(), e);
    }
    return output;
  }
}
