package org.digitocr.page;

import org.opencv.core.Core;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.Point;
import org.opencv.core.Scalar;
import org.opencv.imgproc.Imgproc;

/** Small pages drawn for tests: light paper, dark strokes. */
public final class TestPages {
  public static final int PAPER = 235;
  public static final int INK = 40;

  private TestPages() {}

  /**
   * The page turned counter-clockwise about its centre, as a scanner's skew: bilinear, paper in.
   */
  public static Mat turned(Mat page, double degrees) {
    Mat turned = new Mat();
    Imgproc.warpAffine(
        page,
        turned,
        Imgproc.getRotationMatrix2D(new Point(page.cols() / 2.0, page.rows() / 2.0), degrees, 1),
        page.size(),
        Imgproc.INTER_LINEAR,
        Core.BORDER_REPLICATE);
    return turned;
  }

  public static Mat blank(int width, int height) {
    return new Mat(height, width, CvType.CV_8UC1, Scalar.all(PAPER));
  }

  public static void stroke(Mat page, double x1, double y1, double x2, double y2, int thickness) {
    Imgproc.line(
        page, new Point(x1, y1), new Point(x2, y2), Scalar.all(INK), thickness, Imgproc.LINE_AA);
  }

  /** A digit-like ring (a 0) with its box's top-left at (x, y). */
  public static void ring(Mat page, int x, int y, int width, int height, int thickness) {
    Imgproc.ellipse(
        page,
        new Point(x + width / 2.0, y + height / 2.0),
        new org.opencv.core.Size(width / 2.0 - thickness, height / 2.0 - thickness),
        0,
        0,
        360,
        Scalar.all(INK),
        thickness,
        Imgproc.LINE_AA);
  }

  /** The number of ink pixels (darker than half-way) within a rectangle. */
  public static int inkIn(Mat page, int x, int y, int width, int height) {
    Mat area = page.submat(y, y + height, x, x + width);
    Mat dark = new Mat();
    Imgproc.threshold(area, dark, (PAPER + INK) / 2.0, 255, Imgproc.THRESH_BINARY_INV);
    int count = org.opencv.core.Core.countNonZero(dark);
    dark.release();
    return count;
  }
}
