package org.digitocr.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunLogTest {
  @TempDir Path dir;
  private final ByteArrayOutputStream console = new ByteArrayOutputStream();

  @Test
  void quietShowsOnlyErrorsButTheLogFileGetsEverything() throws IOException {
    Path logFile = dir.resolve("logs/scan.log");
    try (RunLog log = newLog(RunLog.Verbosity.QUIET, logFile)) {
      log.error("a.png: is truncated");
      log.warn("loop: not followed");
      log.info("12 inputs");
      log.detail("b.png: 2 pages");
    }
    assertEquals("error: a.png: is truncated\n", consoleText());
    List<String> lines = Files.readAllLines(logFile);
    assertEquals(4, lines.size());
    assertTrue(
        lines.get(0).matches("\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d error a.png: is truncated"),
        lines.get(0));
    assertTrue(lines.get(3).endsWith(" detail b.png: 2 pages"), lines.get(3));
  }

  @Test
  void theLogFileIsAppendedToAcrossRuns() throws IOException {
    Path logFile = dir.resolve("scan.log");
    for (int run = 1; run <= 2; run++) {
      try (RunLog log = newLog(RunLog.Verbosity.NORMAL, logFile)) {
        log.info("run " + run);
      }
    }
    assertEquals(2, Files.readAllLines(logFile).size());
    assertEquals("run 1\nrun 2\n", consoleText());
  }

  @Test
  void verboseShowsDetails() throws IOException {
    try (RunLog log = newLog(RunLog.Verbosity.VERBOSE, null)) {
      log.detail("b.png: 2 pages");
      log.warn("c.png: has no ink");
    }
    assertEquals("b.png: 2 pages\nwarning: c.png: has no ink\n", consoleText());
  }

  private RunLog newLog(RunLog.Verbosity verbosity, Path file) throws IOException {
    return new RunLog(verbosity, new PrintStream(console, true, StandardCharsets.UTF_8), file);
  }

  private String consoleText() {
    return console.toString(StandardCharsets.UTF_8);
  }
}
