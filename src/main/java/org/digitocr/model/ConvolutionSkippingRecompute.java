package org.digitocr.model;

import org.deeplearning4j.nn.conf.CNN2DFormat;
import org.deeplearning4j.nn.layers.convolution.ConvolutionLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.workspace.ArrayType;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.deeplearning4j.util.ConvolutionUtils;
import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.activations.impl.ActivationIdentity;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A convolution layer without an activation of its own whose backward pass does not run the
 * convolution again.
 *
 * <p>deeplearning4j's backward pass recomputes a convolution's output to take the activation's
 * derivative at it, and its oneDNN helper needs nothing else from it. With the identity activation
 * (the CNN's convolutions feed batch norm, which applies the ReLU) the derivative is 1 whatever the
 * output, so the recomputation, a forward convolution per layer per training step, bought nothing:
 * it was half of the forward convolutions' time (async-profiler). The backward pass now gets an
 * uninitialised array of the output's shape, which the identity's derivative only checks the shape
 * of.
 */
final class ConvolutionSkippingRecompute extends ConvolutionLayer {
  private ConvolutionSkippingRecompute(ConvolutionLayer layer, MultiLayerNetwork network) {
    super(layer.conf(), network.getLayerWiseConfigurations().getDataType());
    LayerSwap.takeOver(this, layer);
  }

  /**
   * Swaps the network's identity-activation NCHW convolutions run by a helper (oneDNN) for this
   * one, on the same parameters and gradient arrays. Without a helper the backward pass reuses what
   * the recomputation returns, so those layers stay as they are.
   */
  static MultiLayerNetwork install(MultiLayerNetwork network) {
    return LayerSwap.replace(
        network,
        ConvolutionLayer.class,
        ConvolutionSkippingRecompute::qualifies,
        convolution -> new ConvolutionSkippingRecompute(convolution, network));
  }

  private static boolean qualifies(ConvolutionLayer layer) {
    var conf = (org.deeplearning4j.nn.conf.layers.ConvolutionLayer) layer.conf().getLayer();
    return conf.getActivationFn() instanceof ActivationIdentity
        && conf.getCnn2dDataFormat() == CNN2DFormat.NCHW
        && layer.getHelper() != null;
  }

  @Override
  protected Pair<INDArray, INDArray> preOutput4d(
      boolean training, boolean forBackprop, LayerWorkspaceMgr workspaceMgr) {
    if (!forBackprop || helper == null) {
      return super.preOutput4d(training, forBackprop, workspaceMgr);
    }
    var conf = layerConf();
    int[] size =
        ConvolutionUtils.getOutputSize(
            input,
            conf.getKernelSize(),
            conf.getStride(),
            conf.getPadding(),
            conf.getConvolutionMode(),
            conf.getDilation(),
            CNN2DFormat.NCHW);
    INDArray shapeOnly =
        workspaceMgr.createUninitialized(
            ArrayType.BP_WORKING_MEM,
            input.dataType(),
            new long[] {input.size(0), conf.getNOut(), size[0], size[1]},
            'c');
    return new Pair<>(shapeOnly, null);
  }
}
