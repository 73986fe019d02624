package org.digitocr.segment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Comparator;
import java.util.List;
import org.digitocr.layout.Box;
import org.digitocr.model.Prediction;
import org.digitocr.page.CleanPage;
import org.digitocr.page.InkComponents;
import org.digitocr.page.PageCleaner;
import org.digitocr.page.TestPages;
import org.digitocr.runtime.Natives;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.opencv.core.Mat;
import org.opencv.core.Point;
import org.opencv.core.Scalar;
import org.opencv.core.Size;
import org.opencv.imgproc.Imgproc;

class SegmenterTest {
  @BeforeAll
  static void natives() {
    Natives.loadOpenCv();
  }

  /** A page the size of an A4 scan at 100 dpi, digits about 6 mm high. */
  private static Mat page() {
    return TestPages.blank(830, 1170);
  }

  private static Segmentation segment(Mat page) {
    CleanPage clean = new PageCleaner().clean(page);
    return new Segmenter().segment(clean);
  }

  private static List<Box> pieceBoxes(Segmentation segmentation) {
    return segmentation.pieces().stream()
        .map(Piece::box)
        .sorted(Comparator.comparingInt(Box::x))
        .toList();
  }

  @Test
  void mergesTheDetachedBarOfABrokenFiveWithItsBody() {
    Mat page = page();
    for (int i = 0; i < 4; i++) {
      TestPages.ring(page, 100 + 40 * i, 300, 22, 28, 3); // neighbours: 0s
    }
    // A 5: a stem and a belly, with its top bar written apart, a few pixels above.
    TestPages.stroke(page, 270, 304, 270, 314, 3);
    TestPages.ring(page, 266, 312, 20, 18, 3);
    TestPages.stroke(page, 272, 298, 286, 298, 3);
    Segmentation segmentation = segment(page);
    List<Box> pieces = pieceBoxes(segmentation);
    assertEquals(5, pieces.size(), pieces.toString());
    Box five = pieces.get(4);
    assertTrue(five.y() <= 298 && five.bottom() >= 328, "bar and belly in one piece: " + five);
  }

  @Test
  void joinsTheDashesOfASlantedOneBrokenAsAPenRunsDry() {
    Mat page = page();
    for (int i = 0; i < 4; i++) {
      TestPages.ring(page, 100 + 40 * i, 300, 22, 28, 3); // neighbours: 0s
    }
    // A 1 slanting 12 pixels to the left over its 28, in four dashes a few pixels apart, each
    // shifted sideways by
    // more than half its width from the one above.
    for (int i = 0; i < 4; i++) {
      TestPages.stroke(page, 290 - 3.5 * i, 300 + 9 * i, 289 - 3.5 * i, 303 + 9 * i, 3);
    }
    Segmentation segmentation = segment(page);
    List<Box> pieces = pieceBoxes(segmentation);
    assertEquals(5, pieces.size(), pieces + " " + segmentation.marks());
    Box one = pieces.get(4);
    assertTrue(one.y() <= 300 && one.bottom() >= 328, "the dashes in one piece: " + one);
  }

  @Test
  void setsAsideDotsAndDashesBetweenDigits() {
    Mat page = page();
    for (int i = 0; i < 3; i++) {
      TestPages.ring(page, 100 + 40 * i, 300, 22, 28, 3);
    }
    TestPages.ring(page, 226, 322, 5, 5, 2); // a decimal point on the baseline
    for (int i = 0; i < 2; i++) {
      TestPages.ring(page, 240 + 40 * i, 300, 22, 28, 3);
    }
    TestPages.stroke(page, 330, 314, 346, 314, 3); // a dash
    for (int i = 0; i < 3; i++) {
      TestPages.ring(page, 360 + 40 * i, 300, 22, 28, 3);
    }
    Segmentation segmentation = segment(page);
    assertEquals(8, pieceBoxes(segmentation).size(), pieceBoxes(segmentation).toString());
    List<Mark.Kind> marks = segmentation.marks().stream().map(Mark::kind).sorted().toList();
    assertEquals(List.of(Mark.Kind.DOT, Mark.Kind.DASH), marks);
  }

  @Test
  void offersTouchingDigitsCutApartAndChoosesTheSurerReading() {
    Mat page = page();
    for (int i = 0; i < 3; i++) {
      TestPages.ring(page, 100 + 40 * i, 300, 22, 28, 3);
    }
    // Two 0s written so close that they touch: one blob twice as wide as a digit.
    TestPages.ring(page, 240, 300, 22, 28, 3);
    TestPages.ring(page, 259, 300, 22, 28, 3);
    Segmentation segmentation = segment(page);
    List<Box> pieces = pieceBoxes(segmentation);
    Box whole = pieces.stream().filter(b -> b.width() > 35).findFirst().orElseThrow();
    assertEquals(240, whole.x(), 2);
    // A classifier sure of the halves and unsure of the whole picks the cut.
    Prediction[] predictions = new Prediction[segmentation.pieces().size()];
    for (int i = 0; i < predictions.length; i++) {
      boolean isWhole = segmentation.pieces().get(i).box().equals(whole);
      predictions[i] = prediction(0, isWhole ? 0.6f : 0.99f);
    }
    List<Located> digits = segmentation.choose(predictions, new double[predictions.length]);
    assertEquals(5, digits.size(), digits.toString());
    List<Located> cut = digits.stream().filter(d -> d.box().x() >= 238).toList();
    assertEquals(2, cut.size());
    assertTrue(cut.get(0).box().right() <= cut.get(1).box().x() + 4, "side by side: " + cut);
  }

