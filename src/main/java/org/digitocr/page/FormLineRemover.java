package org.digitocr.page;

import java.util.ArrayList;
import java.util.List;
import org.opencv.core.Core;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.Rect;
import org.opencv.core.Size;
import org.opencv.imgproc.Imgproc;

/**
 * Removes ruled lines and the printed boxes of forms, keeping the digits written on or in them.
 *
 * <p>Horizontal lines are the ink left by an opening with a kernel longer than any digit is wide.
 * Vertical box sides can be as short as the box, so they are taken from an opening with a shorter
 * kernel and kept as lines only if they run from one horizontal line to another (or are longer than
 * any digit): a digit's upright stroke touches no line at both ends. Where a stroke crossed a
 * removed line, the gap is bridged again.
 */
public final class FormLineRemover {
  /** Horizontal lines are at least this fraction of the page's shorter side long. */
  static final double LINE_FRACTION = 1 / 12.0;

  /** Box sides are at least this fraction of the page's shorter side long. */
  static final double SIDE_FRACTION = 1 / 40.0;

  /** The result: the ink without lines, and the lines that were removed. */
  public record Result(Mat ink, Mat lines) {}

  public Result remove(Mat ink) {
    int shorter = Math.min(ink.cols(), ink.rows());
    int lineLength = Math.max(15, (int) Math.round(shorter * LINE_FRACTION));
    int sideLength = Math.max(8, (int) Math.round(shorter * SIDE_FRACTION));
    int bridge = Math.max(5, shorter / 150);

    Mat horizontal = open(ink, new Size(lineLength, 1));
    Mat vertical = boxSides(open(ink, new Size(1, sideLength)), horizontal, lineLength, bridge);
    Mat lines = new Mat();
    Core.bitwise_or(horizontal, vertical, lines);
    // The anti-aliased fringe of a line is lighter than its core; take it along.
    Mat wideLines = new Mat();
    Imgproc.dilate(lines, wideLines, kernel(new Size(3, 3)));

    Mat cleaned = new Mat();
    Core.subtract(ink, wideLines, cleaned);
    bridgeAcross(cleaned, horizontal, new Size(1, bridge + 2));
    bridgeAcross(cleaned, vertical, new Size(bridge + 2, 1));
    horizontal.release();
    vertical.release();
    wideLines.release();
    return new Result(cleaned, lines);
  }

  /**
   * Restores, inside the (widened) lines, the pixels of strokes that cross them: a closing along
   * the crossing direction fills exactly the gaps with ink on both sides.
   */
  private static void bridgeAcross(Mat cleaned, Mat lines, Size across) {
    if (Core.countNonZero(lines) == 0) {
      return;
    }
    Mat band = new Mat();
    Imgproc.dilate(lines, band, kernel(new Size(3, 3)));
    Mat closed = new Mat();
    Imgproc.morphologyEx(cleaned, closed, Imgproc.MORPH_CLOSE, kernel(across));
    Core.bitwise_and(closed, band, closed);
    Core.bitwise_or(cleaned, closed, cleaned);
    band.release();
    closed.release();
  }

  /** Of the upright strokes, those that are box sides: long, or joining two horizontal lines. */
  private static Mat boxSides(Mat upright, Mat horizontal, int longLength, int reach) {
    Mat labels = new Mat();
    Mat stats = new Mat();
    Mat centroids = new Mat();
    int count =
        Imgproc.connectedComponentsWithStats(upright, labels, stats, centroids, 8, CvType.CV_32S);
    Mat sides = Mat.zeros(upright.size(), CvType.CV_8UC1);
    if (count > 1) {
      Mat nearLines = new Mat();
      Imgproc.dilate(horizontal, nearLines, kernel(new Size(2 * reach + 1, 2 * reach + 1)));
      int[] stat = new int[5];
      List<Integer> kept = new ArrayList<>();
      for (int label = 1; label < count; label++) {
        stats.get(label, 0, stat);
        Rect box = new Rect(stat[0], stat[1], stat[2], stat[3]);
        if (box.height >= longLength
            || (touches(nearLines, box.x, box.y, box.width)
                && touches(nearLines, box.x, box.y + box.height - 1, box.width))) {
          kept.add(label);
        }
      }
      for (int label : kept) {
        stats.get(label, 0, stat);
        Rect box = new Rect(stat[0], stat[1], stat[2], stat[3]);
        Mat mask = new Mat();
        Core.inRange(
            labels.submat(box),
            new org.opencv.core.Scalar(label),
            new org.opencv.core.Scalar(label),
            mask);
        Core.bitwise_or(sides.submat(box), mask, sides.submat(box));
        mask.release();
      }
      nearLines.release();
    }
    upright.release();
    labels.release();
    stats.release();
    centroids.release();
    return sides;
  }

  private static boolean touches(Mat nearLines, int x, int y, int width) {
    return Core.countNonZero(nearLines.submat(new Rect(x, y, width, 1))) > 0;
  }

  private static Mat open(Mat ink, Size size) {
    Mat opened = new Mat();
    Imgproc.morphologyEx(ink, opened, Imgproc.MORPH_OPEN, kernel(size));
    return opened;
  }

  private static Mat kernel(Size size) {
    return Imgproc.getStructuringElement(Imgproc.MORPH_RECT, size);
  }
}
