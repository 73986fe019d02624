package org.digitocr.segment;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.digitocr.layout.Box;
import org.digitocr.layout.RowGrouper;
import org.digitocr.normalize.MnistNormalizer;
import org.digitocr.page.CleanPage;
import org.digitocr.page.InkComponents;
import org.digitocr.page.InkComponents.Component;
import org.digitocr.page.Kernels;
import org.opencv.core.Core;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.Rect;
import org.opencv.core.Scalar;
import org.opencv.imgproc.Imgproc;

/**
 * Finds digit candidates among a page's ink blobs, row by row. Sizes are judged against the row's
 * digit height {@code H} (the typical height of its taller blobs): pieces of a broken digit are
 * merged, blobs too wide for one digit get readings cut at the ink's narrowest columns, and dots,
 * commas, dashes and underlines are set aside.
 */
public final class Segmenter {
  /** Marks smaller than this (longer side, in H) are dots or commas. */
  static final double DOT_SIZE = 0.3;

  /** Flat marks lower than this (in H) and at least twice as wide as high are dashes. */
  static final double DASH_HEIGHT = 0.35;

  /** A blob smaller than this (longer side, in H) may be a piece of a broken digit. */
  static final double FRAGMENT_SIZE = 0.6;

  /** Merged pieces must still fit a digit: at most this high and wide (in H). */
  static final double MAX_DIGIT_HEIGHT = 1.4;

  static final double MAX_DIGIT_WIDTH = 1.1;

  /** A fragment of a digit is at most this far from the rest of it (in H). */
  static final double FRAGMENT_GAP = 0.1;

  /** Stacked pieces of one digit are at most this far apart vertically (in H). */
  static final double STACK_GAP = 0.35;

  /**
   * Pieces at most this wide (in H) stack as the dashes of one thin stroke as soon as their columns
   * meet: a slanted 1 broken into dashes shifts sideways from one to the next. Dashes already
   * joined count by their widest piece.
   */
  static final double THIN_STROKE = 0.3;

  /**
   * Blobs wider than this times their height may be touching digits (a fifth of MNIST's digits are
   * wider than high, so this only offers cut readings; the classifier decides).
   */
  static final double WIDE_ASPECT = 0.9;

  /** Narrowest plausible digit (a 1), in its height: narrower cuts are not tried. */
  static final double MIN_PIECE_WIDTH = 0.12;

  /** Larger than this (in H) is not a digit. */
  static final double TOO_LARGE = 3;

  /**
   * Blobs at least this tall (fraction of the page's handwriting height) are handwriting. The
   * page's height is that of its larger writing, and numbers are written at half of it too: at 0.6
   * the flat 0s and 5s of such a number were set aside as small print (60 generated pages: 10 of 22
   * digits not found, 8 more lines exact, 0.65 more false digits a page, all in lines already
   * false).
   */
  static final double HANDWRITING = 0.5;

  /** A small blob this close (in its neighbour's height) to handwriting belongs with it. */
  static final double BESIDE_GAP = 0.35;

  /** Pieces lower than this (in H) are unlikely digits, however sure the classifier is. */
  static final double LOWEST_DIGIT = 0.45;

  /** A digit is at most this wide, in H, before its width makes it doubtful. */
  static final double WIDEST_DIGIT = 1.05;

  /** How fast wider pieces become implausible (1.2 H wide keeps e^-1 of its score). */
  static final double WIDTH_SPREAD = 0.25;

  /**
   * Cutting ink into several digits must make the classifier this much surer (as a factor on the
   * geometric mean confidence) than reading it whole.
   */
  static final double CUT_PRIOR = 0.5;

  /** Halves of a broken 0 are each at least this tall (in H). */
  static final double HALF_HEIGHT = 0.6;

  /** Halves of a broken 0 are each at most this wide, in their height. */
  static final double HALF_WIDTH = 0.6;

