package org.digitocr.pipeline;

import java.io.Serializable;
import java.util.List;
import org.digitocr.layout.ReadDigit;
import org.digitocr.layout.ReadLine;

/**
 * What was read on one page: plain values only, so it can be shipped between machines.
 *
 * @param file the input's name as it goes into the CSVs (relative to the INPUT argument)
 * @param page 1-based page number within the input
 * @param width the original image's width in pixels (for PDFs: the page rendered at --dpi)
 * @param height the original image's height in pixels
 * @param lines digit lines in reading order
 * @param warnings one-line notes about this page (e.g. no ink found)
 */
public record PageResult(
    String file, int page, int width, int height, List<ReadLine> lines, List<String> warnings)
    implements Serializable {

  /** The warning for a page without any ink. */
  public static final String NO_INK = "no ink found";

  /** The warning for a page with ink but no digits. */
  public static final String NO_DIGITS = "no digits found";

  public PageResult {
    lines = List.copyOf(lines);
    warnings = List.copyOf(warnings);
  }

  public List<ReadDigit> digits() {
    return lines.stream().flatMap(line -> line.digits().stream()).toList();
  }

  public long uncertainDigits() {
    return digits().stream().filter(ReadDigit::uncertain).count();
  }

  /** The page's transcript: one line of text per digit line. */
  public List<String> transcript() {
    return lines.stream().map(ReadLine::text).toList();
  }
}
