package org.digitocr.model;

import java.util.Optional;
import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.layers.OutputLayer;
import org.deeplearning4j.nn.layers.feedforward.dense.DenseLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.params.DefaultParamInitializer;
import org.nd4j.linalg.activations.impl.ActivationSoftmax;

/**
 * A copy of a finished network's weights when it is dense ReLU layers to a softmax, for the forward
 * passes that read digits without deeplearning4j's per-call dispatch ({@link
 * SmallBatchForwardPass}, {@link BlasForwardPass}).
 */
final class DenseWeights {
  /** Per layer, row-major {@code inputs x outputs}: the row of input i is contiguous. */
  private final float[][] weights;

  private final float[][] biases;

  private DenseWeights(float[][] weights, float[][] biases) {
    this.weights = weights;
    this.biases = biases;
  }

  /** Empty unless the network is dense ReLU layers, without pre-processors, to a softmax. */
  static Optional<DenseWeights> of(MultiLayerNetwork network) {
    Layer[] layers = network.getLayers();
    if (!network.getLayerWiseConfigurations().getInputPreProcessors().isEmpty()) {
      return Optional.empty();
    }
    for (int l = 0; l < layers.length - 1; l++) {
      if (!(layers[l] instanceof DenseLayer dense && DenseSkippingRecompute.isPlainRelu(dense))) {
        return Optional.empty();
      }
    }
    if (!(layers[layers.length - 1] instanceof OutputLayer output
        && output.layerConf().getActivationFn() instanceof ActivationSoftmax
        && !output.hasLayerNorm())) {
      return Optional.empty();
    }
    float[][] weights = new float[layers.length][];
    float[][] biases = new float[layers.length][];
    for (int l = 0; l < layers.length; l++) {
      if (!layers[l].paramTable().containsKey(DefaultParamInitializer.BIAS_KEY)) {
        return Optional.empty();
      }
      weights[l] = layers[l].getParam(DefaultParamInitializer.WEIGHT_KEY).dup('c').data().asFloat();
      biases[l] = layers[l].getParam(DefaultParamInitializer.BIAS_KEY).toFloatVector();
    }
    return Optional.of(new DenseWeights(weights, biases));
  }

  int layers() {
    return weights.length;
  }

  /** Row-major {@code inputs(layer) x outputs(layer)}. */
  float[] weights(int layer) {
    return weights[layer];
  }

  float[] biases(int layer) {
    return biases[layer];
  }

  int inputs(int layer) {
    return weights[layer].length / biases[layer].length;
  }

  int outputs(int layer) {
    return biases[layer].length;
  }

  /** The network's input width: 784 for MNIST digits. */
  int inputs() {
    return inputs(0);
  }

  int classes() {
    return outputs(layers() - 1);
  }

  /** Replaces {@code length} logits from {@code offset} by their softmax. */
  static void softmax(float[] logits, int offset, int length) {
    float max = Float.NEGATIVE_INFINITY;
    for (int i = offset; i < offset + length; i++) {
      max = Math.max(max, logits[i]);
    }
    float sum = 0;
    for (int i = offset; i < offset + length; i++) {
      logits[i] = (float) Math.exp(logits[i] - max);
      sum += logits[i];
    }
    for (int i = offset; i < offset + length; i++) {
      logits[i] /= sum;
    }
  }
}
