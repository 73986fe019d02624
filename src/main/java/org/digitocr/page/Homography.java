package org.digitocr.page;

import org.opencv.core.Mat;
import org.opencv.core.Point;
import org.opencv.core.Rect;

/**
 * A perspective mapping from a flattened page back to the photo it was cut from. Kept as nine
 * doubles rather than a Mat: it outlives the images and is applied to a handful of boxes.
 */
public final class Homography implements PageTransform {
  private final double[] m;
  private final int originalWidth;
  private final int originalHeight;

  /** From a 3x3 {@code CV_64F} matrix, mapping into an image of the given size. */
  public Homography(Mat matrix, int originalWidth, int originalHeight) {
    this.m = new double[9];
    matrix.get(0, 0, m);
    this.originalWidth = originalWidth;
    this.originalHeight = originalHeight;
  }

  public Point map(Point p) {
    double w = m[6] * p.x + m[7] * p.y + m[8];
    return new Point((m[0] * p.x + m[1] * p.y + m[2]) / w, (m[3] * p.x + m[4] * p.y + m[5]) / w);
  }

  @Override
  public Rect mapRectToOriginal(Rect pageBox) {
    Point[] corners = {
      pageBox.tl(),
      new Point(pageBox.x + pageBox.width, pageBox.y),
      pageBox.br(),
      new Point(pageBox.x, pageBox.y + pageBox.height)
    };
    double left = Double.MAX_VALUE;
    double top = Double.MAX_VALUE;
    double right = -Double.MAX_VALUE;
    double bottom = -Double.MAX_VALUE;
    for (Point corner : corners) {
      Point mapped = map(corner);
      left = Math.min(left, mapped.x);
      top = Math.min(top, mapped.y);
      right = Math.max(right, mapped.x);
      bottom = Math.max(bottom, mapped.y);
    }
    int x0 = clamp((int) Math.floor(left), originalWidth);
    int y0 = clamp((int) Math.floor(top), originalHeight);
    int x1 = clamp((int) Math.ceil(right), originalWidth);
    int y1 = clamp((int) Math.ceil(bottom), originalHeight);
    return new Rect(x0, y0, x1 - x0, y1 - y0);
  }

  private static int clamp(int value, int limit) {
    return Math.max(0, Math.min(limit, value));
  }
}
