package org.digitocr.layout;

import java.io.Serializable;

/** An axis-aligned pixel rectangle; {@code x, y} is the top-left corner. */
public record Box(int x, int y, int width, int height) implements Serializable {

  public int right() {
    return x + width;
  }

  public int bottom() {
    return y + height;
  }

  public double centerX() {
    return x + width / 2.0;
  }

  public double centerY() {
    return y + height / 2.0;
  }

  public long area() {
    return (long) width * height;
  }

  public Box union(Box other) {
    int left = Math.min(x, other.x);
    int top = Math.min(y, other.y);
    return new Box(
        left,
        top,
        Math.max(right(), other.right()) - left,
        Math.max(bottom(), other.bottom()) - top);
  }

  /** Pixels shared by both boxes along the x axis (negative: the gap between them). */
  public int overlapX(Box other) {
    return Math.min(right(), other.right()) - Math.max(x, other.x);
  }

  /** Pixels shared by both boxes along the y axis (negative: the gap between them). */
  public int overlapY(Box other) {
    return Math.min(bottom(), other.bottom()) - Math.max(y, other.y);
  }

  public boolean contains(double px, double py) {
    return px >= x && px < right() && py >= y && py < bottom();
  }

  /** Intersection over union, 0 when the boxes do not meet. */
  public double iou(Box other) {
    int w = overlapX(other);
    int h = overlapY(other);
    if (w <= 0 || h <= 0) {
      return 0;
    }
    double shared = (double) w * h;
    return shared / (area() + other.area() - shared);
  }

  /** The smallest box around all of {@code boxes}. */
  public static Box around(Iterable<Box> boxes) {
    Box all = null;
    for (Box box : boxes) {
      all = all == null ? box : all.union(box);
    }
    if (all == null) {
      throw new IllegalArgumentException("no boxes");
    }
    return all;
  }
}
