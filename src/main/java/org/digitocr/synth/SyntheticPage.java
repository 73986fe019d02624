package org.digitocr.synth;

import java.util.List;
import org.opencv.core.Mat;

/**
 * A generated page and what is written on it.
 *
 * @param image 8UC1 grey page as a scanner would deliver it
 * @param lines the handwritten lines, top to bottom
 */
public record SyntheticPage(Mat image, List<TruthLine> lines) {

  public SyntheticPage {
    lines = List.copyOf(lines);
  }

  public int digitCount() {
    return lines.stream().mapToInt(line -> line.digits().size()).sum();
  }

  /** The page's transcript, one line of text per handwritten line. */
  public List<String> transcript() {
    return lines.stream().map(TruthLine::text).toList();
  }
}
