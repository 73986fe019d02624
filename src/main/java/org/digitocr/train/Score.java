package org.digitocr.train;

import org.digitocr.mnist.MnistSet;
import org.digitocr.model.DigitClassifier;
import org.digitocr.model.Prediction;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.indexing.NDArrayIndex;

/** Mean categorical cross-entropy and accuracy of a classifier on a data set. */
public record Score(double loss, double accuracy) {
  private static final int BATCH = 2000;
  private static final double MIN_PROBABILITY = 1e-7;

  public static Score of(DigitClassifier classifier, MnistSet data) {
    return of(classifier, data.features(), data.labels());
  }

  /**
   * @param features one digit per row, scored in row ranges of this matrix (views, not copies)
   * @param labels the digit in each row
   */
  public static Score of(DigitClassifier classifier, INDArray features, byte[] labels) {
    int n = labels.length;
    double lossSum = 0;
    int correct = 0;
    for (int from = 0; from < n; from += BATCH) {
      int to = Math.min(n, from + BATCH);
      INDArray batch = features.get(NDArrayIndex.interval(from, to), NDArrayIndex.all());
      INDArray probs = classifier.probabilities(batch);
      float[] flat = DigitClassifier.rowMajor(probs);
      int classes = (int) probs.columns();
      for (int i = 0; i < to - from; i++) {
        int label = labels[from + i];
        int best = 0;
        for (int c = 1; c < classes; c++) {
          if (flat[i * classes + c] > flat[i * classes + best]) {
            best = c;
          }
        }
        if (best == label) {
          correct++;
        }
        lossSum -= Math.log(Math.max(MIN_PROBABILITY, flat[i * classes + label]));
      }
    }
    return new Score(lossSum / n, correct / (double) n);
  }

  /** The share of {@code data} the classifier calls {@link Prediction#NOT_A_DIGIT}. */
  public static double notADigitShare(DigitClassifier classifier, MnistSet data) {
    int setAside = 0;
    for (int from = 0; from < data.size(); from += BATCH) {
      int to = Math.min(data.size(), from + BATCH);
      for (Prediction p : classifier.classify(data.range(from, to).features())) {
        if (!p.isDigit()) {
          setAside++;
        }
      }
    }
    return setAside / (double) data.size();
  }
}
