package org.digitocr.page;

import java.util.List;
import org.opencv.core.Core;
import org.opencv.core.Mat;
import org.opencv.core.MatOfFloat;
import org.opencv.core.MatOfInt;
import org.opencv.imgproc.Imgproc;

/**
 * Tells ink from paper. Where the paper's brightness is even, one global Otsu threshold does; where
 * it is not (a shadow, a gradient from a lamp) the page is first divided by an estimate of its
 * local background, which makes the threshold adapt to the light at each place.
 */
public final class Binarizer {

  public enum Method {
    /** One global Otsu threshold. */
    OTSU,
    /** Otsu on the page divided by its local background brightness. */
    ADAPTIVE
  }

  /**
   * How ink was told from paper.
   *
   * @param levelled the grey page with its light evened out if it was uneven (else the input)
   * @param threshold grey levels of {@code levelled} at or below this are ink
   * @param paper the grey level of blank paper in {@code levelled}
   */
  public record Result(Mat levelled, double threshold, double paper, Method method) {
    /** Binary 8UC1, 255 for ink, of the levelled page. */
    public Mat ink() {
      return ink(levelled);
    }

    /** Binary 8UC1, 255 for ink, of {@code grey} (the levelled page, or a warped copy of it). */
    public Mat ink(Mat grey) {
      Mat ink = new Mat();
      Imgproc.threshold(grey, ink, threshold, 255, Imgproc.THRESH_BINARY_INV);
      return ink;
    }

    /**
     * Binary 8UC1 of {@code grey} with the threshold halfway to the paper: printed form lines are
     * often much lighter than a pen, and the threshold that suits handwriting breaks them into
     * dashes. Too noisy for strokes, but paper noise forms no long straight runs.
     */
    public Mat faintInk(Mat grey) {
      Mat ink = new Mat();
      Imgproc.threshold(grey, ink, (threshold + paper) / 2, 255, Imgproc.THRESH_BINARY_INV);
      return ink;
    }
  }

  /** The background is estimated on a copy this many pixels on its longer side. */
  private static final int BACKGROUND_SIDE = 256;

  /** Paper brightness varying by more grey levels than this across the page is uneven. */
  static final double UNEVEN_SPREAD = 40;

  /**
   * Ink is at least this much darker than paper: keeps Otsu from splitting paper noise in two on a
   * page with little or no ink.
   */
  static final double MIN_CONTRAST = 40;

  public Result binarize(Mat grey) {
    Mat background = smallBackground(grey);
    double[] levels = percentiles(background, 0.05, 0.5, 0.95);
    if (levels[2] - levels[0] <= UNEVEN_SPREAD) {
      background.release();
      return new Result(grey, threshold(grey, levels[1]), levels[1], Method.OTSU);
    }
    Mat fullBackground = new Mat();
    Imgproc.resize(background, fullBackground, grey.size(), 0, 0, Imgproc.INTER_LINEAR);
    Mat levelled = new Mat();
    Core.divide(grey, fullBackground, levelled, 255.0);
    background.release();
    fullBackground.release();
    return new Result(levelled, threshold(levelled, 255), 255, Method.ADAPTIVE);
  }

  /** Otsu's threshold, but never closer to the paper than {@link #MIN_CONTRAST}. */
  private static double threshold(Mat grey, double paperLevel) {
    return Math.min(otsu(histogram(grey)), paperLevel - MIN_CONTRAST);
  }

  /** The grey level that best splits the histogram in two classes (Otsu, 1979). */
  static int otsu(double[] counts) {
    double total = 0;
    double sum = 0;
    for (int level = 0; level < counts.length; level++) {
      total += counts[level];
      sum += level * counts[level];
    }
    double below = 0;
    double sumBelow = 0;
    double bestSpread = -1;
    int best = 0;
    for (int level = 0; level < counts.length; level++) {
      below += counts[level];
      sumBelow += level * counts[level];
      double above = total - below;
      if (below == 0 || above == 0) {
        continue;
      }
      double meanBelow = sumBelow / below;
      double meanAbove = (sum - sumBelow) / above;
      double spread = below * above * (meanBelow - meanAbove) * (meanBelow - meanAbove);
      if (spread > bestSpread) {
        bestSpread = spread;
        best = level;
      }
    }
    return best;
  }

  /**
   * The paper without the ink, small: shrinking thins strokes to a pixel or two, and a grey
   * dilation (local maximum) then removes them.
   */
  private static Mat smallBackground(Mat grey) {
    Mat shrunk = Thumbnail.atMost(grey, BACKGROUND_SIDE);
    Mat small = new Mat();
    Imgproc.dilate(shrunk, small, Kernels.rect(7, 7));
    if (shrunk != grey) {
      shrunk.release();
    }
    Imgproc.medianBlur(small, small, 5);
    return small;
  }

  /** Grey levels below which the given fractions of pixels lie. */
  static double[] percentiles(Mat grey, double... fractions) {
    double[] counts = histogram(grey);
    double total = grey.total();
    double[] levels = new double[fractions.length];
    for (int f = 0; f < fractions.length; f++) {
      double seen = 0;
      int level = 0;
      while (level < 255 && (seen += counts[level]) < fractions[f] * total) {
        level++;
      }
      levels[f] = level;
    }
    return levels;
  }

  private static double[] histogram(Mat grey) {
    Mat hist = new Mat();
    Imgproc.calcHist(
        List.of(grey), new MatOfInt(0), new Mat(), hist, new MatOfInt(256), new MatOfFloat(0, 256));
    float[] counts = new float[256];
    hist.get(0, 0, counts);
    hist.release();
    double[] result = new double[256];
    for (int i = 0; i < 256; i++) {
      result[i] = counts[i];
    }
    return result;
  }
}