  @Test
  void keepsAWideDigitWholeWhenTheClassifierIsSureOfIt() {
    Mat page = page();
    for (int i = 0; i < 3; i++) {
      TestPages.ring(page, 100 + 40 * i, 300, 22, 28, 3);
    }
    TestPages.ring(page, 240, 302, 30, 26, 3); // a wide, flat 0
    Segmentation segmentation = segment(page);
    Prediction[] predictions = new Prediction[segmentation.pieces().size()];
    for (int i = 0; i < predictions.length; i++) {
      predictions[i] =
          prediction(0, segmentation.pieces().get(i).box().width() >= 28 ? 0.95f : 0.99f);
    }
    List<Located> digits = segmentation.choose(predictions, new double[predictions.length]);
    assertEquals(4, digits.size(), digits.toString());
  }

  @Test
  void offersTheTwoHalvesOfABrokenZeroAsOneDigitButNeverTwoOnes() {
    Mat page = page();
    for (int i = 0; i < 3; i++) {
      TestPages.ring(page, 100 + 40 * i, 300, 22, 28, 3);
    }
    // A 0 broken at its top and bottom: ( and ), bowed away from each other.
    for (int[] arc : new int[][] {{110, 250}, {-70, 70}}) {
      Imgproc.ellipse(
          page,
          new Point(252, 314),
          new Size(10, 12),
          0,
          arc[0],
          arc[1],
          Scalar.all(TestPages.INK),
          3,
          Imgproc.LINE_AA);
    }
    TestPages.stroke(page, 300, 301, 300, 327, 3); // 11: two straight strokes as close
    TestPages.stroke(page, 318, 301, 318, 327, 3);
    Segmentation segmentation = segment(page);
    List<Box> pieces = pieceBoxes(segmentation);
    Box zero =
        pieces.stream().filter(b -> b.x() < 250 && b.right() > 256).findFirst().orElseThrow();
    assertEquals(8, pieces.size(), "three 0s, two halves and their whole, two 1s: " + pieces);
    Prediction[] predictions = new Prediction[segmentation.pieces().size()];
    for (int i = 0; i < predictions.length; i++) {
      Box box = segmentation.pieces().get(i).box();
      predictions[i] = box.equals(zero) ? prediction(0, 0.99f) : prediction(1, 0.9f);
    }
    List<Located> digits = segmentation.choose(predictions, new double[predictions.length]);
    assertEquals(6, digits.size(), "0 0 0 0 1 1: " + digits);
    assertEquals(zero, digits.get(3).box());
  }

  @Test
  void keepsAFlatDigitOfANumberWrittenAtHalfThePagesHandwritingHeight() {
    Mat page = page();
    for (int row = 0; row < 3; row++) {
      for (int i = 0; i < 8; i++) {
        TestPages.ring(page, 100 + 50 * i, 100 + 80 * row, 40, 56, 4); // the page's handwriting
      }
    }
    for (int i = 0; i < 4; i++) {
      TestPages.ring(page, 100 + 30 * i, 400, 22, 30, 3); // a number written smaller
    }
    TestPages.ring(page, 220, 404, 30, 26, 3); // ending in a flat 0, lower than half the page's
    Segmentation segmentation = segment(page);
    List<Box> small = pieceBoxes(segmentation).stream().filter(b -> b.y() > 380).toList();
    assertTrue(
        small.stream().anyMatch(b -> b.x() >= 218 && b.width() >= 27),
        "the flat 0 is a candidate: " + small);
    assertTrue(segmentation.marks().isEmpty(), segmentation.marks().toString());
  }

  @Test
  void mergesTheHalvesOfAWideBrokenThreeInARowWhoseLabelLowersItsDigitHeight() {
    // A 3 broken across its middle, 37 wide and 43 high, in a row whose digit height a printed
    // label pulled down to 32.
    Segmenter.Blob top = new Segmenter.Blob(List.of(), new Box(485, 749, 30, 19));
    Segmenter.Blob bottom = new Segmenter.Blob(List.of(), new Box(478, 765, 34, 27));
    assertTrue(Segmenter.belongTogether(top, bottom, 32));
    Segmenter.Blob beside = new Segmenter.Blob(List.of(), new Box(520, 749, 30, 43));
    assertTrue(!Segmenter.belongTogether(bottom, beside, 32), "a neighbour is not a piece");
  }

  @Test
  void joinsADashToDashesAlreadyJoinedAsOneThinStroke() {
    // Three dashes of a slanted 1 already joined, their box 13 wide, and the fourth below them;
    // each dash 6 wide, in a row of digits 27 high.
    Segmenter.Blob joined =
        new Segmenter.Blob(
            List.of(dash(288, 298), dash(284, 307), dash(281, 316)), new Box(281, 298, 13, 25));
    Segmenter.Blob last = new Segmenter.Blob(List.of(dash(277, 325)), new Box(277, 325, 6, 7));
    assertTrue(Segmenter.belongTogether(joined, last, 27));
  }

  private static InkComponents.Component dash(int x, int y) {
    return new InkComponents.Component(0, new Box(x, y, 6, 7), 30);
  }

  static Prediction prediction(int digit, float confidence) {
    float[] probabilities = new float[10];
    java.util.Arrays.fill(probabilities, (1 - confidence) / 9);
    probabilities[digit] = confidence;
    return Prediction.fromProbabilities(probabilities);
  }
}
