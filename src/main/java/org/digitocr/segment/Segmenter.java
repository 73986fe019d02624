package org.digitocr.segment;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.digitocr.layout.Box;
import org.digitocr.layout.RowGrouper;
import org.digitocr.page.CleanPage;
import org.digitocr.page.InkComponents;
import org.digitocr.page.InkComponents.Component;
import org.opencv.core.Core;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.Rect;
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

  /** Stacked pieces of one digit are at most this far apart vertically (in H). */
  static final double STACK_GAP = 0.35;

  /** Blobs wider than this times their height may be touching digits. */
  static final double WIDE_ASPECT = 1.15;

  /** Narrowest plausible digit (a 1), in its height: narrower cuts are not tried. */
  static final double MIN_PIECE_WIDTH = 0.12;

  /** Larger than this (in H) is not a digit. */
  static final double TOO_LARGE = 3;

  /** At most this many digits are looked for in one blob. */
  static final int MAX_TOUCHING = 4;

  public Segmentation segment(CleanPage page) {
    InkComponents ink = page.components();
    Segmentation segmentation = new Segmentation();
    List<List<Component>> rows = RowGrouper.group(ink.components(), Component::box);
    double pageScale = digitHeight(ink.components().stream().map(Component::box).toList());
    for (List<Component> row : rows) {
      segmentRow(row, ink, pageScale, segmentation);
    }
    return segmentation;
  }

  private void segmentRow(
      List<Component> row, InkComponents ink, double pageScale, Segmentation segmentation) {
    double scale =
        Math.max(digitHeight(row.stream().map(Component::box).toList()), 0.5 * pageScale);
    List<Blob> blobs = mergeBrokenPieces(row, scale);
    for (Blob blob : blobs) {
      Box box = blob.box;
      double longer = Math.max(box.width(), box.height());
      if (box.height() > TOO_LARGE * scale || box.width() > 2 * TOO_LARGE * scale) {
        segmentation.addMark(new Mark(box, Mark.Kind.OTHER));
      } else if (longer < DOT_SIZE * scale || longer < DOT_SIZE * pageScale) {
        segmentation.addMark(new Mark(box, Mark.Kind.DOT));
      } else if (box.height() < DASH_HEIGHT * scale && box.width() >= 2 * box.height()) {
        segmentation.addMark(new Mark(box, Mark.Kind.DASH));
      } else if (box.height() < 0.5 * scale && box.width() < 0.5 * scale) {
        segmentation.addMark(new Mark(box, Mark.Kind.DOT));
      } else {
        Mat mask = ink.mask(box, blob.parts);
        if (box.width() > WIDE_ASPECT * box.height()) {
          segmentation.addAlternatives(readings(mask, box));
        } else {
          segmentation.addDigit(new Piece(box, mask));
        }
      }
    }
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

  private static List<Blob> mergeBrokenPieces(List<Component> row, double scale) {
    List<Blob> blobs = new ArrayList<>();
    for (Component c : row) {
      blobs.add(new Blob(List.of(c), c.box()));
    }
    boolean merged = true;
    while (merged) {
      merged = false;
      search:
      for (int i = 0; i < blobs.size(); i++) {
        for (int j = i + 1; j < blobs.size(); j++) {
          if (belongTogether(blobs.get(i), blobs.get(j), scale)) {
            Blob a = blobs.get(i);
            Blob b = blobs.remove(j);
            List<Component> parts = new ArrayList<>(a.parts);
            parts.addAll(b.parts);
            blobs.set(i, new Blob(parts, a.box.union(b.box)));
            merged = true;
            break search;
          }
        }
      }
    }
    blobs.sort((a, b) -> Double.compare(a.box.centerX(), b.box.centerX()));
    return blobs;
  }

  /**
   * Pieces of one broken digit: stacked above each other (a 5's detached bar), or a small piece
   * reaching into a larger one's columns — as long as together they still fit one digit. A dot low
   * beside a digit (a decimal point) stays apart.
   */
  static boolean belongTogether(Blob a, Blob b, double scale) {
    Box union = a.box.union(b.box);
    if (union.height() > MAX_DIGIT_HEIGHT * scale || union.width() > MAX_DIGIT_WIDTH * scale) {
      return false;
    }
    Box small = a.box.area() <= b.box.area() ? a.box : b.box;
    Box large = small == a.box ? b.box : a.box;
    int overlapX = a.box.overlapX(b.box);
    int overlapY = a.box.overlapY(b.box);
    int narrower = Math.min(a.box.width(), b.box.width());
    int lower = Math.min(a.box.height(), b.box.height());
    boolean stacked =
        overlapX >= 0.5 * narrower && overlapY > -STACK_GAP * scale && overlapY < 0.5 * lower;
    if (stacked) {
      return true;
    }
    double smallSide = Math.max(small.width(), small.height());
    if (smallSide >= FRAGMENT_SIZE * scale || overlapX <= 0.3 * small.width()) {
      return false;
    }
    boolean lowDot =
        smallSide < DOT_SIZE * scale
            && small.centerY() > large.y() + 0.7 * large.height()
            && overlapX < 0.6 * small.width();
    return !lowDot && overlapY > -0.15 * scale;
  }

  /**
   * Readings of a blob too wide for one digit: whole, or cut into 2..4 pieces at the columns where
   * the ink is thinnest near where equal-width digits would meet.
   */
  private static List<List<Piece>> readings(Mat mask, Box box) {
    List<List<Piece>> readings = new ArrayList<>();
    readings.add(List.of(new Piece(box, mask)));
    int[] profile = columnProfile(mask);
    int most = Math.min(MAX_TOUCHING, (int) Math.ceil(box.width() / (0.5 * box.height())));
    for (int count = 2; count <= most; count++) {
      for (int[] cuts : cutSets(profile, count, box.height())) {
        List<Piece> pieces = cut(mask, box, cuts);
        if (pieces != null) {
          readings.add(pieces);
        }
      }
    }
    return readings;
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
      Piece piece = cleanPiece(mask.colRange(start, end), box.x() + start, box.y());
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
    Mat labels = new Mat();
    Mat stats = new Mat();
    Mat centroids = new Mat();
    int count =
        Imgproc.connectedComponentsWithStats(columns, labels, stats, centroids, 8, CvType.CV_32S);
    int[] areas = new int[count];
    int largest = 0;
    for (int label = 1; label < count; label++) {
      areas[label] = (int) stats.get(label, Imgproc.CC_STAT_AREA)[0];
      largest = Math.max(largest, areas[label]);
    }
    if (largest == 0) {
      return null;
    }
    Mat kept = Mat.zeros(columns.size(), CvType.CV_8UC1);
    Mat one = new Mat();
    for (int label = 1; label < count; label++) {
      if (areas[label] * 10 >= largest) {
        Core.inRange(
            labels, new org.opencv.core.Scalar(label), new org.opencv.core.Scalar(label), one);
        Core.bitwise_or(kept, one, kept);
      }
    }
    Rect bounds = Imgproc.boundingRect(kept);
    Mat ink = kept.submat(bounds).clone();
    kept.release();
    one.release();
    labels.release();
    stats.release();
    centroids.release();
    return new Piece(
        new Box(offsetX + bounds.x, offsetY + bounds.y, bounds.width, bounds.height), ink);
  }

  /** One or more components taken as one candidate. */
  record Blob(List<Component> parts, Box box) {}
}
