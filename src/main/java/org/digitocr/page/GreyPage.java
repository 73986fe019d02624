package org.digitocr.page;

import org.opencv.core.Mat;

/**
 * A page in grey (8UC1, dark ink on light paper) on its way through cleaning.
 *
 * @param toOriginal maps this image's pixels back to the original image
 */
public record GreyPage(Mat grey, CoordinateMap toOriginal) {}
