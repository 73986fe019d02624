package org.digitocr.model;

import java.util.Arrays;

/**
 * The classifier's answer for one digit: the most likely class and its softmax probability. Models
 * trained with an eleventh class answer {@link #NOT_A_DIGIT} for printed text, punctuation, rules
 * and other marks that are not handwritten digits.
 */
public record Prediction(int digit, float confidence, float[] probabilities) {
  /** The eleventh class: the ink is not a digit. */
  public static final int NOT_A_DIGIT = 10;

  public static Prediction fromProbabilities(float[] probabilities) {
    int best = 0;
    for (int c = 1; c < probabilities.length; c++) {
      if (probabilities[c] > probabilities[best]) {
        best = c;
      }
    }
    return new Prediction(best, probabilities[best], probabilities);
  }

  /** One prediction per row of {@code rows x classes} probabilities, row-major. */
  public static Prediction[] ofRows(float[] probabilities, int classes) {
    Prediction[] predictions = new Prediction[probabilities.length / classes];
    for (int i = 0; i < predictions.length; i++) {
      predictions[i] =
          fromProbabilities(Arrays.copyOfRange(probabilities, i * classes, (i + 1) * classes));
    }
    return predictions;
  }

  /** False when the model said the ink is not a digit. */
  public boolean isDigit() {
    return digit != NOT_A_DIGIT;
  }
}
