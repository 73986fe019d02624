package org.digitocr.page;

import java.util.ArrayList;
import java.util.List;
import org.digitocr.layout.Box;
import org.opencv.core.Core;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.Rect;
import org.opencv.core.Size;
import org.opencv.imgproc.Imgproc;

/**
 * Removes ruled lines and the printed boxes of forms, keeping the digits written on or in them.
 *
 * <p>Horizontal lines are the ink left by an opening with a kernel longer than any digit is wide (a
 * twelfth of the page, and four times the height of its characters). Vertical box sides can be as
 * short as the box, so they are taken from an opening with a shorter kernel and kept as lines only
 * if they are thin and run from one horizontal line to another (or are longer than any digit): a
 * digit's upright stroke touches no line at both ends. Where a stroke crossed a removed ruled line,
 * the gap is bridged again.
 */
public final class FormLineRemover {
  /** Horizontal lines are at least this fraction of the page's shorter side long. */
  static final double LINE_FRACTION = 1 / 12.0;

  /** Box sides are at least this fraction of the page's shorter side long. */
  static final double SIDE_FRACTION = 1 / 40.0;

  /** Horizontal lines are at least this many times the height of the page's characters long. */
  static final double LINE_IN_TEXT = 4;

  /** Box sides are at least this many times the height of the page's characters long. */
  static final double SIDE_IN_TEXT = 0.8;

  /** Lines are looked for at this fraction of the page's resolution: long kernels are costly. */
  static final double SEARCH_SCALE = 0.5;

  /** Full-resolution pixels per search-scale pixel. */
  private static final int FULL_PER_SEARCH = (int) Math.round(1 / SEARCH_SCALE);

  /** Breaks in a line up to this many (search-scale) pixels are closed before lines are sought. */
  static final int GAP_CLOSE = 3;

  /** A box side's ends are at most this many (search-scale) pixels from the lines it joins. */
  static final int SIDE_REACH = 2;

  /**
   * Box sides are printed lines, at most this many (search-scale) pixels wide, or as thick as the
   * page's horizontal lines if those are thicker (a blurred photo, a high resolution); a pen's
   * upright stroke that happens to reach from one line to another (a 4 in a comb box) is wider.
   */
  static final int MAX_SIDE_WIDTH = 3;

  /** A box side may be this much thicker than the page's horizontal lines (print varies). */
  static final double SIDE_TO_LINE_WIDTH = 1.5;

  /**
   * Across a line found in the ink, the faint ink's line is ignored this many (search-scale) pixels
   * either side.
   */
  static final int FAINT_REACH = 3;

  /**
   * A line found only in the faint ink is taken when less than this share of it is ink. Measured:
   * the light boxes of generated pages about a third, runs along the bold title of {@code
   * samples/form.png} 0.55 to 0.85 (the longest 0.75 to 0.85); 0.5 also lost light lines of
   * generated pages (0.57 to 0.7), 0.7 fewer of them (60 pages: 784 lines exact against 787).
   */
  static final double MAX_FAINT_LINE_INK = 0.7;

  /**
   * A printed frame round a number may be too short for its sides to count as lines. A blob is such
   * a frame when ink runs along at least this share of each of its four sides.
   */
  static final double FRAME_COVER = 0.9;

  /**
   * A frame's sides are straight runs at least this share of its box's side long: the thick top of
   * a written 0 is a shorter run.
   */
  static final double FRAME_RUN = 0.75;

  /** A frame's sides are looked for this many (search-scale) pixels in from its box's edges. */
  static final int FRAME_BAND = 4;

  /**
   * A frame holds characters: it is at least this many times as high as the page's characters (two
   * written 0s that touch are not a frame)...
   */
  static final double FRAME_HEIGHT_IN_TEXT = 1.25;

  /** ... and this many times as wide. */
  static final double FRAME_WIDTH_IN_TEXT = 1.5;

  /** Pixels on either side of a line's core removed with it. */
  static final int FRINGE = 2;

