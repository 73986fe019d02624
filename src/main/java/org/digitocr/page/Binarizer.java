package org.digitocr.page;

import org.opencv.core.Core;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.MatOfFloat;
import org.opencv.core.MatOfInt;
import org.opencv.core.Size;
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

  /** The ink pixels (255) and how they were found. */
  public record Result(Mat ink, Method method, double paperLevel) {}

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
    Mat ink = new Mat();
    if (levels[2] - levels[0] <= UNEVEN_SPREAD) {
      threshold(grey, levels[1], ink);
      background.release();
      return new Result(ink, Method.OTSU, levels[1]);
    }
    Mat fullBackground = new Mat();
    Imgproc.resize(background, fullBackground, grey.size(), 0, 0, Imgproc.INTER_LINEAR);
    Mat flattened = new Mat();
    Core.divide(grey, fullBackground, flattened, 255.0);
    threshold(flattened, 255, ink);
    background.release();
    fullBackground.release();
    flattened.release();
    return new Result(ink, Method.ADAPTIVE, levels[1]);
  }

  private static void threshold(Mat grey, double paperLevel, Mat ink) {
    double otsu =
        Imgproc.threshold(grey, ink, 0, 255, Imgproc.THRESH_BINARY_INV | Imgproc.THRESH_OTSU);
    double limit = paperLevel - MIN_CONTRAST;
    if (otsu > limit) {
      Imgproc.threshold(grey, ink, limit, 255, Imgproc.THRESH_BINARY_INV);
    }
  }

  /**
   * The paper without the ink, small: shrinking thins strokes to a pixel or two, and a grey
   * dilation (local maximum) then removes them.
   */
  private static Mat smallBackground(Mat grey) {
    double scale = (double) BACKGROUND_SIDE / Math.max(grey.cols(), grey.rows());
    Mat small = new Mat();
    if (scale < 1) {
      Imgproc.resize(grey, small, new Size(), scale, scale, Imgproc.INTER_AREA);
    } else {
      grey.copyTo(small);
    }
    Imgproc.dilate(small, small, Imgproc.getStructuringElement(Imgproc.MORPH_RECT, new Size(7, 7)));
    Imgproc.medianBlur(small, small, 5);
    return small;
  }

  /** Grey levels below which the given fractions of pixels lie. */
  private static double[] percentiles(Mat grey, double... fractions) {
    Mat hist = new Mat();
    Imgproc.calcHist(
        java.util.List.of(grey),
        new MatOfInt(0),
        new Mat(),
        hist,
        new MatOfInt(256),
        new MatOfFloat(0, 256));
    float[] counts = new float[256];
    hist.convertTo(hist, CvType.CV_32F);
    hist.get(0, 0, counts);
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
}
