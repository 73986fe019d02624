package org.digitocr.model;

/**
 * A dense ReLU network's forward pass to its softmax output, one digit at a time, for batches of a
 * few digits.
 *
 * <p>{@code MultiLayerNetwork.output()} spends ~0.45 ms per call on dispatch (op objects, shape
 * buffers, workspaces, a matrix product packed for OpenBLAS even for one row) around ~40 µs of
 * arithmetic for one digit (docs/performance.md, session 11). Here each layer adds a weight row per
 * non-zero input: the 80% of an MNIST digit that is background, and the hidden units ReLU cut to 0,
 * cost nothing. From {@link #MAX_ROWS} digits on, {@link BlasForwardPass}'s matrix products are
 * faster (session 13).
 */
final class SmallBatchForwardPass {
  /** Batches up to this many digits are faster here than through {@link BlasForwardPass}. */
  static final int MAX_ROWS = 6;

  private final DenseWeights network;

  SmallBatchForwardPass(DenseWeights network) {
    this.network = network;
  }

  /**
   * @param pixels at least {@code rows x network.inputs()}, row-major
   * @return {@code rows x network.classes()} probabilities, row-major
   */
  float[] probabilities(float[] pixels, int rows) {
    int inputs = network.inputs();
    int classes = network.classes();
    float[] probabilities = new float[rows * classes];
    float[] input = new float[inputs];
    for (int r = 0; r < rows; r++) {
      System.arraycopy(pixels, r * inputs, input, 0, inputs);
      float[] activation = input;
      for (int l = 0; l < network.layers(); l++) {
        activation = affine(activation, network.weights(l), network.biases(l));
        if (l < network.layers() - 1) {
          relu(activation);
        }
      }
      DenseWeights.softmax(activation, 0, classes);
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
}
