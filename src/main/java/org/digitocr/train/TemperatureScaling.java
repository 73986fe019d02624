package org.digitocr.train;

import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.digitocr.mnist.MnistSet;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Guo et al. (2017): one temperature T divides the network's logits so that its softmax
 * probabilities match how often it is right. T is chosen to minimise the negative log-likelihood on
 * held-out digits; accuracy is unchanged since the ranking of the classes is.
 *
 * <p>The fitted T is folded into the output layer (weights and bias divided by T), so every user of
 * the saved network gets calibrated probabilities without knowing about it.
 */
public final class TemperatureScaling {
  private static final double MIN_T = 0.05;
  private static final double MAX_T = 20;
  private static final int BATCH = 2000;

  private TemperatureScaling() {}

  /**
   * A fitted temperature and the mean negative log-likelihood of the held-out digits before (T = 1)
   * and after, computed exactly from the logits (unlike the training loss, not clipped at 1e-7).
   */
  public record Fit(double temperature, double nllBefore, double nllAfter) {}

  /**
   * The temperature minimising the mean NLL of {@code heldOut} (golden-section search on log T).
   */
  public static Fit fit(MultiLayerNetwork network, MnistSet heldOut) {
    double[][] logits = logits(network, heldOut);
    double t = fit(logits, heldOut.labels());
    return new Fit(t, nll(logits, heldOut.labels(), 1), nll(logits, heldOut.labels(), t));
  }

  /** The temperature minimising the mean NLL of {@code labels} under {@code logits / T}. */
  static double fit(double[][] logits, byte[] labels) {
    double lo = Math.log(MIN_T);
    double hi = Math.log(MAX_T);
    double ratio = (Math.sqrt(5) - 1) / 2;
    double a = hi - ratio * (hi - lo);
    double b = lo + ratio * (hi - lo);
    double fa = nll(logits, labels, Math.exp(a));
    double fb = nll(logits, labels, Math.exp(b));
    for (int i = 0; i < 60; i++) {
      if (fa < fb) {
        hi = b;
        b = a;
        fb = fa;
        a = hi - ratio * (hi - lo);
        fa = nll(logits, labels, Math.exp(a));
      } else {
        lo = a;
        a = b;
        fa = fb;
        b = lo + ratio * (hi - lo);
        fb = nll(logits, labels, Math.exp(b));
      }
    }
    return Math.exp((lo + hi) / 2);
  }

  /** Divides the output layer's weights and bias by {@code temperature}. */
  public static void fold(MultiLayerNetwork network, double temperature) {
    Layer output = network.getOutputLayer();
    output.getParam("W").divi(temperature);
    output.getParam("b").divi(temperature);
  }

  /** Mean negative log-likelihood of the labels when the logits are divided by {@code t}. */
  static double nll(double[][] logits, byte[] labels, double t) {
    double sum = 0;
    for (int i = 0; i < logits.length; i++) {
      double max = Double.NEGATIVE_INFINITY;
      for (double z : logits[i]) {
        max = Math.max(max, z / t);
      }
      double norm = 0;
      for (double z : logits[i]) {
        norm += Math.exp(z / t - max);
      }
      sum += max + Math.log(norm) - logits[i][labels[i]] / t;
    }
    return sum / logits.length;
  }

  /** The output layer's inputs times its weights plus bias: the logits before softmax. */
  static double[][] logits(MultiLayerNetwork network, MnistSet data) {
    int outputIndex = network.getnLayers() - 1;
    Layer output = network.getOutputLayer();
    INDArray weights = output.getParam("W");
    INDArray bias = output.getParam("b");
    double[][] logits = new double[data.size()][];
    for (int from = 0; from < data.size(); from += BATCH) {
      int to = Math.min(data.size(), from + BATCH);
      var activations =
          network.feedForwardToLayer(outputIndex - 1, data.range(from, to).features(), false);
      INDArray z = activations.get(activations.size() - 1).mmul(weights).addiRowVector(bias);
      double[][] rows = z.toDoubleMatrix();
      System.arraycopy(rows, 0, logits, from, rows.length);
    }
    return logits;
  }
}
