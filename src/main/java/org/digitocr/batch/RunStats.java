package org.digitocr.batch;

import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;

/** Counters of a run, updated by every worker and read by the progress display. */
public final class RunStats {
  final AtomicLong processed = new AtomicLong();
  final AtomicLong skipped = new AtomicLong();
  final AtomicLong failed = new AtomicLong();
  final AtomicLong pages = new AtomicLong();
  final AtomicLong digits = new AtomicLong();
  final AtomicLong uncertain = new AtomicLong();
  private final long startNanos = System.nanoTime();
  private final int inputs;

  public RunStats(int inputs) {
    this.inputs = inputs;
  }

  /** An immutable reading of the counters. */
  public record Snapshot(
      int inputs,
      long processed,
      long skipped,
      long failed,
      long pages,
      long digits,
      long uncertain,
      double seconds) {

    public long finished() {
      return processed + skipped + failed;
    }

    public double pagesPerSecond() {
      return seconds > 0 ? pages / seconds : 0;
    }

    /** The run's last line. */
    public String summary() {
      return String.format(
          Locale.ROOT,
          "%,d processed, %,d skipped (unchanged), %,d failed; %,d pages, %,d digits, %,d"
              + " uncertain; %.1f s, %.2f pages/s",
          processed,
          skipped,
          failed,
          pages,
          digits,
          uncertain,
          seconds,
          pagesPerSecond());
    }
  }

  public Snapshot snapshot() {
    return new Snapshot(
        inputs,
        processed.get(),
        skipped.get(),
        failed.get(),
        pages.get(),
        digits.get(),
        uncertain.get(),
        (System.nanoTime() - startNanos) / 1e9);
  }
}
