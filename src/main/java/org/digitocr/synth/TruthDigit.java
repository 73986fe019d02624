package org.digitocr.synth;

import java.io.Serializable;
import org.digitocr.layout.Box;

/**
 * A digit written on a synthetic page.
 *
 * @param digit its label in MNIST
 * @param mnistIndex which MNIST test digit was drawn
 * @param box where its ink is, in the page's pixels
 */
public record TruthDigit(int digit, int mnistIndex, Box box) implements Serializable {}
