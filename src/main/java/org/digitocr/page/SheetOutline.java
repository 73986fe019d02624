package org.digitocr.page;

import java.util.List;
import org.opencv.core.Point;

/**
 * Where a sheet of paper lies in a photo: its four corners in the photo's pixels, going clockwise
 * from the one that becomes the flattened page's top-left, and how sure the finder is (the share of
 * the outline along which the sheet is clearly brighter than what surrounds it, 0..1).
 */
public record SheetOutline(
    Point topLeft, Point topRight, Point bottomRight, Point bottomLeft, double confidence) {

  public List<Point> corners() {
    return List.of(topLeft, topRight, bottomRight, bottomLeft);
  }

  /** Width of the flattened sheet: its longer horizontal side, so no detail is lost. */
  public double width() {
    return Math.max(distance(topLeft, topRight), distance(bottomLeft, bottomRight));
  }

  /** Height of the flattened sheet: its longer vertical side. */
  public double height() {
    return Math.max(distance(topLeft, bottomLeft), distance(topRight, bottomRight));
  }

  static double distance(Point a, Point b) {
    return Math.hypot(a.x - b.x, a.y - b.y);
  }
}
