package org.digitocr.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.attribute.FileTime;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The scan --jobs figure timed from the results stored after the warm-up pages. */
class ScanProbeTest {
  private static List<FileTime> storedAtMillis(long... millis) {
    return Arrays.stream(millis).mapToObj(FileTime::fromMillis).toList();
  }

  @Test
  void timesThePagesAfterTheWarmUpFromTheLastWarmUpPage() {
    // Two slow warm-up pages, then four pages stored 50 ms apart, listed out of order.
    List<FileTime> stored = storedAtMillis(1_300, 1_000, 1_150, 1_200, 400, 1_250);
    assertEquals(4 / 0.3, ScanProbe.afterWarmUp(stored, 2).getAsDouble(), 1e-9);
  }

  @Test
  void nothingToTimeWithoutWarmUpOrPagesAfterIt() {
    List<FileTime> stored = storedAtMillis(100, 200, 300);
    assertTrue(ScanProbe.afterWarmUp(stored, 0).isEmpty());
    assertTrue(ScanProbe.afterWarmUp(stored, 3).isEmpty());
  }

  @Test
  void nothingToTimeWhenThePagesAfterTheWarmUpWereStoredWithIt() {
    FileTime same = FileTime.from(5, TimeUnit.SECONDS);
    assertTrue(ScanProbe.afterWarmUp(List.of(same, same, same), 1).isEmpty());
  }
}
