package org.digitocr.segment;

import org.digitocr.layout.Box;
import org.opencv.core.Mat;

/**
 * Ink that may be one digit: a blob, merged pieces of a broken digit, or one part of touching
 * digits cut apart.
 *
 * @param box the ink's bounding box on the cleaned page
 * @param ink binary (0/255) 8UC1 image of exactly {@code box}, only this piece's ink
 */
public record Piece(Box box, Mat ink) {}
