package org.digitocr.page;

import java.util.Locale;
import java.util.Optional;
import org.opencv.core.Mat;

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

  /**
   * @param grey the image in grey
   * @param thumbnail its {@link Thumbnail}
   */
  Optional<String> problem(Mat grey, Mat thumbnail) {
    if (Math.min(grey.cols(), grey.rows()) < MIN_SIDE) {
      return Optional.of(
          String.format(
              Locale.ROOT,
              "the image is too small to read (%dx%d pixels, at least %d a side needed)",
              grey.cols(),
              grey.rows(),
              MIN_SIDE));
    }
    double[] levels = Binarizer.percentiles(thumbnail, 0.01, 0.99);
    if (levels[1] < DARK) {
      return Optional.of("the image is too dark to read: almost black all over");
    }
    if (levels[0] > WHITE) {
      return Optional.of("the image is almost white all over: blown out, or a blank sheet");
    }
    return Optional.empty();
  }
}
