package org.digitocr.page;

import org.opencv.core.Rect;

/**
 * How the cleaned page's pixels relate to the original image's, so that boxes found on the page can
 * be reported where they are in the file the user gave.
 */
public interface PageTransform {
  /**
   * The smallest upright box in original pixels that holds the given page box's image, clipped to
   * the original image.
   */
  Rect mapRectToOriginal(Rect pageBox);
}
