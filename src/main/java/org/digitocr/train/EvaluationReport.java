package org.digitocr.train;

import java.util.List;

/**
 * How a classifier did on a labelled test set. Class {@code c} is the network's output {@code c};
 * for MNIST that is the digit itself.
 *
 * @param confusion counts, {@code confusion[true class][predicted class]}
 * @param mostConfidentMistakes wrong answers, the most confident first
 */
public record EvaluationReport(
    int size,
    double accuracy,
    double loss,
    List<ClassScores> perClass,
    int[][] confusion,
    List<Mistake> mostConfidentMistakes) {

  /** Precision, recall and F1 of one class; {@code support} is how many test items it has. */
  public record ClassScores(
      String label, double precision, double recall, double f1, int support) {}

  /** A test item the classifier got wrong. */
  public record Mistake(int index, int trueClass, int predictedClass, double confidence) {}

  public int classes() {
    return confusion.length;
  }
}
