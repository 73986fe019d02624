package org.digitocr.layout;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.digitocr.segment.Located;

/**
 * Puts a page's digits in reading order — lines top to bottom, digits left to right — and splits
 * each line into groups (numbers) at gaps clearly wider than the spacing inside a number.
 */
public final class LineLayout {
  /** A gap narrower than this fraction of the line's digit height never separates numbers. */
  static final double MIN_GROUP_GAP = 0.6;

  /**
   * Nor does a gap across which the digits' centres are less than this many times the line's usual
   * distance apart: a thin 1 in a comb box leaves wide gaps, but keeps the pitch.
   */
  static final double PITCH_RATIO = 1.5;

  private final float minConfidence;

  /**
   * @param minConfidence digits less likely than this are marked uncertain
   */
  public LineLayout(float minConfidence) {
    this.minConfidence = minConfidence;
  }

  /** Lines with boxes as given (on the cleaned page). */
  public List<ReadLine> arrange(List<Located> digits) {
    List<ReadLine> lines = new ArrayList<>();
    for (List<Located> row : RowGrouper.group(digits, Located::box)) {
      lines.add(line(lines.size() + 1, row));
    }
    return lines;
  }

  private ReadLine line(int number, List<Located> row) {
    double height = median(row.stream().mapToInt(d -> d.box().height()).toArray());
    int[] pitches = new int[row.size() - 1];
    for (int i = 1; i < row.size(); i++) {
      pitches[i - 1] =
          (int) Math.round(row.get(i).box().centerX() - row.get(i - 1).box().centerX());
    }
    double pitch = pitches.length == 0 ? 0 : median(pitches);
    List<List<ReadDigit>> groups = new ArrayList<>();
    List<ReadDigit> group = new ArrayList<>();
    for (int i = 0; i < row.size(); i++) {
      if (i > 0) {
        int gap = -row.get(i - 1).box().overlapX(row.get(i).box());
        if (gap > MIN_GROUP_GAP * height && pitches[i - 1] > PITCH_RATIO * pitch) {
          groups.add(group);
          group = new ArrayList<>();
        }
      }
      Located d = row.get(i);
      group.add(
          new ReadDigit(i + 1, d.digit(), d.confidence(), d.confidence() < minConfidence, d.box()));
    }
    groups.add(group);
    return new ReadLine(number, groups, Box.around(row.stream().map(Located::box).toList()));
  }

  private static double median(int[] values) {
    int[] sorted = values.clone();
    Arrays.sort(sorted);
    int n = sorted.length;
    return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2.0;
  }
}
