package org.digitocr.segment;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.digitocr.layout.Box;
import org.digitocr.layout.RowGrouper;
import org.digitocr.normalize.MnistNormalizer;

/**
 * Sets aside the form's printed text (titles, field labels) that went through the classifier as if
 * it were digits. The segmenter has already set aside print much smaller than the handwriting; this
 * looks at runs — marks in a row with letter-spacing gaps between them, the marks already set aside
 * included — and calls a run printed when
 *
 * <ul>
 *   <li>it is a word: at least half its marks were set aside as small print, as the lower-case
 *       letters around a label's capitals are;
 *   <li>it is small print, unless it sits close beside handwriting (a flat digit): its letters
 *       touched, so the segmenter took them for one wide blob;
 *   <li>it is bold print: strokes thicker for their height than handwriting's (bold type's stems
 *       are a fifth of its height, a pen's stroke on a handwritten digit about an eighth), and
 *       smaller than the handwriting;
 *   <li>it is typeset, whatever its size: nearly all its marks stand on one baseline to within a
 *       pixel or so, as type does and no hand does, and either they also reach one cap line
 *       (capitals) or their strokes are bold (a title in mixed case).
 * </ul>
 *
 * A run written on a ruled line is handwriting whatever its size and strokes: a form rules lines
 * for writing on, and a small number in a thick pen looks like bold print.
 *
 * <p>The classifier's confidence is no help: it reads many letters as digits with near certainty,
 * and small handwriting that it is unsure of would be lost. Regular-weight titles as large as the
 * handwriting therefore still come through as digit lines.
 *
 * <p>Thresholds were set on generated form pages (see {@code evaluate-pages}): there, of runs of
 * three or more handwritten digits none had a mean stroke over 0.19 of its height or was below 0.55
 * of the handwriting's height.
 */
public final class PrintedTextFilter {
  private static final int BOX = MnistNormalizer.BOX;

  /** Marks lower than this fraction of the handwriting's height are small print. */
  public static final double SMALL_PRINT = 0.5;

  /** Mean stroke width over height from which a run is bold print. */
  static final double BOLD_STROKE = 0.2;

  /** Bold print is smaller than this fraction of the handwriting's height. */
  static final double BOLD_SIZE = 0.8;

  /**
   * A run is written on a ruled line when a removed horizontal line runs under at least this share
   * of its width...
   */
  static final double ON_LINE_SPAN = 0.8;

  /**
   * ... its top below the run's middle and at most this fraction of its height below its bottom.
   */
  static final double ON_LINE_GAP = 0.5;

  /** A run of fewer marks is never called typeset: a few handwritten digits may line up. */
  static final int TYPESET_MIN_MARKS = 5;

  /**
   * Typeset marks are aligned to this fraction of their height, or to {@link #TYPESET_PIXELS} if
   * more: the accuracy of print, scanning and binarisation.
   */
  static final double TYPESET_TOLERANCE = 0.02;

  static final double TYPESET_PIXELS = 1;

  /**
   * A typeset run has more than this share of its marks on its baseline (letters may descend: one
   * in seven)...
   */
  static final double TYPESET_ON_BASELINE = 0.85;

  /**
   * ... and this share reaching its cap line, or strokes this thick for their height. Measured at
   * the tolerance above on generated pages (180 pages, runs of five or more marks not written on a
   * line, level to {@link #TYPESET_MAX_SLOPE}): of the handwritten runs with 0.8 on a baseline,
   * none had more than 0.67 on a top line or a mean stroke over 0.148; of the runs atop the pages,
   * where the titles are, 228 had 0.8 on a baseline and either a cap line or strokes of 0.166 to
   * 0.21. Yet in a generated phone photo four digits of five stood on one baseline and reached one
   * top line: hence more than 0.85 on the baseline, all five of five.
   */
  static final double TYPESET_ON_CAP_LINE = 0.8;

  static final double TYPESET_BOLD_STROKE = 0.165;

  /**
   * A line of type on a deskewed page is level to within this slope (0.6 degrees). Allowing any
   * slope would let the baseline fit a steady drift of handwriting instead: a number in a generated
   * phone photo, its bottoms falling 1.8 pixels in 100 and its heights nearly equal, passed for
   * capitals.
   */
  static final double TYPESET_MAX_SLOPE = 0.01;

  /** A gap between bottoms of more than this fraction of the digits' height separates bands. */
  static final double BAND_GAP = 0.5;

  /** Marks further apart than this fraction of the lower one's height start a new run. */
  static final double RUN_GAP = 0.5;

