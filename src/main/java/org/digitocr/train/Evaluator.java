package org.digitocr.train;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;
import org.digitocr.mnist.MnistSet;
import org.digitocr.model.DigitClassifier;
import org.digitocr.model.Prediction;
import org.nd4j.evaluation.classification.Evaluation;

/**
 * Scores a classifier on a labelled set: loss, accuracy, per-class precision/recall/F1, confusion
 * matrix and the mistakes it was surest of. The number of classes is the network's output width, so
 * a model with extra classes (such as "not a digit") is evaluated the same way.
 */
public final class Evaluator {
  private static final int BATCH = 2000;

  /** Keras clips probabilities to this before taking the log; so do we, to compare losses. */
  private static final double MIN_PROBABILITY = 1e-7;

  private final int mistakesKept;

  /**
   * @param mistakesKept how many of the most confident mistakes the report lists
   */
  public Evaluator(int mistakesKept) {
    this.mistakesKept = mistakesKept;
  }

  public EvaluationReport evaluate(DigitClassifier classifier, MnistSet data) {
    Evaluation evaluation = null;
    int classes = 0;
    double lossSum = 0;
    PriorityQueue<EvaluationReport.Mistake> worst =
        new PriorityQueue<>(Comparator.comparingDouble(EvaluationReport.Mistake::confidence));
    for (int from = 0; from < data.size(); from += BATCH) {
      int to = Math.min(data.size(), from + BATCH);
      Prediction[] predictions = classifier.classify(data.range(from, to).features());
      if (evaluation == null) {
        classes = predictions[0].probabilities().length;
        evaluation = new Evaluation(classes);
      }
      for (int i = 0; i < predictions.length; i++) {
        Prediction p = predictions[i];
        int truth = data.labels()[from + i];
        if (truth >= classes) {
          throw new IllegalArgumentException(
              "test label " + truth + " but the model has only " + classes + " classes");
        }
        evaluation.eval(p.digit(), truth);
        lossSum -= Math.log(Math.max(MIN_PROBABILITY, p.probabilities()[truth]));
        if (p.digit() != truth) {
          worst.add(new EvaluationReport.Mistake(from + i, truth, p.digit(), p.confidence()));
          if (worst.size() > mistakesKept) {
            worst.poll();
          }
        }
      }
    }
    if (evaluation == null) {
      throw new IllegalArgumentException("nothing to evaluate: the test set is empty");
    }
    List<EvaluationReport.Mistake> mistakes = new ArrayList<>(worst);
    mistakes.sort(Comparator.comparingDouble(EvaluationReport.Mistake::confidence).reversed());
    return new EvaluationReport(
        data.size(),
        evaluation.accuracy(),
        lossSum / data.size(),
        perClass(evaluation, classes),
        confusion(evaluation, classes),
        mistakes);
  }

  private static List<EvaluationReport.ClassScores> perClass(Evaluation evaluation, int classes) {
    List<EvaluationReport.ClassScores> scores = new ArrayList<>();
    for (int c = 0; c < classes; c++) {
      scores.add(
          new EvaluationReport.ClassScores(
              String.valueOf(c),
              evaluation.precision(c),
              evaluation.recall(c),
              evaluation.f1(c),
              evaluation.getConfusion().getActualTotal(c)));
    }
    return scores;
  }

  private static int[][] confusion(Evaluation evaluation, int classes) {
    int[][] counts = new int[classes][classes];
    for (int truth = 0; truth < classes; truth++) {
      for (int predicted = 0; predicted < classes; predicted++) {
        counts[truth][predicted] = evaluation.getConfusion().getCount(truth, predicted);
      }
    }
    return counts;
  }
}
