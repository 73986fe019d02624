package org.digitocr.synth;

import java.io.Serializable;
import java.util.List;
import java.util.stream.Collectors;
import org.digitocr.layout.Box;

/**
 * A line of handwritten numbers on a synthetic page: what a perfect reader would transcribe.
 *
 * @param groups the numbers, left to right
 */
public record TruthLine(List<List<TruthDigit>> groups, Box box) implements Serializable {

  public TruthLine {
    groups = groups.stream().map(List::copyOf).toList();
  }

  public List<TruthDigit> digits() {
    return groups.stream().flatMap(List::stream).toList();
  }

  /** The transcript: groups separated by one space. */
  public String text() {
    return groups.stream()
        .map(g -> g.stream().map(d -> String.valueOf(d.digit())).collect(Collectors.joining()))
        .collect(Collectors.joining(" "));
  }
}
