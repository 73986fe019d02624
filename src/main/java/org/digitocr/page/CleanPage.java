package org.digitocr.page;

import org.opencv.core.Mat;

/**
 * A page ready for segmentation.
 *
 * @param ink binary 8UC1: 255 where there is ink, ruled lines and form boxes removed
 * @param components the blobs of {@code ink}, specks left out
 * @param toOriginal maps {@code ink}'s pixels back to the original image
 * @param skewDegrees the counter-clockwise rotation that levelled the page
 * @param binarization how ink was told from paper
 */
public record CleanPage(
    Mat ink,
    InkComponents components,
    CoordinateMap toOriginal,
    double skewDegrees,
    Binarizer.Method binarization) {

  public void release() {
    ink.release();
    components.release();
  }
}
