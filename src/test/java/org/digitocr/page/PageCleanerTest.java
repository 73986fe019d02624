package org.digitocr.page;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Comparator;
import java.util.List;
import org.digitocr.layout.Box;
import org.digitocr.runtime.Natives;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.opencv.core.Core;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.Point;
import org.opencv.core.Scalar;
import org.opencv.imgproc.Imgproc;

class PageCleanerTest {
  @BeforeAll
  static void natives() {
    Natives.loadOpenCv();
  }

  /** Rows of short blobs, like lines of digits, rotated by {@code degrees}. */
  private static Mat rowsOfBlobs(double degrees) {
    Mat page = TestPages.blank(800, 600);
    for (int row = 0; row < 6; row++) {
      for (int col = 0; col < 14; col++) {
        TestPages.ring(page, 60 + col * 48, 60 + row * 80, 34, 44, 5);
      }
    }
    return TestPages.turned(page, degrees);
  }

  @Test
  void intensityStretchesGreyFromThePaperToTheDarkerPartOfTheInkAlone() {
    Mat grey = new Mat(10, 10, CvType.CV_8UC1, Scalar.all(230));
    grey.submat(0, 1, 0, 10).setTo(Scalar.all(50)); // the darkest third of the ink
    grey.submat(1, 3, 0, 10).setTo(Scalar.all(120)); // the rest of the ink
    grey.submat(3, 6, 0, 10).setTo(Scalar.all(160)); // lighter than the threshold: not ink

    Mat intensity = PageCleaner.intensity(grey, 150, 230);

    // Counted as ink, the 160s would make 120 the full stroke.
    assertEquals(255, intensity.get(0, 0)[0]);
    assertEquals(138, intensity.get(1, 0)[0]); // (230 - 120) / 180 of the way, less NO_INK
    assertEquals(72, intensity.get(3, 0)[0]);
    assertEquals(0, intensity.get(9, 0)[0]);
  }

  @Test
  void findsTheRotationOfAPageAndUndoesIt() {
    for (double degrees : new double[] {-4, -1.5, 2.5, 4.5}) {
      Mat page = rowsOfBlobs(degrees);
      // The page was turned counter-clockwise; levelling it turns it back clockwise.
      double found = new Deskewer().estimateDegrees(page, 140);
      assertEquals(-degrees, found, 0.3, "rotated by " + degrees);
    }
  }

  @Test
  void mapsFoundInkBackToWhereItIsInTheRotatedOriginal() {
    Mat page = rowsOfBlobs(3);
    CleanPage clean = new PageCleaner().clean(page);
    assertEquals(-3, clean.skewDegrees(), 0.3);
    List<Box> rings =
        clean.components().components().stream().map(InkComponents.Component::box).toList();
    assertEquals(6 * 14, rings.size());
    for (Box ring : rings) {
      Box original = clean.toOriginal().toOriginal(ring);
      int ink =
          TestPages.inkIn(page, original.x(), original.y(), original.width(), original.height());
      assertTrue(ink > 0.5 * ring.area() * 0.4, "ink under the mapped box " + original);
    }
  }

  @Test
  void usesOtsuOnEvenLightAndAdaptsToAShadow() {
    Mat even = TestPages.blank(400, 300);
    TestPages.stroke(even, 50, 150, 350, 150, 6);
    assertEquals(Binarizer.Method.OTSU, new Binarizer().binarize(even).method());

    // Light falling off from left to right: the right edge's paper is darker than the left's ink
    // is light, so no global threshold separates them.
    Mat shaded = TestPages.blank(400, 300);
    TestPages.stroke(shaded, 50, 100, 350, 100, 6);
    Mat ramp = new Mat(shaded.size(), CvType.CV_32F);
    for (int x = 0; x < 400; x++) {
      ramp.col(x).setTo(Scalar.all(1 - 0.55 * x / 400.0));
    }
    Mat dimmed = new Mat();
    shaded.convertTo(dimmed, CvType.CV_32F);
    Core.multiply(dimmed, ramp, dimmed);
    dimmed.convertTo(dimmed, CvType.CV_8U);
    Binarizer.Result result = new Binarizer().binarize(dimmed);
    assertEquals(Binarizer.Method.ADAPTIVE, result.method());
    Mat ink = result.ink();
    assertTrue(
        Core.countNonZero(ink.submat(95, 106, 60, 340)) > 0.8 * 11 * 280 * 0.5, "stroke found");
    assertEquals(0, Core.countNonZero(ink.submat(200, 290, 300, 400)), "dark paper is not ink");
  }

