package org.digitocr.output;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * {@code report.json}: what a scan did.
 *
 * @param inputs inputs tried (files given or found in folders)
 * @param skipped files in folders that are not inputs (by extension)
 * @param pages pages read
 * @param digits digits read
 * @param uncertainDigits digits below the minimum confidence
 * @param failures inputs that could not be read, with the reason
 * @param warnings notes about pages that were read (no ink, no digits)
 * @param seconds wall time of the whole scan
 * @param pagesPerSecond pages over seconds
 */
public record ScanReport(
    int inputs,
    int skipped,
    int pages,
    long digits,
    long uncertainDigits,
    List<Failure> failures,
    List<String> warnings,
    double seconds,
    double pagesPerSecond,
    Settings settings) {

  /** An input that could not be read. */
  public record Failure(String file, String kind, String message) {}

  /** How the scan was run. */
  public record Settings(String model, int dpi, float minConfidence, List<String> formats) {}

  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  public void write(Path file) throws IOException {
    AtomicFiles.write(file, out -> JSON.writeValue(out, this));
  }
}
