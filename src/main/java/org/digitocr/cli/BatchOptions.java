package org.digitocr.cli;

import java.nio.file.Path;
import org.digitocr.batch.RunLog;
import picocli.CommandLine.Option;

/** The options of commands that run over many inputs (picocli mixin). */
public final class BatchOptions {
  @Option(
      names = {"-j", "--jobs"},
      paramLabel = "N",
      description = "Pages read in parallel (default: the number of cores, here ${DEFAULT-VALUE}).")
  int jobs = Runtime.getRuntime().availableProcessors();

  @Option(
      names = "--force",
      description =
          "Read every input again, even those the output folder's manifest.json says are"
              + " done with the same content, model and options.")
  boolean force;

  @Option(
      names = {"-q", "--quiet"},
      description = "Print only errors: no progress, no summary.")
  boolean quiet;

  @Option(
      names = {"-v", "--verbose"},
      description = "Print a line per input.")
  boolean verbose;

  @Option(
      names = "--log-file",
      paramLabel = "FILE",
      description = "Append every message, with a time stamp, to FILE.")
  Path logFile;

  RunLog.Verbosity verbosity() {
    return quiet
        ? RunLog.Verbosity.QUIET
        : verbose ? RunLog.Verbosity.VERBOSE : RunLog.Verbosity.NORMAL;
  }
}
