package org.digitocr.segment;

import org.digitocr.layout.Box;

/**
 * A piece chosen as a digit, with the classifier's answer.
 *
 * @param box on the cleaned page
 * @param strokeWidth the ink's stroke width relative to its longer side, in pixels of a 20-pixel
 *     box (MNIST's digits: median 2.2)
 */
public record Located(Box box, int digit, float confidence, double strokeWidth) {}