  @Test
  void removesRuledLinesAndBoxesButKeepsDigitsOnThem() {
    // Proportions of an A4 form at 100 dpi: digits 6 mm high.
    Mat page = TestPages.blank(830, 1170);
    TestPages.stroke(page, 40, 300, 500, 300, 2); // a ruled line
    Imgproc.rectangle(page, new Point(500, 440), new Point(760, 500), Scalar.all(TestPages.INK), 2);
    TestPages.stroke(page, 100, 265, 100, 315, 4); // a 1 written through the ruled line
    TestPages.ring(page, 150, 276, 20, 26, 3); // a 0 sitting on it
    TestPages.ring(page, 560, 455, 20, 26, 3); // a 0 in the box
    CleanPage clean = new PageCleaner().clean(page);
    List<Box> blobs =
        clean.components().components().stream()
            .map(InkComponents.Component::box)
            .sorted(Comparator.comparingInt(Box::x))
            .toList();
    assertEquals(3, blobs.size(), "the 1, the 0 on the line, the 0 in the box: " + blobs);
    Box one = blobs.get(0);
    assertTrue(one.y() <= 267 && one.bottom() >= 313, "the 1 is whole across the line: " + one);
    assertTrue(blobs.get(1).width() <= 22, "the line is gone beside the 0: " + blobs.get(1));
    assertTrue(blobs.get(2).width() <= 22, "the box is gone: " + blobs.get(2));
  }

  @Test
  void removesASmallFrameRoundANumberWhoseSidesAreTooShortForLines() {
    Mat page = TestPages.blank(830, 1170);
    for (int i = 0; i < 5; i++) {
      TestPages.ring(page, 100 + 30 * i, 300, 20, 26, 3); // a number written on the page
    }
    // A frame 90 wide round two 0s: shorter than a ruled line must be, and its sides join no line.
    Imgproc.rectangle(page, new Point(400, 290), new Point(490, 335), Scalar.all(TestPages.INK), 2);
    TestPages.ring(page, 415, 300, 20, 26, 3);
    TestPages.ring(page, 450, 300, 20, 26, 3);
    CleanPage clean = new PageCleaner().clean(page);
    List<Box> blobs =
        clean.components().components().stream().map(InkComponents.Component::box).toList();
    assertEquals(7, blobs.size(), "the seven 0s, not the frame: " + blobs);
    assertTrue(blobs.stream().allMatch(b -> b.width() <= 22 && b.height() <= 28), blobs.toString());
  }

  @Test
  void removesTheDividersOfACombBoxPrintedAsThickAsItsLines() {
    // A blurred photo flattened at 300 dpi: the comb's lines are 9 pixels thick, wider than a
    // printed line at scan resolution, and its dividers join them.
    Mat page = TestPages.blank(2000, 2800);
    int top = 1000;
    int cell = 110;
    Imgproc.rectangle(
        page,
        new Point(400, top),
        new Point(400 + 4 * cell, top + 130),
        Scalar.all(TestPages.INK),
        9);
    for (int i = 1; i < 4; i++) {
      TestPages.stroke(page, 400 + i * cell, top, 400 + i * cell, top + 130, 9);
    }
    for (int i = 0; i < 4; i++) {
      TestPages.ring(page, 425 + i * cell, top + 25, 55, 80, 12); // a 0 in every cell
    }
    CleanPage clean = new PageCleaner().clean(page);
    List<Box> blobs =
        clean.components().components().stream().map(InkComponents.Component::box).toList();
    assertEquals(4, blobs.size(), "the four 0s, no dividers or sides: " + blobs);
    assertTrue(blobs.stream().allMatch(b -> b.width() <= 70 && b.height() <= 95), blobs.toString());
  }

  @Test
  void removesAThinLightBoxThatTheInkThresholdBreaksIntoDashes() {
    // A one-pixel grey box, scanned slightly turned and blurred: its ink darker than the threshold
    // is a scatter of dashes, some of them upright and as tall as a 1.
    Mat page = TestPages.blank(830, 1170);
    Imgproc.rectangle(page, new Point(200, 400), new Point(420, 470), Scalar.all(140), 1);
    for (int i = 0; i < 5; i++) {
      Imgproc.ellipse(
          page,
          new Point(231 + i * 40, 430),
          new org.opencv.core.Size(8, 12),
          0,
          0,
          360,
          Scalar.all(90),
          3,
          Imgproc.LINE_AA);
    }
    Mat turn = Imgproc.getRotationMatrix2D(new Point(415, 585), 0.55, 1);
    Imgproc.warpAffine(page, page, turn, page.size(), Imgproc.INTER_LINEAR, Core.BORDER_REPLICATE);
    Imgproc.GaussianBlur(page, page, new org.opencv.core.Size(5, 5), 1.0);
    Mat noise = new Mat(page.size(), CvType.CV_8SC1);
    Core.setRNGSeed(7);
    Core.randn(noise, 0, 8);
    Core.add(page, noise, page, new Mat(), CvType.CV_8UC1);
    CleanPage clean = new PageCleaner().clean(page);
    List<Box> blobs =
        clean.components().components().stream().map(InkComponents.Component::box).toList();
    assertEquals(5, blobs.size(), "the five 0s, none of the box's dashes: " + blobs);
    assertTrue(blobs.stream().allMatch(b -> b.width() <= 24 && b.height() <= 32), blobs.toString());
  }
}
