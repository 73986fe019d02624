package org.digitocr.layout;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * A line of digits in reading order, split into groups (numbers) where the writer left a wide gap.
 *
 * @param number 1-based line number on the page, top to bottom
 * @param groups the line's numbers, left to right; digit indexes run across the whole line
 * @param box around all of the line's digits, in the original image's pixels
 */
public record ReadLine(int number, List<List<ReadDigit>> groups, Box box) implements Serializable {

  public ReadLine {
    groups = groups.stream().map(List::copyOf).toList();
  }

  public List<ReadDigit> digits() {
    List<ReadDigit> all = new ArrayList<>();
    groups.forEach(all::addAll);
    return all;
  }

  /** The transcript: groups separated by one space, {@code ?} for uncertain digits. */
  public String text() {
    StringBuilder text = new StringBuilder();
    for (List<ReadDigit> group : groups) {
      if (!text.isEmpty()) {
        text.append(' ');
      }
      group.forEach(d -> text.append(d.symbol()));
    }
    return text.toString();
  }

  /** Best guesses only, never {@code ?}: what the line most likely says. */
  public String bestGuess() {
    StringBuilder text = new StringBuilder();
    for (List<ReadDigit> group : groups) {
      if (!text.isEmpty()) {
        text.append(' ');
      }
      group.forEach(d -> text.append((char) ('0' + d.digit())));
    }
    return text.toString();
  }

  /**
   * The chance that every digit is right if the digits' errors were independent: the product of
   * their confidences.
   */
  public float confidence() {
    double product = 1;
    for (List<ReadDigit> group : groups) {
      for (ReadDigit digit : group) {
        product *= digit.confidence();
      }
    }
    return (float) product;
  }

  public ReadLine withBoxes(UnaryOperator<Box> map) {
    List<List<ReadDigit>> mapped =
        groups.stream().map(g -> g.stream().map(d -> d.withBox(map)).toList()).toList();
    return new ReadLine(
        number,
        mapped,
        Box.around(mapped.stream().flatMap(List::stream).map(ReadDigit::box)::iterator));
  }
}
