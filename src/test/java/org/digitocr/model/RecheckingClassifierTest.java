package org.digitocr.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.digitocr.mnist.MnistSet;
import org.digitocr.runtime.Natives;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.Scalar;

class RecheckingClassifierTest {
  @BeforeAll
  static void natives() {
    Natives.loadOpenCv();
    Natives.configureNd4j();
  }

  /**
   * Reads every digit as {@code digit}, as sure as the digit's first pixel is bright, and counts
   * the rows it was asked about.
   */
  private static final class Fixed implements DigitClassifier {
    final int digit;
    final int classes;
    final List<Float> seen = new ArrayList<>();

    Fixed(int digit, int classes) {
      this.digit = digit;
      this.classes = classes;
    }

    @Override
    public INDArray probabilities(INDArray batch) {
      INDArray probabilities = Nd4j.zeros(batch.dataType(), batch.rows(), classes);
      for (int row = 0; row < batch.rows(); row++) {
        float sure = batch.getFloat(row, 0);
        seen.add(sure);
        for (int c = 0; c < classes; c++) {
          probabilities.putScalar(row, c, c == digit ? sure : (1 - sure) / (classes - 1));
        }
      }
      return probabilities;
    }

    @Override
    public DigitClassifier copy() {
      return this;
    }
  }

  /** Digits whose first pixel is each of {@code sureness}. */
  private static List<Mat> digits(float... sureness) {
    List<Mat> digits = new ArrayList<>();
    for (float sure : sureness) {
      Mat digit = new Mat(MnistSet.SIDE, MnistSet.SIDE, CvType.CV_32F, Scalar.all(0));
      digit.put(0, 0, sure);
      digits.add(digit);
    }
    return digits;
  }

  @Test
  void theCheckerReadsOnlyTheRowsTheFastModelIsUnsureOf() {
    Fixed fast = new Fixed(1, 10);
    Fixed checker = new Fixed(7, 11);
    DigitClassifier rechecking = new RecheckingClassifier(fast, checker, 0.9f);
    Prediction[] predictions = rechecking.classify(digits(0.95f, 0.5f, 0.99f, 0.6f));
    assertArrayEquals(
        new int[] {1, 7, 1, 7},
        java.util.Arrays.stream(predictions).mapToInt(Prediction::digit).toArray());
    assertEquals(List.of(0.5f, 0.6f), checker.seen);
    assertEquals(11, predictions[0].probabilities().length, "the checker's eleventh class is kept");
  }

  @Test
  void onAPageOnlyTheChosenUnsureDigitsAreRechecked() {
    Fixed fast = new Fixed(1, 10);
    Fixed checker = new Fixed(7, 10);
    DigitClassifier rechecking = new RecheckingClassifier(fast, checker, 0.9f);
    List<Mat> digits = digits(0.5f, 0.6f, 0.95f, 0.7f);
    Prediction[] first = rechecking.firstLook(digits);
    assertEquals(List.of(), checker.seen, "the first look is the fast model's alone");
    Prediction[] read = rechecking.recheck(digits, first, List.of(1, 2, 3));
    assertEquals(List.of(0.6f, 0.7f), checker.seen, "piece 0 was not chosen, piece 2 is sure");
    assertArrayEquals(
        new int[] {1, 7, 1, 7},
        java.util.Arrays.stream(read).mapToInt(Prediction::digit).toArray());
    assertEquals(1, first[1].digit(), "the first look is left as it was");
  }
}
