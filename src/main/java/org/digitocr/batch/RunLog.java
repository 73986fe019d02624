package org.digitocr.batch;

import java.io.IOException;
import java.io.PrintStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;

/**
 * A run's messages: to the console as far as the verbosity asks, and every one of them, with a time
 * stamp, to the log file if there is one (appended, so nightly runs accumulate).
 */
public final class RunLog implements AutoCloseable {
  public enum Verbosity {
    QUIET,
    NORMAL,
    VERBOSE
  }

  private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

  private final Verbosity verbosity;
  private final PrintStream console;
  private final Writer file;
  private Runnable beforeConsoleLine = () -> {};

  /**
   * @param logFile null for none
   */
  public RunLog(Verbosity verbosity, PrintStream console, Path logFile) throws IOException {
    this.verbosity = verbosity;
    this.console = console;
    if (logFile == null) {
      this.file = null;
    } else {
      if (logFile.toAbsolutePath().getParent() != null) {
        Files.createDirectories(logFile.toAbsolutePath().getParent());
      }
      this.file =
          Files.newBufferedWriter(
              logFile,
              StandardCharsets.UTF_8,
              StandardOpenOption.CREATE,
              StandardOpenOption.APPEND);
    }
  }

  /** Failures: shown even with --quiet. */
  public void error(String message) {
    emit("error", message, true);
  }

  public void warn(String message) {
    emit("warning", message, verbosity != Verbosity.QUIET);
  }

  public void info(String message) {
    emit("info", message, verbosity != Verbosity.QUIET);
  }

  /** Per-input details, shown with --verbose. */
  public void detail(String message) {
    emit("detail", message, verbosity == Verbosity.VERBOSE);
  }

  public Verbosity verbosity() {
    return verbosity;
  }

  /** Lets a progress bar clear its line before a message is printed over it. */
  void beforeConsoleLine(Runnable action) {
    this.beforeConsoleLine = action;
  }

  private synchronized void emit(String level, String message, boolean onConsole) {
    if (onConsole) {
      beforeConsoleLine.run();
      console.println(
          level.equals("error") || level.equals("warning") ? level + ": " + message : message);
      console.flush();
    }
    if (file != null) {
      try {
        file.write(LocalDateTime.now().format(STAMP) + " " + level + " " + message + "\n");
        file.flush();
      } catch (IOException e) {
        console.println("warning: cannot write the log file (" + e.getMessage() + ")");
      }
    }
  }

  @Override
  public synchronized void close() throws IOException {
    if (file != null) {
      file.close();
    }
  }
}