  /** Halves of a broken 0 share at least this much of the lower one's rows. */
  static final double HALF_OVERLAP = 0.7;

  /** Halves of a broken 0 are at most this far apart (in H). */
  static final double HALF_GAP = 0.3;

  /** Halves of a broken 0 bow outwards by at least this fraction of their height. */
  static final double HALF_BOW = 0.04;

  /** At most this many digits are looked for in one blob. */
  static final int MAX_TOUCHING = 4;

  public Segmentation segment(CleanPage page) {
    InkComponents ink = page.components();
    List<List<Component>> rows = RowGrouper.group(ink.components(), Component::box);
    double pageScale = HandwritingHeight.of(ink.components().stream().map(Component::box).toList());
    // Rows are independent: cutting touching digits keeps both cores busy this way.
    List<Segmentation> segmentedRows =
        rows.parallelStream().map(row -> segmentRow(row, page, pageScale)).toList();
    Segmentation segmentation = new Segmentation();
    segmentedRows.forEach(segmentation::append);
    return segmentation;
  }

  private static Segmentation segmentRow(List<Component> row, CleanPage page, double pageScale) {
    Segmentation segmentation = new Segmentation();
    double scale =
        Math.max(digitHeight(row.stream().map(Component::box).toList()), 0.5 * pageScale);
    List<Blob> blobs = mergeBrokenPieces(row, scale);
    for (int i = 0; i < blobs.size(); i++) {
      Blob blob = blobs.get(i);
      Box box = blob.box;
      if (i + 1 < blobs.size() && facingArcs(blob, blobs.get(i + 1), scale, page)) {
        segmentation.addAlternatives(halvesOrWhole(blob, blobs.get(i + 1), page));
        i++;
        continue;
      }
      double longer = Math.max(box.width(), box.height());
      if (box.height() > TOO_LARGE * scale
          || box.width() > 2 * TOO_LARGE * scale
          || touchesBorder(box, page)) {
        segmentation.addMark(new Mark(box, Mark.Kind.OTHER));
      } else if (longer < DOT_SIZE * scale || longer < DOT_SIZE * pageScale) {
        segmentation.addMark(new Mark(box, Mark.Kind.DOT));
      } else if (box.height() < DASH_HEIGHT * scale && box.width() >= 2 * box.height()) {
        segmentation.addMark(new Mark(box, Mark.Kind.DASH));
      } else if (box.height() < PrintedTextFilter.SMALL_PRINT * pageScale
          && !besideHandwriting(blobs, i, pageScale)) {
        segmentation.addMark(new Mark(box, Mark.Kind.PRINTED_TEXT));
      } else if (box.height() < 0.5 * scale && box.width() < 0.5 * scale) {
        segmentation.addMark(new Mark(box, Mark.Kind.DOT));
      } else {
        Mat ink = inkOf(page, box, blob.parts);
        if (box.width() > WIDE_ASPECT * box.height()) {
          segmentation.addAlternatives(readings(ink, box, scale));
        } else {
          segmentation.addDigit(new Piece(box, ink));
        }
      }
    }
    return segmentation;
  }

  /**
   * Whether two neighbouring blobs may be the halves of a 0 broken at its top and bottom, as a pen
   * running dry leaves it: two narrow strokes as tall as each other, close together, bowed away
   * from each other like ( and ). A 1 is straight, so 11 is never taken for a 0 this way.
   */
  static boolean facingArcs(Blob left, Blob right, double scale, CleanPage page) {
    Box a = left.box;
    Box b = right.box;
    Box union = a.union(b);
    int lower = Math.min(a.height(), b.height());
    boolean shaped =
        lower >= HALF_HEIGHT * scale
            && a.width() <= HALF_WIDTH * a.height()
            && b.width() <= HALF_WIDTH * b.height()
            && a.overlapY(b) >= HALF_OVERLAP * lower
            && a.overlapX(b) >= -HALF_GAP * scale
            && union.width() <= MAX_DIGIT_WIDTH * scale;
    return shaped
        && bow(page, left) < -HALF_BOW * a.height()
        && bow(page, right) > HALF_BOW * b.height();
  }