  /**
   * The ink without the lines.
   *
   * @param ink binary: the ink, lines removed, strokes across them restored
   * @param removed binary: where lines were taken out, with their fringe (strokes restored across
   *     them excepted)
   * @param ruledLines the boxes of the horizontal lines taken out (ruled lines, the tops and
   *     bottoms of boxes and frames)
   */
  public record Result(Mat ink, Mat removed, List<Box> ruledLines) {}

  /**
   * @param ink binary: the page's ink
   * @param faintInk binary: the ink with a threshold nearer the paper, in which lines are sought (a
   *     light grey printed line is broken into dashes in {@code ink})
   */
  public Result remove(Mat ink, Mat faintInk) {
    int shorter = Math.min(ink.cols(), ink.rows());
    Mat small = shrink(ink);
    Mat smallFaint = shrink(faintInk);
    double text = textHeight(InkComponents.boxes(small), small.rows());
    int lineLength =
        (int)
            Math.round(
                Math.max(8, Math.max(shorter * LINE_FRACTION * SEARCH_SCALE, LINE_IN_TEXT * text)));
    int sideLength =
        (int)
            Math.round(
                Math.max(4, Math.max(shorter * SIDE_FRACTION * SEARCH_SCALE, SIDE_IN_TEXT * text)));
    Mat horizontal =
        withFaint(
            lines(small, new Size(GAP_CLOSE, 1), new Size(lineLength, 1)),
            lines(smallFaint, new Size(GAP_CLOSE, 1), new Size(lineLength, 1)),
            small,
            new Size(1, 2 * FAINT_REACH + 1));
    Mat frameSides = Mat.zeros(small.size(), CvType.CV_8UC1);
    // Frames are sought in the faint ink, where a light one is whole.
    addFrames(smallFaint, text, horizontal, frameSides);
    InkComponents horizontalLines = InkComponents.find(horizontal, 1);
    List<Box> ruledLines =
        horizontalLines.components().stream().map(line -> fullResolution(line.box())).toList();
    int maxSideWidth =
        Math.max(
            MAX_SIDE_WIDTH, (int) Math.round(SIDE_TO_LINE_WIDTH * lineThickness(horizontalLines)));
    Mat nearLines = new Mat();
    Imgproc.dilate(horizontal, nearLines, kernel(new Size(2 * SIDE_REACH + 1, 2 * SIDE_REACH + 1)));
    Mat vertical =
        withFaint(
            boxSides(
                lines(small, new Size(1, GAP_CLOSE), new Size(1, sideLength)),
                nearLines,
                maxSideWidth,
                lineLength),
            boxSides(
                lines(smallFaint, new Size(1, GAP_CLOSE), new Size(1, sideLength)),
                nearLines,
                maxSideWidth,
                lineLength),
            small,
            new Size(2 * FAINT_REACH + 1, 1));
    Core.bitwise_or(vertical, frameSides, vertical);
    frameSides.release();
    nearLines.release();
    small.release();
    smallFaint.release();

    Mat cleaned = ink.clone();
    Mat removed = Mat.zeros(ink.size(), CvType.CV_8UC1);
    removeAndBridge(
        cleaned,
        removed,
        horizontal,
        horizontalLines.components().stream().map(InkComponents.Component::box).toList(),
        true,
        true);
    horizontalLines.release();
    // No bridging across box sides: digits in neighbouring comb cells both touch the side
    // between them, and strokes rarely cross one.
    removeAndBridge(cleaned, removed, vertical, InkComponents.boxes(vertical), false, false);
    horizontal.release();
    vertical.release();
    Core.subtract(removed, cleaned, removed);
    return new Result(cleaned, removed, ruledLines);
  }

