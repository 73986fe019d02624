package org.digitocr.segment;

import org.digitocr.layout.Box;

/**
 * A piece chosen as a digit, with the classifier's answer.
 *
 * @param box on the cleaned page
 */
public record Located(Box box, int digit, float confidence) {}
