package org.digitocr.segment;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.digitocr.layout.Box;
import org.digitocr.model.Prediction;
import org.digitocr.runtime.Natives;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.opencv.core.Mat;

/** How the page reader uses a classifier's eleventh class, "not a digit". */
class SegmentationNotADigitTest {
  @BeforeAll
  static void openCv() {
    Natives.loadOpenCv();
  }

  private static Piece piece(int x) {
    return new Piece(new Box(x, 0, 10, 20), new Mat());
  }

  /**
   * Probabilities of an eleven-class model: {@code top} for class {@code best}, the rest spread.
   */
  static Prediction prediction(int best, float top) {
    float[] p = new float[11];
    java.util.Arrays.fill(p, (1 - top) / 10);
    p[best] = top;
    return Prediction.fromProbabilities(p);
  }

  @Test
  void piecesCalledNotADigitAreSetAsideAsMarks() {
    Segmentation segmentation = new Segmentation();
    segmentation.addDigit(piece(0));
    segmentation.addDigit(piece(20));
    List<Located> digits =
        segmentation.choose(
            new Prediction[] {prediction(7, 0.9f), prediction(Prediction.NOT_A_DIGIT, 0.95f)},
            new double[] {2, 2});
    assertEquals(1, digits.size());
    assertEquals(7, digits.get(0).digit());
    assertEquals(1, segmentation.marks().size());
    assertEquals(Mark.Kind.NOT_A_DIGIT, segmentation.marks().get(0).kind());
    assertEquals(20, segmentation.marks().get(0).box().x());
  }

  @Test
  void aPieceOnlyLeaningTowardsNotADigitIsKeptAsItsBestDigit() {
    Segmentation segmentation = new Segmentation();
    segmentation.addDigit(piece(0));
    float[] p = new float[11];
    p[Prediction.NOT_A_DIGIT] = 0.6f;
    p[3] = 0.3f;
    p[8] = 0.1f;
    List<Located> digits =
        segmentation.choose(new Prediction[] {Prediction.fromProbabilities(p)}, new double[] {2});
    assertEquals(1, digits.size());
    assertEquals(3, digits.get(0).digit());
    assertEquals(0.3, digits.get(0).confidence(), 1e-6);
    assertEquals(0, segmentation.marks().size());
  }

  @Test
  void touchingDigitsAreSplitRatherThanTakenForOneNonDigit() {
    Segmentation segmentation = new Segmentation();
    Piece whole = new Piece(new Box(0, 0, 20, 20), new Mat());
    segmentation.addAlternatives(
        List.of(
            new Segmentation.Reading(List.of(whole), 0),
            new Segmentation.Reading(List.of(piece(0), piece(10)), 0)));
    // the whole blob is surely not one digit; its halves are fairly sure a 4 and a 2
    List<Located> digits =
        segmentation.choose(
            new Prediction[] {
              prediction(Prediction.NOT_A_DIGIT, 0.99f), prediction(4, 0.8f), prediction(2, 0.7f)
            },
            new double[] {2, 2, 2});
    assertEquals(List.of(4, 2), digits.stream().map(Located::digit).toList());
    assertEquals(0, segmentation.marks().size());
  }
}
