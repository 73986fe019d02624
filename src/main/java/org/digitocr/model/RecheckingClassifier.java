package org.digitocr.model;

import java.util.List;
import java.util.stream.IntStream;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.opencv.core.Mat;

/**
 * A fast model whose unsure readings a slower, more accurate one rechecks: the accurate model's
 * reading of a page for little more than the fast model's time, as most digits are clear.
 *
 * <p>On a page the fast model's predictions decide how ink divides into digits (every candidate cut
 * of touching digits, every piece); the checker re-reads only the digits chosen that the fast model
 * is unsure of. On a plain batch (MNIST, {@code predict}) every unsure row is rechecked.
 */
public final class RecheckingClassifier implements DigitClassifier {
  private final DigitClassifier fast;
  private final DigitClassifier checker;
  private final float recheckBelow;

  /**
   * @param recheckBelow the fast model's readings less confident than this are the checker's
   */
  public RecheckingClassifier(DigitClassifier fast, DigitClassifier checker, float recheckBelow) {
    this.fast = fast;
    this.checker = checker;
    this.recheckBelow = recheckBelow;
  }

  @Override
  public INDArray probabilities(INDArray batch) {
    INDArray first = fast.probabilities(batch);
    float[] best = first.max(1).toFloatVector();
    int[] unsure = IntStream.range(0, best.length).filter(i -> best[i] < recheckBelow).toArray();
    if (unsure.length == 0) {
      return first;
    }
    INDArray rechecked = checker.probabilities(batch.getRows(unsure));
    INDArray merged =
        Nd4j.zeros(first.dataType(), first.rows(), Math.max(first.columns(), rechecked.columns()));
    merged.get(NDArrayIndex.all(), NDArrayIndex.interval(0, first.columns())).assign(first);
    for (int i = 0; i < unsure.length; i++) {
      merged
          .get(NDArrayIndex.point(unsure[i]), NDArrayIndex.interval(0, rechecked.columns()))
          .assign(rechecked.getRow(i));
    }
    return merged;
  }

  @Override
  public Prediction[] firstLook(List<Mat> digits) {
    return fast.classify(digits);
  }

  @Override
  public Prediction[] recheck(List<Mat> digits, Prediction[] firstLook, List<Integer> chosen) {
    List<Integer> unsure =
        chosen.stream().filter(i -> firstLook[i].confidence() < recheckBelow).toList();
    Prediction[] read = firstLook.clone();
    if (unsure.isEmpty()) {
      return read;
    }
    Prediction[] rechecked = checker.classify(unsure.stream().map(digits::get).toList());
    for (int i = 0; i < rechecked.length; i++) {
      read[unsure.get(i)] = rechecked[i];
    }
    return read;
  }

  @Override
  public DigitClassifier copy() {
    return new RecheckingClassifier(fast.copy(), checker.copy(), recheckBelow);
  }
}