  /**
   * How far the middle third of a stroke lies right of the line joining its top and bottom thirds,
   * in pixels: negative for (, positive for ), near 0 for a straight or slanted 1.
   */
  private static double bow(CleanPage page, Blob blob) {
    Mat mask = page.components().mask(blob.box, blob.parts);
    byte[] pixels = new byte[(int) mask.total()];
    mask.get(0, 0, pixels);
    int width = mask.cols();
    int height = mask.rows();
    mask.release();
    double[] sum = new double[3];
    int[] count = new int[3];
    for (int y = 0; y < height; y++) {
      int third = Math.min(2, 3 * y / height);
      for (int x = 0; x < width; x++) {
        if (pixels[y * width + x] != 0) {
          sum[third] += x;
          count[third]++;
        }
      }
    }
    if (count[0] == 0 || count[1] == 0 || count[2] == 0) {
      return 0;
    }
    double top = sum[0] / count[0];
    double middle = sum[1] / count[1];
    double bottom = sum[2] / count[2];
    return middle - (top + bottom) / 2;
  }

  /**
   * Two halves of a 0 read as two digits or as one: the classifier decides (its 1s are sure, so two
   * 1s win unless the whole is a surer 0).
   */
  private static List<Segmentation.Reading> halvesOrWhole(Blob left, Blob right, CleanPage page) {
    Piece a = new Piece(left.box, inkOf(page, left.box, left.parts));
    Piece b = new Piece(right.box, inkOf(page, right.box, right.parts));
    List<Component> parts = new ArrayList<>(left.parts);
    parts.addAll(right.parts);
    Box union = left.box.union(right.box);
    Piece whole = new Piece(union, inkOf(page, union, parts));
    return List.of(
        new Segmentation.Reading(List.of(a, b), 0), new Segmentation.Reading(List.of(whole), 0));
  }

  /**
   * Whether a blob sits close beside a blob of handwriting size: then it is more likely a flat
   * digit (MNIST has 5s twice as wide as high) than a word of small print, which a form keeps apart
   * from where one writes.
   */
  private static boolean besideHandwriting(List<Blob> blobs, int at, double pageScale) {
    for (int side = -1; side <= 1; side += 2) {
      int other = at + side;
      if (other < 0 || other >= blobs.size()) {
        continue;
      }
      Box neighbour = blobs.get(other).box;
      if (neighbour.height() >= HANDWRITING * pageScale
          && -neighbour.overlapX(blobs.get(at).box) <= BESIDE_GAP * neighbour.height()) {
        return true;
      }
    }
    return false;
  }

  /** Ink at the image's edge is the scanner's border or paper cut off, not writing. */
  private static boolean touchesBorder(Box box, CleanPage page) {
    return box.x() == 0
        || box.y() == 0
        || box.right() == page.intensity().cols()
        || box.bottom() == page.intensity().rows();
  }

  /**
   * The graded ink within {@code box}, with the ink of any other blob reaching into the box (and
   * its soft edge) cleared: the blobs' own soft edges and the paper inside their loops keep their
   * true grey levels.
   */
  private static Mat inkOf(CleanPage page, Box box, List<Component> parts) {
    Mat others = page.components().others(box, parts);
    Imgproc.dilate(others, others, Kernels.rect(3, 3));
    Mat area = page.intensity().submat(InkComponents.rect(box));
    // The area less full ink (255) where the others are: their pixels cleared, the rest as they
    // are, written over the others' mask rather than into a copy of the area.
    Core.subtract(area, others, others);
    area.release();
    return others;
  }

