package org.digitocr.layout;

import java.io.Serializable;
import java.util.function.UnaryOperator;

/**
 * One digit read on a page.
 *
 * @param index 1-based position within its line
 * @param confidence the classifier's softmax probability for {@code digit}
 * @param uncertain whether {@code confidence} is below the reader's minimum; {@code digit} is still
 *     the best guess
 * @param box where the digit is, in the original image's pixels
 */
public record ReadDigit(int index, int digit, float confidence, boolean uncertain, Box box)
    implements Serializable {

  /** The digit as it appears in transcripts: {@code ?} when uncertain. */
  public char symbol() {
    return uncertain ? '?' : (char) ('0' + digit);
  }

  public ReadDigit withBox(UnaryOperator<Box> map) {
    return new ReadDigit(index, digit, confidence, uncertain, map.apply(box));
  }
}
