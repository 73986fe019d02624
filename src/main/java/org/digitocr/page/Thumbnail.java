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

  private Thumbnail() {}

  /** The image itself when it is no larger than {@link #SIDE}, else a shrunk copy. */
  static Mat of(Mat image) {
    double scale = (double) SIDE / Math.max(image.cols(), image.rows());
    if (scale >= 1) {
      return image;
    }
    Mat small = new Mat();
    Imgproc.resize(image, small, new Size(), scale, scale, Imgproc.INTER_AREA);
    return small;
  }
}
