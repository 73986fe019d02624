package org.digitocr.segment;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.digitocr.layout.RowGrouper;

/**
 * Sets aside what is left of a printed box's side or a ruled line after line removal missed it (a
 * faint or broken box in a photo, an underline too short to be found): an upright stroke, read as a
 * 1 with full confidence, that stands taller than the digits in its row — a handwritten 1 is as
 * tall as its neighbours, as MNIST's are; the side of the box they are written in is taller, since
 * the box leaves room around them — or a flat sliver of line cut off with a digit written on it.
 */
public final class LineRemnantFilter {
  /** A remnant is narrower than this fraction of its height. */
  static final double THIN = 0.2;

  /** A remnant is taller than this times the median height of its row's digits. */
  static final double TALL = 1.15;

  /** A sliver of line is lower than this fraction of its row's digits and wider than high. */
  static final double FLAT = 0.2;

  /** Rows with fewer digits than this have no reliable median height. */
  static final int MIN_ROW = 3;

  /** The digits to keep; remnants are added to {@code marks}. */
  public List<Located> filter(List<Located> digits, List<Mark> marks) {
    List<Located> kept = new ArrayList<>();
    for (List<Located> row : RowGrouper.group(digits, Located::box)) {
      double median = medianHeight(row);
      for (Located digit : row) {
        if (row.size() >= MIN_ROW && remnant(digit, median)) {
          marks.add(new Mark(digit.box(), Mark.Kind.OTHER));
        } else {
          kept.add(digit);
        }
      }
    }
    return kept;
  }

  private static boolean remnant(Located digit, double rowHeight) {
    int width = digit.box().width();
    int height = digit.box().height();
    boolean sideOfABox = width < THIN * height && height > TALL * rowHeight;
    boolean sliverOfALine = height < FLAT * rowHeight && width > height;
    return sideOfABox || sliverOfALine;
  }

  private static double medianHeight(List<Located> row) {
    int[] heights = row.stream().mapToInt(d -> d.box().height()).toArray();
    Arrays.sort(heights);
    return heights[heights.length / 2];
  }
}
