package org.digitocr.segment;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.digitocr.layout.Box;
import org.digitocr.layout.RowGrouper;

/**
 * Sets aside the form's printed text (titles, field labels) that went through the classifier as if
 * it were digits. The segmenter has already set aside print much smaller than the handwriting; this
 * looks at runs — marks in a row with letter-spacing gaps between them, the marks already set aside
 * included — and calls a run printed when
 *
 * <ul>
 *   <li>it is a word: at least half its marks were set aside (small print, i-dots), as the
 *       lower-case letters around a label's capitals are;
 *   <li>it is typeset: neighbours share both top and bottom to the pixel, as the letters of one
 *       font do and handwriting does not, and the classifier is unsure of some; or
 *   <li>it is smaller than the handwriting and the classifier is unsure of it.
 * </ul>
 */
public final class PrintedTextFilter {
  /** Marks lower than this fraction of the handwriting's height are small print. */
  public static final double SMALL_PRINT = 0.5;

  /** Runs lower than this fraction of the handwriting's height may be titles. */
  static final double TITLE_SIZE = 0.8;

  /** A title-sized run whose mean confidence is below this is printed. */
  static final double TITLE_CONFIDENCE = 0.9;

  /**
   * Runs of at least this many marks may be judged typeset. In a handwritten number a pair of
   * neighbours shares top and bottom within a pixel or two about one time in ten, so several such
   * pairs in a row are next to impossible; in a typeset word, half the pairs or more do.
   */
  static final int TYPESET_RUN = 6;

  /** Fraction of neighbours with equal top and bottom from which a run is typeset. */
  static final double TYPESET_PAIRS = 0.7;

  /** ... or from which it is typeset if the classifier is also unsure of some of it. */
  static final double LOOSE_TYPESET_PAIRS = 0.5;

  /** Below this mean confidence a loosely typeset run is printed. */
  static final double TYPESET_CONFIDENCE = 0.97;

  /** Marks further apart than this fraction of the lower one's height start a new run. */
  static final double RUN_GAP = 0.5;

  /** The digits to keep; printed runs are added to {@code marks}, which are taken into account. */
  public List<Located> filter(List<Located> candidates, List<Mark> marks) {
    if (candidates.isEmpty()) {
      return candidates;
    }
    List<Item> items = new ArrayList<>();
    candidates.forEach(d -> items.add(new Item(d.box(), d)));
    marks.forEach(m -> items.add(new Item(m.box(), null)));
    double handwriting = HandwritingHeight.of(candidates.stream().map(Located::box).toList());
    List<Located> kept = new ArrayList<>();
    for (List<Item> row : RowGrouper.group(items, Item::box)) {
      for (List<Item> run : runs(row)) {
        List<Located> digits = run.stream().filter(i -> i.digit != null).map(Item::digit).toList();
        if (digits.isEmpty()) {
          continue;
        }
        if (printed(run, digits, handwriting)) {
          digits.forEach(d -> marks.add(new Mark(d.box(), Mark.Kind.PRINTED_TEXT)));
        } else {
          kept.addAll(digits);
        }
      }
    }
    return kept;
  }

  private static List<List<Item>> runs(List<Item> row) {
    List<List<Item>> runs = new ArrayList<>();
    List<Item> run = new ArrayList<>();
    for (Item item : row) {
      if (!run.isEmpty()) {
        Box previous = run.get(run.size() - 1).box();
        int lower = Math.min(previous.height(), item.box().height());
        if (-previous.overlapX(item.box()) > RUN_GAP * lower) {
          runs.add(run);
          run = new ArrayList<>();
        }
      }
      run.add(item);
    }
    runs.add(run);
    return runs;
  }

  static boolean printed(List<Item> run, List<Located> digits, double handwriting) {
    long setAside = run.size() - digits.size();
    if (setAside >= 2 && setAside >= digits.size()) {
      return true;
    }
    if (digits.size() < 3) {
      return false;
    }
    double confidence = digits.stream().mapToDouble(Located::confidence).average().orElse(1);
    double height = median(digits.stream().mapToInt(d -> d.box().height()).toArray());
    if (height < TITLE_SIZE * handwriting && confidence < TITLE_CONFIDENCE) {
      return true;
    }
    if (digits.size() < TYPESET_RUN) {
      return false;
    }
    double typeset = typesetPairs(digits);
    return typeset >= TYPESET_PAIRS
        || (typeset >= LOOSE_TYPESET_PAIRS && confidence < TYPESET_CONFIDENCE);
  }

  /** Fraction of neighbouring marks whose tops and bottoms both agree within a pixel or two. */
  static double typesetPairs(List<Located> run) {
    int equal = 0;
    for (int i = 1; i < run.size(); i++) {
      Box a = run.get(i - 1).box();
      Box b = run.get(i).box();
      double tolerance = Math.max(1.5, 0.02 * Math.max(a.height(), b.height()));
      if (Math.abs(a.y() - b.y()) <= tolerance && Math.abs(a.bottom() - b.bottom()) <= tolerance) {
        equal++;
      }
    }
    return (double) equal / (run.size() - 1);
  }

  private static double median(int[] values) {
    int[] sorted = values.clone();
    Arrays.sort(sorted);
    return sorted[sorted.length / 2];
  }

  /** A mark in a row: a classified candidate, or one set aside ({@code digit} null). */
  private record Item(Box box, Located digit) {}
}
