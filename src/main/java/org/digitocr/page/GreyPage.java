package org.digitocr.page;

import java.util.List;
import org.opencv.core.Mat;

/**
 * A page in grey (8UC1, dark ink on light paper) on its way through cleaning.
 *
 * @param toOriginal maps this image's pixels back to the original image
 * @param warnings what the steps so far want the user to know (e.g. no sheet found in a photo)
 */
public record GreyPage(Mat grey, CoordinateMap toOriginal, List<String> warnings) {
  public GreyPage {
    warnings = List.copyOf(warnings);
  }

  public GreyPage(Mat grey, CoordinateMap toOriginal) {
    this(grey, toOriginal, List.of());
  }
}
