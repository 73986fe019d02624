package org.digitocr.page;

import org.opencv.core.Mat;
import org.opencv.core.Size;
import org.opencv.imgproc.Imgproc;

/**
 * A small copy of a page (area-averaged to at most {@link #SIDE} pixels on its longer side) for the
 * photo stage's decisions that need no detail: made once per page, as shrinking a large image costs
 * more than the decisions themselves.
 */
final class Thumbnail {
  static final int SIDE = 640;

  /** How near a whole factor must bring a side to the one asked of {@link #about}. */
  static final double NEAR = 0.1;

  private Thumbnail() {}

  /** The image itself when it is no larger than {@link #SIDE}, else a shrunk copy. */
  static Mat of(Mat image) {
    return atMost(image, SIDE);
  }

  /**
   * The image itself when its longer side is at most {@code side} pixels, else a copy shrunk by the
   * smallest whole factor that makes it so, each pixel the average of a block of pixels. OpenCV
   * shrinks by a whole factor several times faster than by any other (an A4 page at 200 dpi to 640
   * pixels: 2 ms against 9 on one core).
   */
  static Mat atMost(Mat image, int side) {
    return shrunk(image, (int) Math.ceil((double) Math.max(image.cols(), image.rows()) / side));
  }

  /**
   * A copy about {@code side} pixels on its longer side, each pixel the average of those it covers:
   * shrunk by a whole factor when one lands within a tenth of {@code side} (an A4 page at 200 dpi:
   * 780 pixels in ~2 ms), else by OpenCV's general area resize to {@code side} exactly (~7 ms). The
   * image itself when that factor is 1 (up to a tenth larger) or it is no larger.
   */
  static Mat about(Mat image, int side) {
    int longer = Math.max(image.cols(), image.rows());
    int factor = (int) Math.round((double) longer / side);
    if (factor >= 1 && Math.abs((double) longer / factor - side) <= NEAR * side) {
      return shrunk(image, factor);
    }
    if (longer <= side) {
      return image;
    }
    double scale = (double) side / longer;
    Mat small = new Mat();
    Imgproc.resize(image, small, new Size(), scale, scale, Imgproc.INTER_AREA);
    return small;
  }

  private static Mat shrunk(Mat image, int factor) {
    if (factor <= 1) {
      return image;
    }
    Mat small = new Mat();
    Imgproc.resize(image, small, new Size(), 1.0 / factor, 1.0 / factor, Imgproc.INTER_AREA);
    return small;
  }
}