  /**
   * The typical digit height among blobs: the median height of those at least 60% as tall as the
   * 90th percentile (so that dots, pieces and small print do not pull it down).
   */
  static double digitHeight(List<Box> boxes) {
    if (boxes.isEmpty()) {
      return 1;
    }
    int[] heights = boxes.stream().mapToInt(Box::height).sorted().toArray();
    int tall = heights[(int) Math.floor(0.9 * (heights.length - 1))];
    int[] digits = Arrays.stream(heights).filter(h -> h >= 0.6 * tall).toArray();
    return digits[digits.length / 2];
  }

  /** Merges, closest pair first, the pieces that belong to one digit. */
  private static List<Blob> mergeBrokenPieces(List<Component> row, double scale) {
    List<Blob> blobs = new ArrayList<>();
    for (Component c : row) {
      blobs.add(new Blob(List.of(c), c.box()));
    }
    while (true) {
      int bestI = -1;
      int bestJ = -1;
      double bestDistance = Double.MAX_VALUE;
      for (int i = 0; i < blobs.size(); i++) {
        for (int j = i + 1; j < blobs.size(); j++) {
          Blob a = blobs.get(i);
          Blob b = blobs.get(j);
          if (belongTogether(a, b, scale)) {
            double distance =
                Math.max(0, -a.box.overlapX(b.box)) + Math.max(0, -a.box.overlapY(b.box));
            if (distance < bestDistance) {
              bestDistance = distance;
              bestI = i;
              bestJ = j;
            }
          }
        }
      }
      if (bestI < 0) {
        break;
      }
      Blob a = blobs.get(bestI);
      Blob b = blobs.remove(bestJ);
      List<Component> parts = new ArrayList<>(a.parts);
      parts.addAll(b.parts);
      blobs.set(bestI, new Blob(parts, a.box.union(b.box)));
    }
    blobs.sort((a, b) -> Double.compare(a.box.centerX(), b.box.centerX()));
    return blobs;
  }

  /**
   * Pieces of one broken digit: stacked above each other (a 5's detached bar over its body, the
   * dashes of a thin stroke), or a small piece touching or reaching into a larger one's columns (a
   * 6's loop beside its stem) — as long as together they still fit one digit. A dot low beside a
   * digit (a decimal point) stays apart.
   */
  static boolean belongTogether(Blob a, Blob b, double scale) {
    Box union = a.box.union(b.box);
    // A wide digit is judged by its own height too: a printed label in the row pulls the row's
    // digit height down.
    if (union.height() > MAX_DIGIT_HEIGHT * scale
        || union.width() > MAX_DIGIT_WIDTH * Math.max(scale, union.height())) {
      return false;
    }
    Box small = a.box.area() <= b.box.area() ? a.box : b.box;
    Box large = small == a.box ? b.box : a.box;
    int overlapX = a.box.overlapX(b.box);
    int overlapY = a.box.overlapY(b.box);
    int narrower = Math.min(a.box.width(), b.box.width());
    int lower = Math.min(a.box.height(), b.box.height());
    boolean thinStroke =
        overlapX >= 0 && Math.max(widestPart(a), widestPart(b)) <= THIN_STROKE * scale;
    boolean stacked =
        (overlapX >= 0.5 * narrower || thinStroke)
            && overlapY > -STACK_GAP * scale
            && overlapY < 0.5 * lower;
    if (stacked) {
      return true;
    }
    double smallSide = Math.max(small.width(), small.height());
    if (smallSide >= FRAGMENT_SIZE * scale
        || overlapX < -FRAGMENT_GAP * scale
        || overlapY < -FRAGMENT_GAP * scale) {
      return false;
    }
    boolean lowDot =
        smallSide < DOT_SIZE * scale
            && small.centerY() > large.y() + 0.7 * large.height()
            && overlapX < 0.6 * small.width();
    return !lowDot;
  }

  /** Dashes already joined are still a thin stroke, though the box of a slanted one is wide. */
  private static int widestPart(Blob blob) {
    // A loop, not a stream: this runs for every pair of neighbouring blobs, under scan's C1.
    int widest = 0;
    for (Component part : blob.parts) {
      widest = Math.max(widest, part.box().width());
    }
    return blob.parts.isEmpty() ? blob.box.width() : widest;
  }

