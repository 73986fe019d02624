package org.digitocr.page;

import org.opencv.core.Mat;

/**
 * One page of an input as decoded.
 *
 * @param number 1-based page number within the input
 * @param image the pixels as decoded: 8-bit, one channel (grey) or three (BGR)
 */
public record Page(int number, Mat image) {}
