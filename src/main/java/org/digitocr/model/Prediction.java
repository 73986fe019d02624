package org.digitocr.model;

/** The classifier's answer for one digit: the most likely class and its softmax probability. */
public record Prediction(int digit, float confidence, float[] probabilities) {
  public static Prediction fromProbabilities(float[] probabilities) {
    int best = 0;
    for (int c = 1; c < probabilities.length; c++) {
      if (probabilities[c] > probabilities[best]) {
        best = c;
      }
    }
    return new Prediction(best, probabilities[best], probabilities);
  }
}
