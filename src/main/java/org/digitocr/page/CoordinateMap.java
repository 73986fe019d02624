package org.digitocr.page;

import java.util.function.UnaryOperator;
import org.digitocr.layout.Box;

/**
 * Maps points of a processed page (deskewed, flattened) back to the original image's pixels, so
 * that what is found on the processed page can be reported where the user sees it.
 */
@FunctionalInterface
public interface CoordinateMap {

  /** The original-image point {@code {x, y}} for a point of the processed page. */
  double[] toOriginal(double x, double y);

  /** First this map, then {@code next} (which maps this map's output further back). */
  default CoordinateMap andThen(CoordinateMap next) {
    return (x, y) -> {
      double[] p = toOriginal(x, y);
      return next.toOriginal(p[0], p[1]);
    };
  }

  /** The smallest box around the four mapped corners. */
  default Box toOriginal(Box box) {
    double minX = Double.POSITIVE_INFINITY;
    double minY = Double.POSITIVE_INFINITY;
    double maxX = Double.NEGATIVE_INFINITY;
    double maxY = Double.NEGATIVE_INFINITY;
    for (int corner = 0; corner < 4; corner++) {
      double[] p =
          toOriginal(box.x() + (corner & 1) * box.width(), box.y() + (corner >> 1) * box.height());
      minX = Math.min(minX, p[0]);
      minY = Math.min(minY, p[1]);
      maxX = Math.max(maxX, p[0]);
      maxY = Math.max(maxY, p[1]);
    }
    int x = (int) Math.floor(minX);
    int y = (int) Math.floor(minY);
    return new Box(x, y, (int) Math.ceil(maxX) - x, (int) Math.ceil(maxY) - y);
  }

  /** {@link #toOriginal(Box)} clipped to an image of the given size. */
  default UnaryOperator<Box> boxesWithin(int width, int height) {
    return box -> {
      Box mapped = toOriginal(box);
      int x = Math.max(0, Math.min(mapped.x(), width - 1));
      int y = Math.max(0, Math.min(mapped.y(), height - 1));
      int right = Math.max(x + 1, Math.min(mapped.right(), width));
      int bottom = Math.max(y + 1, Math.min(mapped.bottom(), height));
      return new Box(x, y, right - x, bottom - y);
    };
  }

  static CoordinateMap identity() {
    return (x, y) -> new double[] {x, y};
  }

  /**
   * The inverse of an OpenCV 2x3 affine transform given row-major as {@code m} (the transform that
   * produced the processed page from the earlier one).
   */
  static CoordinateMap invertingAffine(double[] m) {
    double det = m[0] * m[4] - m[1] * m[3];
    if (Math.abs(det) < 1e-12) {
      throw new IllegalArgumentException("singular affine transform");
    }
    double a = m[4] / det;
    double b = -m[1] / det;
    double c = -m[3] / det;
    double d = m[0] / det;
    return (x, y) -> {
      double dx = x - m[2];
      double dy = y - m[5];
      return new double[] {a * dx + b * dy, c * dx + d * dy};
    };
  }
}
