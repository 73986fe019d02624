package org.digitocr.segment;

import org.digitocr.layout.Box;
import org.opencv.core.Mat;

/**
 * Ink that may be one digit: a blob, merged pieces of a broken digit, or one part of touching
 * digits cut apart.
 *
 * @param box the ink's bounding box on the cleaned page
 * @param ink 8UC1 ink intensity (0 paper to 255 full stroke) of exactly {@code box}, only this
 *     piece's ink
 */
public record Piece(Box box, Mat ink) {}
