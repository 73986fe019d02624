package org.digitocr.page;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.digitocr.runtime.Natives;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.opencv.core.Core;
import org.opencv.core.Mat;
import org.opencv.core.MatOfPoint;
import org.opencv.core.Point;
import org.opencv.core.Rect;
import org.opencv.core.Scalar;
import org.opencv.imgproc.Imgproc;

class DeskewerTest {
  @BeforeAll
  static void natives() {
    Natives.loadOpenCv();
  }

  private static Mat page() {
    Mat page = TestPages.blank(500, 700);
    Imgproc.circle(page, new Point(400, 100), 6, Scalar.all(TestPages.INK), -1);
    Imgproc.circle(page, new Point(90, 620), 6, Scalar.all(TestPages.INK), -1);
    return page;
  }

  private static Point inkCentre(Mat page, Rect within) {
    Mat ink = new Mat();
    Imgproc.threshold(page.submat(within), ink, 128, 255, Imgproc.THRESH_BINARY_INV);
    MatOfPoint points = new MatOfPoint();
    Core.findNonZero(ink, points);
    Scalar mean = Core.mean(points);
    return new Point(within.x + mean.val[0], within.y + mean.val[1]);
  }

  @Test
  void turnsThePageAboutItsCentreAndMapsPointsBack() {
    for (double degrees : new double[] {-5, -0.7, 2.4}) {
      Deskewer.Rotated rotated = new Deskewer().rotate(page(), degrees);
      Mat rotation = Imgproc.getRotationMatrix2D(new Point(250, 350), degrees, 1);
      for (Point dot : new Point[] {new Point(400, 100), new Point(90, 620)}) {
        double[] m = new double[6];
        rotation.get(0, 0, m);
        Point expected =
            new Point(m[0] * dot.x + m[1] * dot.y + m[2], m[3] * dot.x + m[4] * dot.y + m[5]);
        Point found =
            inkCentre(
                rotated.image(), new Rect((int) expected.x - 20, (int) expected.y - 20, 40, 40));
        assertEquals(expected.x, found.x, 1.5, degrees + "°, dot at " + dot);
        assertEquals(expected.y, found.y, 1.5, degrees + "°, dot at " + dot);
        double[] back = rotated.toBefore().toOriginal(found.x, found.y);
        assertEquals(dot.x, back[0], 1.5);
        assertEquals(dot.y, back[1], 1.5);
      }
    }
  }

  @Test
  void levelsATiltedRuledLineAndFillsTheCornersWithPaper() {
    Mat page = TestPages.blank(600, 400);
    Imgproc.line(page, new Point(20, 200), new Point(580, 200), Scalar.all(TestPages.INK), 3);
    Mat tilted = TestPages.turned(page, 4);

    Mat level = new Deskewer().rotate(tilted, -4).image();

    Mat ink = ink(level);
    Rect line = Imgproc.boundingRect(ink);
    assertTrue(line.height <= 6, "the line spans " + line.height + " rows");
    assertTrue(longestRun(ink) >= 540, "some row holds the line unbroken");
    for (int[] corner : new int[][] {{0, 0}, {0, 599}, {399, 0}, {399, 599}}) {
      assertEquals(TestPages.PAPER, level.get(corner[0], corner[1])[0], 1, "corner " + corner[0]);
    }
  }

  @Test
  void turnsInkAsOpenCvsBilinearRotationDoes() {
    Mat page = TestPages.blank(600, 800);
    for (int row = 0; row < 8; row++) {
      for (int col = 0; col < 10; col++) {
        TestPages.ring(page, 40 + col * 55, 60 + row * 90, 30, 44, 4);
      }
    }
    for (double degrees : new double[] {-4.5, 1.2, 3}) {
      Mat ours = ink(new Deskewer().rotate(page, degrees).image());
      Mat theirs = ink(TestPages.turned(page, degrees));
      Mat both = new Mat();
      Core.bitwise_and(ours, theirs, both);
      Mat either = new Mat();
      Core.bitwise_or(ours, theirs, either);
      double overlap = (double) Core.countNonZero(both) / Core.countNonZero(either);
      assertTrue(overlap > 0.8, degrees + "°: ink in common " + overlap);
    }
  }

  private static Mat ink(Mat grey) {
    Mat ink = new Mat();
    Imgproc.threshold(grey, ink, 137, 255, Imgproc.THRESH_BINARY_INV);
    return ink;
  }

  private static int longestRun(Mat ink) {
    byte[] row = new byte[ink.cols()];
    int longest = 0;
    for (int y = 0; y < ink.rows(); y++) {
      ink.get(y, 0, row);
      int run = 0;
      for (byte pixel : row) {
        run = pixel != 0 ? run + 1 : 0;
        longest = Math.max(longest, run);
      }
    }
    return longest;
  }
}