  /**
   * The digits to keep; printed runs are added to {@code marks}, which are taken into account.
   *
   * @param ruledLines the boxes of the horizontal lines removed from the page
   */
  public List<Located> filter(List<Located> candidates, List<Mark> marks, List<Box> ruledLines) {
    if (candidates.isEmpty()) {
      return candidates;
    }
    List<Item> items = new ArrayList<>();
    candidates.forEach(d -> items.add(new Item(d.box(), d, null)));
    marks.forEach(m -> items.add(new Item(m.box(), null, m.kind())));
    double handwriting = HandwritingHeight.of(candidates.stream().map(Located::box).toList());
    List<Located> kept = new ArrayList<>();
    for (List<Item> row : RowGrouper.group(items, Item::box)) {
      List<List<Item>> runs = runs(row);
      List<List<Band>> bands = runs.stream().map(run -> bandsToJudge(run, ruledLines)).toList();
      List<Baseline> typeset =
          bands.stream().flatMap(List::stream).flatMap(band -> typeset(band).stream()).toList();
      for (int r = 0; r < runs.size(); r++) {
        List<Item> run = runs.get(r);
        List<Located> digits = digits(run);
        if (digits.isEmpty()) {
          continue;
        }
        int at = r;
        List<Located> printed =
            bands.get(r).isEmpty()
                ? (word(run, digits) ? digits : List.of())
                : bands.get(r).stream()
                    .filter(band -> printed(band, runs, at, handwriting, typeset))
                    .flatMap(band -> band.digits().stream())
                    .toList();
        printed.forEach(d -> marks.add(new Mark(d.box(), Mark.Kind.PRINTED_TEXT)));
        digits.stream().filter(d -> !printed.contains(d)).forEach(kept::add);
      }
    }
    return kept;
  }

  /** Some of a run's marks, and their digits (at least one). */
  private record Band(List<Item> marks, List<Located> digits) {}

  /**
   * The bands of a run with digits, each to be judged as print or not; none for a run written on a
   * ruled line, which is judged whole.
   */
  private static List<Band> bandsToJudge(List<Item> run, List<Box> ruledLines) {
    List<Located> digits = digits(run);
    if (digits.isEmpty() || onRuledLine(digits, ruledLines)) {
      return List.of();
    }
    return bands(run, digits).stream()
        .map(marks -> new Band(marks, digits(marks)))
        .filter(band -> !band.digits().isEmpty())
        .toList();
  }

  /**
   * Whether a band of a run not written on a ruled line is print: a word, small or bold print, or
   * on a line of type.
   */
  private static boolean printed(
      Band band, List<List<Item>> runs, int run, double handwriting, List<Baseline> typeset) {
    List<Located> digits = band.digits();
    boolean smallPrint =
        medianHeight(digits) < SMALL_PRINT * handwriting
            && !besideHandwriting(runs, run, handwriting);
    return word(band.marks(), digits)
        || smallPrint
        || bold(digits, handwriting)
        || typeset.stream().anyMatch(baseline -> baseline.carries(band.marks()));
  }

  /**
   * A run's marks in bands one above the other, split where their bottoms are more than {@link
   * #BAND_GAP} of the digits' height apart: a title and the line of smaller type under it can fall
   * into one row of marks, and each is judged as a run of its own.
   */
  private static List<List<Item>> bands(List<Item> run, List<Located> digits) {
    double gap = BAND_GAP * medianHeight(digits);
    List<Item> byBottom = new ArrayList<>(run);
    byBottom.sort(Comparator.comparingInt(i -> i.box().bottom()));
    List<List<Item>> bands = new ArrayList<>();
    List<Item> band = new ArrayList<>();
    for (Item item : byBottom) {
      if (!band.isEmpty() && item.box().bottom() - band.get(band.size() - 1).box().bottom() > gap) {
        bands.add(band);
        band = new ArrayList<>();
      }
      band.add(item);
    }
    bands.add(band);
    if (bands.size() > 1) {
      bands.forEach(b -> b.sort(Comparator.comparingInt(i -> i.box().x())));
    }
    return bands.size() == 1 ? List.of(run) : bands;
  }

  private static double medianHeight(List<Located> digits) {
    return median(digits.stream().mapToInt(d -> d.box().height()).toArray());
  }