  /**
   * Readings of a blob too wide for one digit: whole, or cut into 2..4 pieces at the columns where
   * the ink is thinnest near where equal-width digits would meet.
   */
  private static List<Segmentation.Reading> readings(Mat ink, Box box, double scale) {
    List<Segmentation.Reading> readings = new ArrayList<>();
    Piece whole = new Piece(box, ink);
    readings.add(new Segmentation.Reading(List.of(whole), logPrior(List.of(whole), scale)));
    int[] profile = columnProfile(ink);
    int most =
        Math.min(MAX_TOUCHING, Math.max(2, (int) Math.round(box.width() / (0.6 * box.height()))));
    for (int count = 2; count <= most; count++) {
      for (int[] cuts : cutSets(profile, count, box.height())) {
        List<Piece> pieces = cut(ink, box, cuts);
        if (pieces != null) {
          readings.add(new Segmentation.Reading(pieces, logPrior(pieces, scale)));
        }
      }
    }
    return readings;
  }

  /**
   * How plausible it is that each piece is one digit, from its width against its height or the
   * row's digit height, whichever is more: scaled like MNIST (longer side fitted to the box) a
   * digit is at most as wide as a tall digit is high, so wider pieces are ever less likely single
   * digits, however sure the classifier is of them (it is sure of half a zero, too); and a piece
   * much lower than the row's digits is a stroke cut off, not a digit. Cutting costs a constant
   * factor.
   */
  static double logPrior(List<Piece> pieces, double scale) {
    double sum = 0;
    for (Piece piece : pieces) {
      Box box = piece.box();
      double height = Math.max(box.height(), scale);
      double excess = Math.max(0, box.width() / height - WIDEST_DIGIT) / WIDTH_SPREAD;
      double shortfall = Math.max(0, LOWEST_DIGIT - box.height() / scale) / WIDTH_SPREAD;
      sum -= excess * excess + shortfall * shortfall;
    }
    return sum / pieces.size() + (pieces.size() > 1 ? Math.log(CUT_PRIOR) : 0);
  }

  private static int[] columnProfile(Mat mask) {
    Mat sums = new Mat();
    Core.reduce(mask, sums, 0, Core.REDUCE_SUM, CvType.CV_32S);
    int[] profile = new int[mask.cols()];
    sums.get(0, 0, profile);
    sums.release();
    return profile;
  }

  /**
   * Cut positions for {@code count} pieces: for each boundary, the columns with the least ink near
   * where equal-width pieces would meet, plus that even position itself.
   */
  static List<int[]> cutSets(int[] profile, int count, int height) {
    int width = profile.length;
    int perCut = count == 2 ? 3 : 2;
    List<int[]> options = new ArrayList<>();
    for (int k = 1; k < count; k++) {
      int even = (int) Math.round((double) k * width / count);
      int reach = (int) Math.round(0.4 * width / count);
      options.add(thinnestColumns(profile, even - reach, even + reach, even, perCut));
    }
    List<int[]> sets = new ArrayList<>();
    combine(options, 0, new int[count - 1], sets, (int) Math.ceil(MIN_PIECE_WIDTH * height), width);
    return sets;
  }

  private static void combine(
      List<int[]> options, int at, int[] chosen, List<int[]> sets, int minWidth, int width) {
    if (at == options.size()) {
      sets.add(chosen.clone());
      return;
    }
    int previous = at == 0 ? 0 : chosen[at - 1];
    for (int column : options.get(at)) {
      if (column - previous >= minWidth && width - column >= minWidth) {
        chosen[at] = column;
        combine(options, at + 1, chosen, sets, minWidth, width);
      }
    }
  }

