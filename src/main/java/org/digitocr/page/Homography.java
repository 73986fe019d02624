package org.digitocr.page;

import org.opencv.core.Mat;
import org.opencv.core.Point;

/**
 * A perspective mapping, e.g. from a flattened page back to the photo it was cut from. Kept as nine
 * doubles rather than a Mat: it outlives the images and is applied to a handful of boxes.
 */
public final class Homography implements CoordinateMap {
  private final double[] m = new double[9];

  /** From a 3x3 {@code CV_64F} matrix such as {@code Imgproc.getPerspectiveTransform} returns. */
  public Homography(Mat matrix) {
    matrix.get(0, 0, m);
  }

  @Override
  public double[] toOriginal(double x, double y) {
    double w = m[6] * x + m[7] * y + m[8];
    return new double[] {(m[0] * x + m[1] * y + m[2]) / w, (m[3] * x + m[4] * y + m[5]) / w};
  }

  public Point map(Point p) {
    double[] mapped = toOriginal(p.x, p.y);
    return new Point(mapped[0], mapped[1]);
  }
}