  /**
   * The lines found in the ink, extended by the faint ink's lines where they go further. Across a
   * line found in both, the ink's is kept: in the faint ink it is thicker, and its halo joins the
   * strokes of digits resting on it, which would be taken out with it. A line found only in the
   * faint ink must be mostly lighter than the ink, as a light printed line is: along bold type the
   * faint ink's halo joins the letters into long runs that are mostly ink.
   */
  private static Mat withFaint(Mat found, Mat foundFaint, Mat ink, Size across) {
    Mat known = new Mat();
    Imgproc.dilate(found, known, kernel(across));
    Core.subtract(foundFaint, known, foundFaint);
    known.release();
    Mat inked = new Mat();
    for (InkComponents.Traced line : InkComponents.traced(foundFaint)) {
      Rect box = InkComponents.rect(line.box());
      Mat mask = line.pixels(foundFaint);
      Mat inkThere = ink.submat(box);
      Core.bitwise_and(mask, inkThere, inked);
      inkThere.release();
      if (Core.countNonZero(inked) < MAX_FAINT_LINE_INK * Core.countNonZero(mask)) {
        Mat foundThere = found.submat(box);
        Core.bitwise_or(foundThere, mask, foundThere);
        foundThere.release();
      }
      mask.release();
    }
    inked.release();
    foundFaint.release();
    return found;
  }

  /** The ink at search scale. Any ink in the averaged pixels counts: thin lines survive. */
  private static Mat shrink(Mat ink) {
    Mat small = new Mat();
    Imgproc.resize(ink, small, new Size(), SEARCH_SCALE, SEARCH_SCALE, Imgproc.INTER_AREA);
    Imgproc.threshold(small, small, 0, 255, Imgproc.THRESH_BINARY);
    return small;
  }

  /**
   * The median height of the blobs that may be characters (neither specks, nor lines, nor frames):
   * on a page of large writing, lines must be longer than the page's size alone suggests.
   */
  private static double textHeight(List<Box> blobs, int pageHeight) {
    List<Integer> heights = new ArrayList<>();
    for (Box blob : blobs) {
      int width = blob.width();
      int height = blob.height();
      if (height >= 3 && height <= pageHeight / 5 && width <= 4 * height) {
        heights.add(height);
      }
    }
    if (heights.isEmpty()) {
      return 0;
    }
    heights.sort(null);
    return heights.get(heights.size() / 2);
  }

  /**
   * Adds the sides of the printed frames among the blobs to the lines found: top and bottom to
   * {@code horizontal}, left and right to {@code vertical}. A frame's sides are straight runs of
   * ink, each at least {@link #FRAME_RUN} of its side long, along at least {@link #FRAME_COVER} of
   * all four sides of its box; a handwritten digit's strokes are curved or short.
   */
  private static void addFrames(Mat ink, double text, Mat horizontal, Mat vertical) {
    for (InkComponents.Traced blob : InkComponents.traced(ink)) {
      Box box = blob.box();
      if (box.height() < Math.max(FRAME_HEIGHT_IN_TEXT * text, 2 * FRAME_BAND + 1)
          || box.width() < Math.max(FRAME_WIDTH_IN_TEXT * text, 2 * FRAME_BAND + 1)) {
        continue;
      }
      Mat frame = blob.pixels(ink);
      List<Rect> bands =
          List.of(
              new Rect(0, 0, box.width(), FRAME_BAND),
              new Rect(0, box.height() - FRAME_BAND, box.width(), FRAME_BAND),
              new Rect(0, 0, FRAME_BAND, box.height()),
              new Rect(box.width() - FRAME_BAND, 0, FRAME_BAND, box.height()));
      // Most blobs fail on their first side: the others are not looked at.
      List<Side> sides = new ArrayList<>();
      for (Rect band : bands) {
        sides.add(Side.of(frame, band, sides.size() < 2));
        if (!sides.get(sides.size() - 1).covered()) {
          break;
        }
      }
      if (sides.size() == bands.size() && sides.get(sides.size() - 1).covered()) {
        Rect at = InkComponents.rect(box);
        for (Side side : sides) {
          Mat frameBox = (side.horizontal() ? horizontal : vertical).submat(at);
          Mat lines = frameBox.submat(side.band());
          Core.bitwise_or(lines, side.runs(), lines);
          lines.release();
          frameBox.release();
        }
      }
      sides.forEach(side -> side.runs().release());
      frame.release();
    }
  }

