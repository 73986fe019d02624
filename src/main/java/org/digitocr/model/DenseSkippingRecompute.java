package org.digitocr.model;

import org.deeplearning4j.nn.gradient.DefaultGradient;
import org.deeplearning4j.nn.gradient.Gradient;
import org.deeplearning4j.nn.layers.feedforward.dense.DenseLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.params.DefaultParamInitializer;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.activations.impl.ActivationReLU;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * A dense ReLU layer whose backward pass does not compute its pre-activation again.
 *
 * <p>deeplearning4j's backward pass recomputes x W + b to take the activation's derivative there: a
 * matrix product as large as the forward one, 18% of an MLP training step (docs/performance.md,
 * finding 2). The derivative of a plain ReLU is 1 where x W + b > 0 and 0 elsewhere, which is where
 * the layer's output max(0, x W + b) is above 0, so the backward pass gets the output the forward
 * pass kept instead.
 */
final class DenseSkippingRecompute extends DenseLayer {
  private INDArray trainingOutput;

  private DenseSkippingRecompute(DenseLayer layer, MultiLayerNetwork network) {
    super(layer.conf(), network.getLayerWiseConfigurations().getDataType());
    LayerSwap.takeOver(this, layer);
  }

  /** Swaps the network's plain-ReLU dense layers for this one, on the same arrays. */
  static MultiLayerNetwork install(MultiLayerNetwork network) {
    return LayerSwap.replace(
        network,
        DenseLayer.class,
        DenseSkippingRecompute::isPlainRelu,
        dense -> new DenseSkippingRecompute(dense, network));
  }

  /** ReLU with no cap, threshold or slope, and no layer norm: the same thing as max(0, x). */
  static boolean isPlainRelu(DenseLayer layer) {
    var conf = (org.deeplearning4j.nn.conf.layers.DenseLayer) layer.conf().getLayer();
    return conf.getActivationFn() instanceof ActivationReLU relu
        && relu.getMax() == null
        && (relu.getThreshold() == null || relu.getThreshold() == 0)
        && (relu.getNegativeSlope() == null || relu.getNegativeSlope() == 0)
        && !conf.hasLayerNorm();
  }

  @Override
  public INDArray activate(boolean training, LayerWorkspaceMgr workspaceMgr) {
    INDArray output = super.activate(training, workspaceMgr);
    trainingOutput = training ? output : null;
    return output;
  }

  /**
   * The first layer's gradient with respect to the network's input ({@code W delta^T}: for the MLP
   * a 784x512 by 512x128 product, a fifth of a training step's arithmetic) is computed by
   * deeplearning4j and then dropped by {@code MultiLayerNetwork}'s backward pass, which only hands
   * a layer's input gradient to the layer below. Here the first layer computes its own gradients as
   * deeplearning4j's does, in the same order, and not that product. Layers with dropout on their
   * input, weight noise or layer norm use deeplearning4j's.
   */
  @Override
  public Pair<Gradient, INDArray> backpropGradient(
      INDArray epsilon, LayerWorkspaceMgr workspaceMgr) {
    if (getIndex() != 0
        || layerConf().getIDropout() != null
        || layerConf().getWeightNoise() != null
        || hasLayerNorm()) {
      return super.backpropGradient(epsilon, workspaceMgr);
    }
    assertInputSet(true);
    INDArray output = preOutputWithPreNorm(true, true, workspaceMgr).getFirst();
    INDArray delta = layerConf().getActivationFn().backprop(output, epsilon).getFirst();
    if (maskArray != null) {
      applyMask(delta);
    }
    Gradient gradient = new DefaultGradient();
    if (hasBias()) {
      INDArray biasGradient = gradientViews.get(DefaultParamInitializer.BIAS_KEY);
      delta.sum(biasGradient, 0);
      gradient.gradientForVariable().put(DefaultParamInitializer.BIAS_KEY, biasGradient);
    }
    INDArray weightGradient = gradientViews.get(DefaultParamInitializer.WEIGHT_KEY);
    Nd4j.gemm(
        input.castTo(weightGradient.dataType()), delta, weightGradient, true, false, 1.0, 0.0);
    gradient.gradientForVariable().put(DefaultParamInitializer.WEIGHT_KEY, weightGradient);
    weightNoiseParams.clear();
    return new Pair<>(gradient, null);
  }

  @Override
  protected Pair<INDArray, INDArray> preOutputWithPreNorm(
      boolean training, boolean forBackprop, LayerWorkspaceMgr workspaceMgr) {
    if (!forBackprop || trainingOutput == null) {
      return super.preOutputWithPreNorm(training, forBackprop, workspaceMgr);
    }
    INDArray output = trainingOutput;
    trainingOutput = null;
    return new Pair<>(output, null);
  }
}
