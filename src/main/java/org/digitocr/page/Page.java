package org.digitocr.page;

import org.opencv.core.Mat;

/**
 * One page of an input as decoded.
 *
 * @param number 1-based page number within the input
 * @param image the pixels as decoded: 8-bit, one channel (grey) or three (BGR)
 * @param dpi the image's resolution if known (PDFs: the render resolution; images: from their
 *     header), else 0
 */
public record Page(int number, Mat image, double dpi) {

  /** A page of unknown resolution. */
  public Page(int number, Mat image) {
    this(number, image, 0);
  }

  /** The resolution, or {@code assumed} when the input did not say. */
  public double dpiOr(double assumed) {
    return dpi > 0 ? dpi : assumed;
  }
}
