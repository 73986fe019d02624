package org.digitocr.page;

import java.util.List;
import org.digitocr.layout.Box;
import org.opencv.core.Mat;

/**
 * A page ready for segmentation.
 *
 * @param intensity 8UC1 ink intensity, 0 for paper to 255 for a full stroke, ruled lines and form
 *     boxes removed
 * @param components the blobs of ink (binary), specks left out
 * @param toOriginal maps the page's pixels back to the original image
 * @param skewDegrees the counter-clockwise rotation that levelled the page
 * @param binarization how ink was told from paper
 * @param warnings what cleaning wants the user to know (e.g. no sheet found in a photo)
 * @param inkFound whether there was any ink at all, lines included
 * @param ruledLines the boxes of the horizontal lines removed: ruled lines, and the tops and
 *     bottoms of boxes and frames
 */
public record CleanPage(
    Mat intensity,
    InkComponents components,
    CoordinateMap toOriginal,
    double skewDegrees,
    Binarizer.Method binarization,
    List<String> warnings,
    boolean inkFound,
    List<Box> ruledLines) {

  public void release() {
    intensity.release();
    components.release();
  }
}
