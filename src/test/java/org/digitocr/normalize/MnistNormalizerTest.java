package org.digitocr.normalize;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.digitocr.runtime.Natives;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.MatOfPoint2f;
import org.opencv.core.Point;
import org.opencv.core.Rect;
import org.opencv.core.Scalar;
import org.opencv.core.Size;
import org.opencv.imgproc.Imgproc;
import org.opencv.imgproc.Moments;

class MnistNormalizerTest {
  @BeforeAll
  static void natives() {
    Natives.loadOpenCv();
  }

  @Test
  void measuresAClosedOutlineAsArcLengthDoes() {
    Random random = new Random(5);
    for (int trial = 0; trial < 200; trial++) {
      Point[] points = new Point[1 + random.nextInt(30)];
      for (int i = 0; i < points.length; i++) {
        points[i] = new Point(random.nextInt(400), random.nextInt(400));
      }
      int[] xy = new int[2 * points.length];
      for (int i = 0; i < points.length; i++) {
        xy[2 * i] = (int) points[i].x;
        xy[2 * i + 1] = (int) points[i].y;
      }
      MatOfPoint2f curve = new MatOfPoint2f(points);

      assertEquals(Imgproc.arcLength(curve, true), MnistNormalizer.closedLength(xy), 0);
    }
    assertEquals(0, MnistNormalizer.closedLength(new int[0]), 0);
  }

  /** An L-shaped stroke (its mass off-centre) on a larger dark canvas. */
  private static Mat ell(int height, int thickness) {
    Mat ink = Mat.zeros(height + 40, height + 40, CvType.CV_8UC1);
    Imgproc.line(ink, new Point(20, 20), new Point(20, 20 + height), Scalar.all(255), thickness);
    Imgproc.line(
        ink,
        new Point(20, 20 + height),
        new Point(20 + height / 2, 20 + height),
        Scalar.all(255),
        thickness);
    return ink;
  }

  @Test
  void fitsTheLongerSideTo20PixelsAndCentresTheMassOn14() {
    MnistNormalizer.Normalized result = new MnistNormalizer().measure(ell(90, 9));
    Mat digit = result.digit();
    assertEquals(28, digit.rows());
    assertEquals(28, digit.cols());
    Mat visible = new Mat();
    Imgproc.threshold(digit, visible, 0, 255, Imgproc.THRESH_BINARY);
    Rect bounds = Imgproc.boundingRect(visible);
    assertEquals(20, bounds.height, 1);
    assertEquals(11, bounds.width, 2);
    Moments m = Imgproc.moments(digit);
    assertEquals(14, m.m10 / m.m00, 0.5);
    assertEquals(14, m.m01 / m.m00, 0.5);
    assertTrue(
        result.strokeWidth() > 1.6 && result.strokeWidth() < 2.6, "stroke " + result.strokeWidth());
  }

  @Test
  void thickensAHairlineTowardsMnistsStrokeWidth() {
    MnistNormalizer normalizer = new MnistNormalizer();
    MnistNormalizer.Normalized fine = normalizer.measure(ell(120, 2));
    assertTrue(fine.strokeWidth() < MnistNormalizer.THIN_STROKE, "measured " + fine.strokeWidth());
    Mat ink = new Mat();
    Imgproc.threshold(fine.digit(), ink, 127, 255, Imgproc.THRESH_BINARY);
    MnistNormalizer.Normalized again = normalizer.measure(ink);
    assertTrue(again.strokeWidth() > 1.6, "thickened to " + again.strokeWidth());
  }

  @Test
  void keepsAnEmptyCropEmpty() {
    Mat digit = new MnistNormalizer().normalize(Mat.zeros(new Size(30, 30), CvType.CV_8UC1));
    assertEquals(0, org.opencv.core.Core.countNonZero(digit));
  }
}
