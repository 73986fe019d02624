package org.digitocr.normalize;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.digitocr.runtime.Natives;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.opencv.core.Core;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.Point;
import org.opencv.core.Rect;
import org.opencv.core.Scalar;
import org.opencv.core.Size;
import org.opencv.imgproc.Imgproc;
import org.opencv.imgproc.Moments;

class SingleDigitNormalizerTest {
  private final SingleDigitNormalizer normalizer = new SingleDigitNormalizer();

  @BeforeAll
  static void natives() {
    Natives.loadOpenCv();
  }

  /** A tall ring, like a zero, drawn dark on light paper away from the centre, with a speck. */
  private static Mat darkZeroOnPaper() {
    Mat page = new Mat(240, 320, CvType.CV_8UC1, Scalar.all(225));
    Imgproc.ellipse(page, new Point(90, 110), new Size(30, 60), 0, 0, 360, Scalar.all(30), 12);
    Imgproc.circle(page, new Point(280, 210), 2, Scalar.all(30), -1);
    return page;
  }

  @Test
  void darkDigitOnPaperBecomesAnMnistDigit() {
    Mat digit = normalizer.normalize(darkZeroOnPaper()).orElseThrow();
    assertEquals(new Size(28, 28), digit.size());
    assertEquals(CvType.CV_8UC1, digit.type());
    Rect ink = Imgproc.boundingRect(digit);
    // The ring is taller than wide: its height fills the 20-pixel box, the speck is left out.
    assertTrue(ink.height >= 19 && ink.height <= 22, "ink " + ink);
    assertTrue(ink.width < ink.height - 5, "ink " + ink);
    Moments m = Imgproc.moments(digit);
    assertEquals(14, m.m10 / m.m00, 0.6);
    assertEquals(14, m.m01 / m.m00, 0.6);
    assertEquals(0, Core.countNonZero(digit.row(0)) + Core.countNonZero(digit.col(0)));
    assertEquals(0, digit.get(14, 14)[0], "the ring's hole stays dark");
  }

  @Test
  void lightDigitOnDarkGivesTheSameResult() {
    Mat dark = darkZeroOnPaper();
    Mat light = new Mat();
    Core.bitwise_not(dark, light);
    Mat fromDark = normalizer.normalize(dark).orElseThrow();
    Mat fromLight = normalizer.normalize(light).orElseThrow();
    Mat difference = new Mat();
    Core.absdiff(fromDark, fromLight, difference);
    assertEquals(0, Core.countNonZero(difference));
  }

  @Test
  void colourPictureIsReadLikeGrey() {
    Mat grey = darkZeroOnPaper();
    Mat colour = new Mat();
    Imgproc.cvtColor(grey, colour, Imgproc.COLOR_GRAY2BGR);
    Mat difference = new Mat();
    Core.absdiff(
        normalizer.normalize(grey).orElseThrow(),
        normalizer.normalize(colour).orElseThrow(),
        difference);
    assertEquals(0, Core.countNonZero(difference));
  }

  @Test
  void blankPaperHasNoDigit() {
    Mat paper = new Mat(100, 80, CvType.CV_8UC1, Scalar.all(200));
    Mat noise = new Mat(paper.size(), CvType.CV_8UC1);
    Core.randu(noise, 0, 8);
    Core.add(paper, noise, paper);
    assertEquals(Optional.empty(), normalizer.normalize(paper));
  }
}
