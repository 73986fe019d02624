package org.digitocr.layout;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;

/**
 * Groups things on a page into rows (lines of writing), top to bottom, each row left to right.
 *
 * <p>The tallest things found the rows; smaller ones (a decimal point, a broken-off piece) join the
 * row whose band holds their vertical centre, so that a line's marks never start rows of their own.
 */
public final class RowGrouper {
  /** A founding item joins a row when this fraction of its height lies within the row's band. */
  static final double MIN_OVERLAP = 0.5;

  /** A small item joins a row when its centre is within this fraction of the row's height of it. */
  static final double SMALL_REACH = 0.3;

  private RowGrouper() {}

  public static <T> List<List<T>> group(List<T> items, Function<T, Box> boxOf) {
    List<T> byHeight = new ArrayList<>(items);
    byHeight.sort(Comparator.comparingInt((T item) -> boxOf.apply(item).height()).reversed());
    List<Row<T>> rows = new ArrayList<>();
    for (T item : byHeight) {
      Box box = boxOf.apply(item);
      Row<T> best = null;
      double bestOverlap = 0;
      for (Row<T> row : rows) {
        double overlap = row.overlap(box);
        if (overlap > bestOverlap) {
          bestOverlap = overlap;
          best = row;
        }
      }
      if (best == null) {
        best = nearest(rows, box);
      }
      boolean small = best != null && box.height() < best.height() / 2.0;
      if (best != null && (bestOverlap >= MIN_OVERLAP || (small && best.near(box.centerY())))) {
        best.add(item, box, !small);
      } else {
        Row<T> row = new Row<>();
        row.add(item, box, true);
        rows.add(row);
      }
    }
    rows.sort(Comparator.comparingDouble(Row::center));
    List<List<T>> ordered = new ArrayList<>();
    for (Row<T> row : rows) {
      row.items.sort(Comparator.comparingDouble(item -> boxOf.apply(item).centerX()));
      ordered.add(row.items);
    }
    return ordered;
  }

  private static <T> Row<T> nearest(List<Row<T>> rows, Box box) {
    Row<T> nearest = null;
    for (Row<T> row : rows) {
      if (nearest == null || row.distance(box.centerY()) < nearest.distance(box.centerY())) {
        nearest = row;
      }
    }
    return nearest;
  }

  private static final class Row<T> {
    final List<T> items = new ArrayList<>();
    int top = Integer.MAX_VALUE;
    int bottom = Integer.MIN_VALUE;

    void add(T item, Box box, boolean widensBand) {
      items.add(item);
      if (widensBand || top > bottom) {
        top = Math.min(top, box.y());
        bottom = Math.max(bottom, box.bottom());
      }
    }

    int height() {
      return bottom - top;
    }

    double center() {
      return (top + bottom) / 2.0;
    }

    /** Within the band or a little above or below it (a 5's detached bar, a comma). */
    boolean near(double y) {
      double reach = SMALL_REACH * height();
      return y >= top - reach && y < bottom + reach;
    }

    double distance(double y) {
      return y < top ? top - y : y >= bottom ? y - bottom : 0;
    }

    /** The fraction of the box's height within this row's band. */
    double overlap(Box box) {
      int shared = Math.min(bottom, box.bottom()) - Math.max(top, box.y());
      return box.height() == 0 ? 0 : (double) shared / box.height();
    }
  }
}
