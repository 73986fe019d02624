package org.digitocr.page;

import java.util.List;
import java.util.Optional;
import org.opencv.core.Mat;
import org.opencv.core.MatOfFloat;
import org.opencv.core.MatOfInt;
import org.opencv.core.Size;
import org.opencv.imgproc.Imgproc;

/**
 * Turns away images that cannot show a readable page whatever is done to them, with the reason: too
 * small to hold a digit with some paper round it, almost black, or almost white all over (blown
 * out, or a blank sheet).
 */
final class ImageScreening {
  /** A digit needs some 20 pixels to be read; with paper round it, a page needs more. */
  static final int MIN_SIDE = 32;

  /** At most 1% of an image too dark to read is brighter than this. */
  static final int DARK = 40;

  /** At least 99% of a blown-out image is brighter than this. */
  static final int WHITE = 245;

  private static final int WORKING_SIDE = 400;

  Optional<String> problem(Mat grey) {
    if (Math.min(grey.cols(), grey.rows()) < MIN_SIDE) {
      return Optional.of(
          String.format(
              "the image is too small to read (%dx%d pixels, at least %d a side needed)",
              grey.cols(), grey.rows(), MIN_SIDE));
    }
    double scale = Math.min(1.0, (double) WORKING_SIDE / Math.max(grey.cols(), grey.rows()));
    Mat small = new Mat();
    Imgproc.resize(grey, small, new Size(), scale, scale, Imgproc.INTER_AREA);
    float[] counts = histogram(small);
    if (levelBelow(counts, 0.99 * small.total()) < DARK) {
      return Optional.of("the image is too dark to read: almost black all over");
    }
    if (levelBelow(counts, 0.01 * small.total()) > WHITE) {
      return Optional.of("the image is almost white all over: blown out, or a blank sheet");
    }
    return Optional.empty();
  }

  private static float[] histogram(Mat grey) {
    Mat histogram = new Mat();
    Imgproc.calcHist(
        List.of(grey),
        new MatOfInt(0),
        new Mat(),
        histogram,
        new MatOfInt(256),
        new MatOfFloat(0, 256));
    float[] counts = new float[256];
    histogram.get(0, 0, counts);
    return counts;
  }

  /** The lowest grey level at or below which {@code pixels} pixels lie. */
  private static int levelBelow(float[] counts, double pixels) {
    double seen = 0;
    for (int level = 0; level < counts.length; level++) {
      seen += counts[level];
      if (seen >= pixels) {
        return level;
      }
    }
    return counts.length - 1;
  }
}
