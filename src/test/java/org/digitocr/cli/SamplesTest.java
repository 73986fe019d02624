package org.digitocr.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.digitocr.output.Transcript;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The samples in {@code samples/} read by the real {@code scan} with the default model, each
 * transcript compared digit by digit with what is written on the sample ({@code
 * NAME.expected.txt}).
 */
class SamplesTest {
  private static final Path SAMPLES = Path.of("samples");
  private static final String EXPECTED = ".expected.txt";

  /**
   * Least share of the written digits each sample must be read right, set just under the lower of
   * what models/mlp.zip and models/mlp-augmented.zip read (2026-11-25), so that either may be the
   * default: form 23/24 and 22/24, two pages 61/64 and 63/64, the phone photo 58/60 and 59/60,
   * touching and broken digits 29/35 and 30/35 (merged pairs read as one digit, strokes broken in
   * two read as two). A sample without a bar fails the test.
   */
  private static final Map<String, Double> LEAST_READ_RIGHT =
      Map.of(
          "form.png", 0.9,
          "two-pages.pdf", 0.93,
          "phone-photo.jpg", 0.95,
          "touching-and-broken.png", 0.8);

  private static final Pattern NOT_A_DIGIT = Pattern.compile("[^0-9]");

  @TempDir Path out;

  @Test
  void everySampleIsReadAsWritten() throws IOException {
    CliRun run = CliRun.of("scan", SAMPLES.toString(), "--output", out.toString(), "-q");

    assertEquals(0, run.exitCode(), run.err());
    List<Path> expectedFiles;
    try (Stream<Path> files = Files.list(SAMPLES)) {
      expectedFiles = files.filter(f -> f.toString().endsWith(EXPECTED)).sorted().toList();
    }
    assertEquals(LEAST_READ_RIGHT.size(), expectedFiles.size(), "samples: " + expectedFiles);
    for (Path expectedFile : expectedFiles) {
      String sample = sampleFor(expectedFile);
      assertTrue(LEAST_READ_RIGHT.containsKey(sample), sample + " has no bar");
      String expected = Files.readString(expectedFile);
      String read = Files.readString(out.resolve(sample + ".txt"));
      List<String> expectedPages = pages(expected);
      List<String> readPages = pages(read);
      assertEquals(expectedPages.size(), readPages.size(), sample + " pages:\n" + read);
      int written = 0;
      int readRight = 0;
      for (int page = 0; page < expectedPages.size(); page++) {
        List<String> writtenLines = expectedPages.get(page).lines().toList();
        // Printed titles, form lines or specks read as digits show up as extra lines.
        assertEquals(
            nonBlank(writtenLines),
            nonBlank(readPages.get(page).lines().toList()),
            sample + " page " + (page + 1) + ": lines read against lines written; read:\n" + read);
        written += writtenLines.stream().mapToInt(line -> digits(line).length()).sum();
        readRight += digitsReadRight(writtenLines, readPages.get(page).lines().toList());
      }
      double share = (double) readRight / written;
      assertTrue(
          share >= LEAST_READ_RIGHT.get(sample),
          String.format(
              "%s: %d of %d digits read right (%.3f), bar %.2f; read:%n%s",
              sample, readRight, written, share, LEAST_READ_RIGHT.get(sample), read));
    }
  }

  /** The input {@code NAME.EXT} beside {@code NAME.expected.txt}. */
  private static String sampleFor(Path expectedFile) throws IOException {
    String name = expectedFile.getFileName().toString();
    String stem = name.substring(0, name.length() - EXPECTED.length());
    try (Stream<Path> files = Files.list(SAMPLES)) {
      List<String> inputs =
          files
              .map(f -> f.getFileName().toString())
              .filter(f -> f.startsWith(stem + ".") && !f.equals(name))
              .toList();
      assertEquals(1, inputs.size(), "the input for " + name + ": " + inputs);
      return inputs.get(0);
    }
  }

  private static List<String> pages(String transcript) {
    return List.of(transcript.split(String.valueOf(Transcript.PAGE_BREAK), -1));
  }

  private static long nonBlank(List<String> lines) {
    return lines.stream().filter(line -> !line.isBlank()).count();
  }

  private static String digits(String line) {
    return NOT_A_DIGIT.matcher(line).replaceAll("");
  }

  /**
   * Written digits read right: written and read lines paired in order, and within a pair the
   * longest run of digits both have in order, so a line read where nothing is written (printed
   * titles) or a missed line costs only its own digits, and an uncertain {@code ?} never counts.
   */
  static int digitsReadRight(List<String> written, List<String> read) {
    int[][] best = new int[written.size() + 1][read.size() + 1];
    for (int i = 1; i <= written.size(); i++) {
      for (int j = 1; j <= read.size(); j++) {
        int paired =
            best[i - 1][j - 1] + commonDigits(digits(written.get(i - 1)), digits(read.get(j - 1)));
        best[i][j] = Math.max(paired, Math.max(best[i - 1][j], best[i][j - 1]));
      }
    }
    return best[written.size()][read.size()];
  }

  private static int commonDigits(String a, String b) {
    int[][] common = new int[a.length() + 1][b.length() + 1];
    for (int i = 1; i <= a.length(); i++) {
      for (int j = 1; j <= b.length(); j++) {
        common[i][j] =
            a.charAt(i - 1) == b.charAt(j - 1)
                ? common[i - 1][j - 1] + 1
                : Math.max(common[i - 1][j], common[i][j - 1]);
      }
    }
    return common[a.length()][b.length()];
  }
}