  /**
   * One side of a possible frame: in a band along an edge of the frame's box, the straight runs of
   * ink at least {@link #FRAME_RUN} of the band long, and whether they cover {@link #FRAME_COVER}
   * of it.
   */
  private record Side(Rect band, boolean horizontal, Mat runs, boolean covered) {
    static Side of(Mat frame, Rect band, boolean horizontal) {
      Size run =
          horizontal
              ? new Size(Math.round(FRAME_RUN * band.width), 1)
              : new Size(1, Math.round(FRAME_RUN * band.height));
      Mat runs = new Mat();
      Mat side = frame.submat(band);
      Imgproc.morphologyEx(side, runs, Imgproc.MORPH_OPEN, kernel(run));
      side.release();
      Mat any = new Mat();
      Core.reduce(runs, any, horizontal ? 0 : 1, Core.REDUCE_MAX);
      boolean covered = Core.countNonZero(any) >= FRAME_COVER * any.total();
      any.release();
      return new Side(band, horizontal, runs, covered);
    }
  }

  /**
   * Long straight runs of ink in one direction: an opening with a long kernel, after closing gaps
   * of a few pixels so that a thin or jagged line counts as one.
   */
  private static Mat lines(Mat ink, Size gaps, Size length) {
    if (length.width > length.height) {
      // OpenCV's morphology with a long kernel runs twice as fast down columns as along rows.
      Mat across = new Mat();
      Core.transpose(ink, across);
      Mat foundAcross =
          lines(across, new Size(gaps.height, gaps.width), new Size(length.height, length.width));
      across.release();
      Mat found = new Mat();
      Core.transpose(foundAcross, found);
      foundAcross.release();
      return found;
    }
    Mat found = new Mat();
    Imgproc.morphologyEx(ink, found, Imgproc.MORPH_CLOSE, kernel(gaps));
    Imgproc.morphologyEx(found, found, Imgproc.MORPH_OPEN, kernel(length));
    return found;
  }

  /**
   * Removes the lines found at search scale, with their fringe, from the full-resolution ink, then
   * restores the pixels of strokes that cross them: a closing across the line fills exactly the
   * gaps with ink on both sides. Works line by line, in small regions. Marks in {@code removed} the
   * bands taken out.
   */
  private static void removeAndBridge(
      Mat cleaned,
      Mat removed,
      Mat smallLines,
      List<Box> lines,
      boolean horizontal,
      boolean bridge) {
    Size fringe = horizontal ? new Size(3, 2 * FRINGE + 1) : new Size(2 * FRINGE + 1, 3);
    Rect smallPage = new Rect(0, 0, smallLines.cols(), smallLines.rows());
    for (Box box : lines) {
      // Across the line, the band is the line, its fringe and a pixel of rounding each side; a
      // stroke crossing it has ink within a few pixels beyond.
      int bandWidth = (horizontal ? box.height() : box.width()) * FULL_PER_SEARCH + 2 * FRINGE + 2;
      Size across = horizontal ? new Size(1, bandWidth + 3) : new Size(bandWidth + 3, 1);
      int marginX = ((int) (across.width + fringe.width) + 2) / FULL_PER_SEARCH + 1;
      int marginY = ((int) (across.height + fringe.height) + 2) / FULL_PER_SEARCH + 1;
      Rect small =
          intersect(
              new Rect(
                  box.x() - marginX,
                  box.y() - marginY,
                  box.width() + 2 * marginX,
                  box.height() + 2 * marginY),
              smallPage);
      Rect region =
          intersect(
              new Rect(
                  small.x * FULL_PER_SEARCH,
                  small.y * FULL_PER_SEARCH,
                  small.width * FULL_PER_SEARCH,
                  small.height * FULL_PER_SEARCH),
              new Rect(0, 0, cleaned.cols(), cleaned.rows()));
      Mat band = new Mat();
      Mat smallBand = smallLines.submat(small);
      Imgproc.resize(
          smallBand,
          band,
          new Size(small.width * FULL_PER_SEARCH, small.height * FULL_PER_SEARCH),
          0,
          0,
          Imgproc.INTER_NEAREST);
      Mat fitted = band.submat(new Rect(0, 0, region.width, region.height));
      Imgproc.dilate(fitted, fitted, kernel(fringe));
      Mat area = cleaned.submat(region);
      Core.subtract(area, fitted, area);
      Mat removedArea = removed.submat(region);
      Core.bitwise_or(removedArea, fitted, removedArea);
      if (bridge) {
        Mat closed = new Mat();
        Imgproc.morphologyEx(area, closed, Imgproc.MORPH_CLOSE, kernel(across));
        Core.bitwise_and(closed, fitted, closed);
        Core.bitwise_or(area, closed, area);
        closed.release();
      }
      // A view keeps its whole image alive until released: the page's, here.
      for (Mat view : List.of(smallBand, fitted, area, removedArea)) {
        view.release();
      }
      band.release();
    }
  }