  /** Local minima of the (3-column smoothed) profile within [from, to], thinnest first. */
  private static int[] thinnestColumns(int[] profile, int from, int to, int even, int count) {
    int lo = Math.max(1, from);
    int hi = Math.min(profile.length - 2, to);
    List<int[]> minima = new ArrayList<>();
    for (int x = lo; x <= hi; x++) {
      int here = smooth(profile, x);
      if (here <= smooth(profile, x - 1) && here <= smooth(profile, x + 1)) {
        minima.add(new int[] {x, here});
      }
    }
    minima.sort((a, b) -> Integer.compare(a[1], b[1]));
    int[] columns = new int[Math.min(count, minima.size() + 1)];
    int n = 0;
    for (int[] minimum : minima) {
      if (n == columns.length - 1) {
        break;
      }
      if (Math.abs(minimum[0] - even) > 0) {
        columns[n++] = minimum[0];
      }
    }
    columns[n++] = even;
    return Arrays.copyOf(columns, n);
  }

  private static int smooth(int[] profile, int x) {
    int sum = 0;
    for (int d = -1; d <= 1; d++) {
      int at = Math.max(0, Math.min(profile.length - 1, x + d));
      sum += profile[at];
    }
    return sum;
  }

  /**
   * The pieces between the cuts, each cropped to its ink with crumbs of a neighbour's strokes
   * (blobs under a tenth of the piece's largest) dropped; null if a piece holds no real ink.
   */
  private static List<Piece> cut(Mat mask, Box box, int[] cuts) {
    List<Piece> pieces = new ArrayList<>();
    int start = 0;
    for (int i = 0; i <= cuts.length; i++) {
      int end = i < cuts.length ? cuts[i] : mask.cols();
      Mat columns = mask.colRange(start, end);
      Piece piece = cleanPiece(columns, box.x() + start, box.y());
      columns.release();
      if (piece == null) {
        pieces.forEach(p -> p.ink().release());
        return null;
      }
      pieces.add(piece);
      start = end;
    }
    return pieces;
  }

  private static Piece cleanPiece(Mat columns, int offsetX, int offsetY) {
    // The visible ink, from which the crumbs are taken out below.
    Mat kept = new Mat();
    Imgproc.threshold(columns, kept, MnistNormalizer.FAINT, 255, Imgproc.THRESH_BINARY);
    Mat labels = new Mat();
    Mat stats = new Mat();
    Mat centroids = new Mat();
    int count =
        Imgproc.connectedComponentsWithStats(kept, labels, stats, centroids, 8, CvType.CV_32S);
    int[] areas = new int[count];
    int largest = 0;
    for (int label = 1; label < count; label++) {
      areas[label] = (int) stats.get(label, Imgproc.CC_STAT_AREA)[0];
      largest = Math.max(largest, areas[label]);
    }
    if (largest == 0) {
      kept.release();
      labels.release();
      return null;
    }
    // Most pieces have no crumbs, and need no Mat for them.
    Mat crumb = null;
    for (int label = 1; label < count; label++) {
      if (areas[label] * 10 < largest) {
        if (crumb == null) {
          crumb = new Mat();
        }
        Core.inRange(labels, new Scalar(label), new Scalar(label), crumb);
        Core.subtract(kept, crumb, kept);
      }
    }
    if (crumb != null) {
      crumb.release();
    }
    Rect bounds = Imgproc.boundingRect(kept);
    Imgproc.dilate(kept, kept, Kernels.rect(3, 3));
    // The ink near what is kept, in the mask's Mat, then a copy of the part within the bounds.
    Core.bitwise_and(columns, kept, kept);
    Mat within = kept.submat(bounds);
    Mat ink = within.clone();
    within.release();
    kept.release();
    labels.release();
    stats.release();
    centroids.release();
    return new Piece(
        new Box(offsetX + bounds.x, offsetY + bounds.y, bounds.width, bounds.height), ink);
  }

  /** One or more components taken as one candidate. */
  record Blob(List<Component> parts, Box box) {}
}
