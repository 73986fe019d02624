package org.digitocr.batch;

import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * Shows how far a run is: a progress bar on a terminal, a plain line every so often otherwise (log
 * files and cron mails do not want carriage returns), nothing with --quiet.
 */
public final class Progress implements AutoCloseable {
  public enum Mode {
    BAR,
    LINES,
    NONE
  }

  private final RunStats stats;
  private final ProgressBar bar;
  private final ScheduledExecutorService ticker;

  public Progress(Mode mode, RunStats stats, RunLog log, Duration lineInterval) {
    this.stats = stats;
    this.bar =
        mode == Mode.BAR
            ? new ProgressBarBuilder()
                .setTaskName("scan")
                .setInitialMax(stats.snapshot().inputs())
                .setUnit(" files", 1)
                .setStyle(ProgressBarStyle.COLORFUL_UNICODE_BLOCK)
                .setUpdateIntervalMillis(500)
                .build()
            : null;
    if (bar != null) {
      log.beforeConsoleLine(() -> System.err.print("\r\033[K"));
    }
    if (mode == Mode.LINES) {
      ticker =
          Executors.newSingleThreadScheduledExecutor(
              runnable -> {
                Thread thread = new Thread(runnable, "progress");
                thread.setDaemon(true);
                return thread;
              });
      long millis = lineInterval.toMillis();
      ticker.scheduleAtFixedRate(
          () -> log.info(line(stats.snapshot())), millis, millis, TimeUnit.MILLISECONDS);
    } else {
      ticker = null;
    }
  }

  /** The mode for this console: a bar only where someone watches a terminal. */
  public static Mode modeFor(RunLog.Verbosity verbosity) {
    if (verbosity == RunLog.Verbosity.QUIET) {
      return Mode.NONE;
    }
    return System.console() != null ? Mode.BAR : Mode.LINES;
  }

  /** Call after each finished page or input. */
  public void update() {
    if (bar != null) {
      RunStats.Snapshot now = stats.snapshot();
      bar.stepTo(now.finished());
      bar.setExtraMessage(
          String.format(
              Locale.ROOT,
              "%,d pages, %,d digits, %.1f pages/s",
              now.pages(),
              now.digits(),
              now.pagesPerSecond()));
    }
  }

  static String line(RunStats.Snapshot now) {
    String eta = "";
    if (now.finished() > 0 && now.finished() < now.inputs()) {
      long seconds = Math.round(now.seconds() / now.finished() * (now.inputs() - now.finished()));
      eta = String.format(Locale.ROOT, ", ETA %dm%02ds", seconds / 60, seconds % 60);
    }
    return String.format(
        Locale.ROOT,
        "scan: %,d/%,d inputs, %,d pages, %,d digits, %.2f pages/s%s",
        now.finished(),
        now.inputs(),
        now.pages(),
        now.digits(),
        now.pagesPerSecond(),
        eta);
  }

  @Override
  public void close() {
    if (ticker != null) {
      ticker.shutdownNow();
    }
    if (bar != null) {
      update();
      bar.close();
    }
  }
}