  private static Box fullResolution(Box small) {
    return new Box(
        small.x() * FULL_PER_SEARCH,
        small.y() * FULL_PER_SEARCH,
        small.width() * FULL_PER_SEARCH,
        small.height() * FULL_PER_SEARCH);
  }

  private static Rect intersect(Rect a, Rect b) {
    int x = Math.max(a.x, b.x);
    int y = Math.max(a.y, b.y);
    int right = Math.min(a.x + a.width, b.x + b.width);
    int bottom = Math.min(a.y + a.height, b.y + b.height);
    return new Rect(x, y, Math.max(0, right - x), Math.max(0, bottom - y));
  }

  /**
   * Of the upright strokes, those that are box sides: long, or thin and joining two horizontal
   * lines.
   *
   * @param nearLines the horizontal lines, grown by {@link #SIDE_REACH}
   */
  private static Mat boxSides(Mat upright, Mat nearLines, int maxSideWidth, int longLength) {
    Mat sides = Mat.zeros(nearLines.size(), CvType.CV_8UC1);
    for (InkComponents.Traced stroke : InkComponents.traced(upright)) {
      Box box = stroke.box();
      boolean joinsLines =
          box.width() <= maxSideWidth
              && touches(nearLines, box.x(), box.y(), box.width())
              && touches(nearLines, box.x(), box.bottom() - 1, box.width());
      if (box.height() >= longLength || joinsLines) {
        Rect rect = InkComponents.rect(box);
        Mat mask = stroke.pixels(upright);
        Mat side = sides.submat(rect);
        Core.bitwise_or(side, mask, side);
        side.release();
        mask.release();
      }
    }
    upright.release();
    return sides;
  }

  /** The median thickness of the horizontal lines found, each as its area over its length. */
  private static double lineThickness(InkComponents lines) {
    double[] thickness =
        lines.components().stream()
            .mapToDouble(c -> (double) c.area() / c.box().width())
            .sorted()
            .toArray();
    return thickness.length == 0 ? 0 : thickness[thickness.length / 2];
  }

  /** Whether any of the {@code width} pixels from (x, y) along a row is near a line. */
  private static boolean touches(Mat nearLines, int x, int y, int width) {
    // Read as bytes: a view of a few pixels would cost a Mat.
    byte[] row = new byte[width];
    nearLines.get(y, x, row);
    for (byte pixel : row) {
      if (pixel != 0) {
        return true;
      }
    }
    return false;
  }

  private static Mat kernel(Size size) {
    return Kernels.rect((int) size.width, (int) size.height);
  }
}
