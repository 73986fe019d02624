package org.digitocr.model;

import org.deeplearning4j.nn.gradient.DefaultGradient;
import org.deeplearning4j.nn.gradient.Gradient;
import org.deeplearning4j.nn.layers.feedforward.dense.DenseLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.params.DefaultParamInitializer;
import org.deeplearning4j.nn.workspace.ArrayType;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.activations.impl.ActivationReLU;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.scalar.RectifiedLinearDerivative;
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
    return isPlainRelu((org.deeplearning4j.nn.conf.layers.DenseLayer) layer.conf().getLayer());
  }

  static boolean isPlainRelu(org.deeplearning4j.nn.conf.layers.DenseLayer conf) {
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
   * deeplearning4j's backward pass, with two savings. ReLU's derivative is written over the
   * incoming gradient, which nothing reads afterwards, instead of into a new array: that array
   * landed on fresh pages every batch, and the kernel zeroing them took a fifth of an MLP step. And
   * the first layer leaves out the gradient for the network's input ({@code W delta^T}: for the MLP
   * a 784x512 by 512x128 product), which {@code MultiLayerNetwork} drops. The gradients are
   * deeplearning4j's, computed in the same order. Layers with weight noise use deeplearning4j's own
   * pass.
   */
  @Override
  public Pair<Gradient, INDArray> backpropGradient(
      INDArray epsilon, LayerWorkspaceMgr workspaceMgr) {
    if (layerConf().getWeightNoise() != null) {
      return super.backpropGradient(epsilon, workspaceMgr);
    }
    assertInputSet(true);
    INDArray output = preOutputWithPreNorm(true, true, workspaceMgr).getFirst();
    INDArray delta = Nd4j.exec(new RectifiedLinearDerivative(output, epsilon, epsilon, 0))[0];
    if (maskArray != null) {
      applyMask(delta);
    }
    Gradient gradient = new DefaultGradient();
    if (hasBias()) {
      INDArray biasGradient = gradientViews.get(DefaultParamInitializer.BIAS_KEY);
      delta.sum(biasGradient, 0);
      gradient.gradientForVariable().put(DefaultParamInitializer.BIAS_KEY, biasGradient);
    }
    INDArray inputGradient = null;
    if (getIndex() > 0) {
      INDArray weights = getParam(DefaultParamInitializer.WEIGHT_KEY);
      inputGradient =
          workspaceMgr.createUninitialized(
              ArrayType.ACTIVATION_GRAD,
              delta.dataType(),
              new long[] {weights.size(0), delta.size(0)},
              'f');
      inputGradient = weights.mmuli(delta.transpose(), inputGradient).transpose();
    }
    INDArray weightGradient = gradientViews.get(DefaultParamInitializer.WEIGHT_KEY);
    Nd4j.gemm(
        input.castTo(weightGradient.dataType()), delta, weightGradient, true, false, 1.0, 0.0);
    gradient.gradientForVariable().put(DefaultParamInitializer.WEIGHT_KEY, weightGradient);
    weightNoiseParams.clear();
    if (inputGradient != null) {
      inputGradient = backpropDropOutIfPresent(inputGradient);
    }
    return new Pair<>(gradient, inputGradient);
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