  private static List<Located> digits(List<Item> run) {
    return run.stream().filter(i -> i.digit != null).map(Item::digit).toList();
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

  /** Whether at least half the run's marks were set aside as small print, as a word's letters. */
  private static boolean word(List<Item> run, List<Located> digits) {
    // Only small print counts as letters: the dashes and dots left of a faint printed box are not.
    long setAside = run.stream().filter(i -> i.setAsideAs == Mark.Kind.PRINTED_TEXT).count();
    return setAside >= 2 && setAside >= digits.size();
  }

  private static boolean onRuledLine(List<Located> digits, List<Box> ruledLines) {
    Box run = Box.around(digits.stream().map(Located::box).toList());
    return ruledLines.stream()
        .anyMatch(
            line ->
                line.overlapX(run) >= ON_LINE_SPAN * run.width()
                    && line.y() >= run.y() + run.height() / 2
                    && line.y() <= run.bottom() + ON_LINE_GAP * run.height());
  }

  private static boolean bold(List<Located> digits, double handwriting) {
    if (digits.size() < 3) {
      return false;
    }
    double height = medianHeight(digits);
    return meanStroke(digits) >= BOLD_STROKE && height / handwriting < BOLD_SIZE;
  }

  /** The digits' mean stroke width as a fraction of their height. */
  private static double meanStroke(List<Located> digits) {
    return digits.stream()
        .mapToDouble(d -> d.strokeWidth() * longerSide(d.box()) / BOX / d.box().height())
        .average()
        .orElse(0);
  }

  /**
   * The baseline of a typeset run: its marks stand on one straight baseline to within the accuracy
   * of print, and either reach one straight cap line as closely or have bold strokes. Both lines
   * share the slope that best fits the baseline (the median slope between pairs of marks), so a
   * page deskewed a little short is no obstacle.
   */
  private static Optional<Baseline> typeset(Band band) {
    List<Located> digits = band.digits();
    List<Item> letters = letters(band.marks());
    if (letters.size() < TYPESET_MIN_MARKS) {
      return Optional.empty();
    }
    double height = medianHeight(digits);
    double tolerance = Math.max(TYPESET_PIXELS, TYPESET_TOLERANCE * height);
    double[] x = letters.stream().mapToDouble(i -> i.box().centerX()).toArray();
    double[] bottoms = letters.stream().mapToDouble(i -> i.box().bottom()).toArray();
    double[] tops = letters.stream().mapToDouble(i -> i.box().y()).toArray();
    double slope = medianSlope(x, bottoms);
    if (Math.abs(slope) > TYPESET_MAX_SLOPE) {
      return Optional.empty();
    }
    Baseline baseline = new Baseline(slope, bestOffset(x, bottoms, slope, tolerance), tolerance);
    Baseline capLine = new Baseline(slope, bestOffset(x, tops, slope, tolerance), tolerance);
    boolean typeset =
        baseline.share(x, bottoms) > TYPESET_ON_BASELINE
            && (capLine.share(x, tops) >= TYPESET_ON_CAP_LINE
                || meanStroke(digits) >= TYPESET_BOLD_STROKE);
    return typeset ? Optional.of(baseline) : Optional.empty();
  }

  /** Dots and dashes are not letters: a speck beside a title is not on its baseline. */
  private static List<Item> letters(List<Item> run) {
    return run.stream()
        .filter(i -> i.digit != null || i.setAsideAs == Mark.Kind.PRINTED_TEXT)
        .toList();
  }

  private static double medianSlope(double[] x, double[] y) {
    List<Double> slopes = new ArrayList<>();
    for (int i = 0; i < x.length; i++) {
      for (int j = i + 1; j < x.length; j++) {
        if (x[j] != x[i]) {
          slopes.add((y[j] - y[i]) / (x[j] - x[i]));
        }
      }
    }
    if (slopes.isEmpty()) {
      return 0;
    }
    slopes.sort(null);
    return slopes.get(slopes.size() / 2);
  }

  /** The offset of the line of the given slope that passes within tolerance of the most points. */
  private static double bestOffset(double[] x, double[] y, double slope, double tolerance) {
    double best = 0;
    int most = -1;
    for (int i = 0; i < x.length; i++) {
      double offset = y[i] - slope * x[i];
      int on = new Baseline(slope, offset, tolerance).count(x, y);
      if (on > most) {
        most = on;
        best = offset;
      }
    }
    return best;
  }

  /** A straight line of print: y = slope * x + offset, give or take the tolerance. */
  private record Baseline(double slope, double offset, double tolerance) {
    /** How many of the points lie on the line. */
    int count(double[] x, double[] y) {
      int on = 0;
      for (int i = 0; i < x.length; i++) {
        if (Math.abs(y[i] - slope * x[i] - offset) <= tolerance) {
          on++;
        }
      }
      return on;
    }

    double share(double[] x, double[] y) {
      return (double) count(x, y) / x.length;
    }

    /**
     * Whether the run stands on this baseline: a typeset run itself, or another word of its line of
     * type, however short.
     */
    boolean carries(List<Item> run) {
      List<Item> letters = letters(run);
      double[] x = letters.stream().mapToDouble(i -> i.box().centerX()).toArray();
      double[] bottoms = letters.stream().mapToDouble(i -> i.box().bottom()).toArray();
      return !letters.isEmpty() && share(x, bottoms) > TYPESET_ON_BASELINE;
    }
  }

  /**
   * Whether a run sits close beside a run of handwriting size: then its small marks are flat digits
   * of that number, not a label, which a form keeps apart from where one writes.
   */
  private static boolean besideHandwriting(List<List<Item>> runs, int at, double handwriting) {
    Box own = Box.around(runs.get(at).stream().map(Item::box).toList());
    for (int side = -1; side <= 1; side += 2) {
      int other = at + side;
      if (other < 0 || other >= runs.size()) {
        continue;
      }
      Box neighbour = Box.around(runs.get(other).stream().map(Item::box).toList());
      if (neighbour.height() >= Segmenter.HANDWRITING * handwriting
          && -neighbour.overlapX(own) <= Segmenter.BESIDE_GAP * neighbour.height()) {
        return true;
      }
    }
    return false;
  }

  private static int longerSide(Box box) {
    return Math.max(box.width(), box.height());
  }

  private static double median(int[] values) {
    int[] sorted = values.clone();
    Arrays.sort(sorted);
    return sorted[sorted.length / 2];
  }

  /** A mark in a row: a classified candidate, or one set aside ({@code digit} null) and why. */
  private record Item(Box box, Located digit, Mark.Kind setAsideAs) {}
}
