package org.digitocr.train;

import java.util.ArrayList;
import java.util.List;
import org.digitocr.mnist.MnistSet;
import org.digitocr.model.DigitClassifier;
import org.digitocr.model.Prediction;

/**
 * What a confidence threshold does: at each threshold, the share of digits kept (confidence at or
 * above it, and not called "not a digit"), how many of those are right, and the mean confidence of
 * the kept ones — which, for a calibrated model, is close to their accuracy.
 */
public final class RiskCoverage {
  private static final int BATCH = 2000;

  /**
   * @param threshold minimum confidence to keep a digit
   * @param kept digits kept
   * @param keptAccuracy share of the kept digits read right (NaN when none is kept)
   * @param rejected share of all digits set aside
   * @param meanConfidence mean confidence of the kept digits (NaN when none is kept)
   */
  public record Row(
      double threshold, int kept, double keptAccuracy, double rejected, double meanConfidence) {}

  private RiskCoverage() {}

  public static List<Row> of(DigitClassifier classifier, MnistSet data, double[] thresholds) {
    float[] confidence = new float[data.size()];
    boolean[] right = new boolean[data.size()];
    boolean[] digit = new boolean[data.size()];
    for (int from = 0; from < data.size(); from += BATCH) {
      int to = Math.min(data.size(), from + BATCH);
      Prediction[] predictions = classifier.classify(data.range(from, to).features());
      for (int i = 0; i < predictions.length; i++) {
        confidence[from + i] = predictions[i].confidence();
        right[from + i] = predictions[i].digit() == data.labels()[from + i];
        digit[from + i] = predictions[i].isDigit();
      }
    }
    List<Row> rows = new ArrayList<>();
    for (double threshold : thresholds) {
      int kept = 0;
      int correct = 0;
      double confidenceSum = 0;
      for (int i = 0; i < data.size(); i++) {
        if (digit[i] && confidence[i] >= threshold) {
          kept++;
          confidenceSum += confidence[i];
          if (right[i]) {
            correct++;
          }
        }
      }
      rows.add(
          new Row(
              threshold,
              kept,
              kept == 0 ? Double.NaN : correct / (double) kept,
              1 - kept / (double) data.size(),
              kept == 0 ? Double.NaN : confidenceSum / kept));
    }
    return rows;
  }
}
