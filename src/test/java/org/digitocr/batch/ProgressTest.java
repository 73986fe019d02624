package org.digitocr.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class ProgressTest {

  @Test
  void withoutATerminalPlainLinesComeAtIntervals() throws Exception {
    ByteArrayOutputStream console = new ByteArrayOutputStream();
    RunStats stats = new RunStats(10);
    stats.processed.addAndGet(3);
    stats.pages.addAndGet(4);
    stats.digits.addAndGet(1234);
    try (RunLog log =
            new RunLog(
                RunLog.Verbosity.NORMAL,
                new PrintStream(console, true, StandardCharsets.UTF_8),
                null);
        Progress progress = new Progress(Progress.Mode.LINES, stats, log, Duration.ofMillis(20))) {
      long deadline = System.nanoTime() + 5_000_000_000L;
      while (console.size() == 0 && System.nanoTime() < deadline) {
        Thread.sleep(10);
      }
    }
    String first = console.toString(StandardCharsets.UTF_8).lines().findFirst().orElse("");
    assertTrue(
        first.matches("scan: 3/10 inputs, 4 pages, 1,234 digits, [0-9.]+ pages/s, ETA \\dm\\d\\ds"),
        first);
    assertTrue(!first.contains("\r") && !first.contains("\033"), first);
  }

  @Test
  void theEtaExtrapolatesTheRateSoFar() {
    RunStats.Snapshot halfway = new RunStats.Snapshot(10, 4, 1, 0, 8, 800, 20, 50.0);
    assertEquals(
        "scan: 5/10 inputs, 8 pages, 800 digits, 0.16 pages/s, ETA 0m50s", Progress.line(halfway));
    RunStats.Snapshot done = new RunStats.Snapshot(10, 8, 1, 1, 16, 1600, 20, 80.0);
    assertEquals("scan: 10/10 inputs, 16 pages, 1,600 digits, 0.20 pages/s", Progress.line(done));
  }

  @Test
  void theSummaryNamesEveryCount() {
    RunStats.Snapshot end = new RunStats.Snapshot(1003, 990, 10, 3, 1000, 98312, 1204, 212.4);
    assertEquals(
        "990 processed, 10 skipped (unchanged), 3 failed; 1,000 pages, 98,312 digits, 1,204"
            + " uncertain; 212.4 s, 4.71 pages/s",
        end.summary());
  }

  @Test
  void quietMeansNoProgress() {
    assertEquals(Progress.Mode.NONE, Progress.modeFor(RunLog.Verbosity.QUIET));
  }
}
