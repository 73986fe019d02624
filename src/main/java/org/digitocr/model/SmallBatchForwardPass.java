package org.digitocr.model;

import java.util.Optional;
import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.layers.OutputLayer;
import org.deeplearning4j.nn.layers.feedforward.dense.DenseLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.params.DefaultParamInitializer;
import org.nd4j.linalg.activations.impl.ActivationSoftmax;

/**
 * A dense ReLU network's forward pass to its softmax output, on a copy of its weights, for batches
 * of a few digits.
 *
 * <p>{@code MultiLayerNetwork.output()} spends ~0.45 ms per call on dispatch (op objects, shape
 * buffers, workspaces, a matrix product packed for OpenBLAS even for one row) around ~40 µs of
 * arithmetic for one digit (docs/performance.md, session 11). Here each layer adds a weight row per
 * non-zero input: the 80% of an MNIST digit that is background, and the hidden units ReLU cut to 0,
 * cost nothing. Large batches stay faster through {@code output()}'s matrix products.
 */
final class SmallBatchForwardPass {
  /** Batches up to this many digits are faster here than through {@code output()}. */
  static final int MAX_ROWS = 32;

  /** Per layer, row-major {@code inputs x outputs}: the row of input i is contiguous. */
  private final float[][] weights;

  private final float[][] biases;

  private SmallBatchForwardPass(float[][] weights, float[][] biases) {
    this.weights = weights;
    this.biases = biases;
  }

  /** Empty unless the network is dense ReLU layers, without pre-processors, to a softmax. */
  static Optional<SmallBatchForwardPass> of(MultiLayerNetwork network) {
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
    return Optional.of(new SmallBatchForwardPass(weights, biases));
  }

  /** The network's input width: 784 for MNIST digits. */
  int inputs() {
    return weights[0].length / biases[0].length;
  }

  int classes() {
    return biases[biases.length - 1].length;
  }

  /**
   * @param pixels {@code rows x inputs()}, row-major
   * @return {@code rows x classes()} probabilities, row-major
   */
  float[] probabilities(float[] pixels, int rows) {
    int inputs = inputs();
    int classes = classes();
    float[] probabilities = new float[rows * classes];
    float[] input = new float[inputs];
    for (int r = 0; r < rows; r++) {
      System.arraycopy(pixels, r * inputs, input, 0, inputs);
      float[] activation = input;
      for (int l = 0; l < weights.length; l++) {
        activation = affine(activation, weights[l], biases[l]);
        if (l < weights.length - 1) {
          relu(activation);
        }
      }
      softmax(activation);
      System.arraycopy(activation, 0, probabilities, r * classes, classes);
    }
    return probabilities;
  }

  /** x W + b, skipping the inputs that are 0. */
  private static float[] affine(float[] x, float[] w, float[] b) {
    float[] out = b.clone();
    int outputs = b.length;
    for (int i = 0; i < x.length; i++) {
      float v = x[i];
      if (v != 0) {
        int row = i * outputs;
        for (int j = 0; j < outputs; j++) {
          out[j] += v * w[row + j];
        }
      }
    }
    return out;
  }

  private static void relu(float[] x) {
    for (int i = 0; i < x.length; i++) {
      x[i] = Math.max(x[i], 0);
    }
  }

  private static void softmax(float[] logits) {
    float max = Float.NEGATIVE_INFINITY;
    for (float v : logits) {
      max = Math.max(max, v);
    }
    float sum = 0;
    for (int i = 0; i < logits.length; i++) {
      logits[i] = (float) Math.exp(logits[i] - max);
      sum += logits[i];
    }
    for (int i = 0; i < logits.length; i++) {
      logits[i] /= sum;
    }
  }
}
