package org.digitocr.cli;

import java.nio.file.Path;
import org.digitocr.batch.RunLog;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

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

  /** Rejects contradictory or impossible values as usage errors (exit status 2). */
  void validate(CommandSpec spec) {
    if (jobs < 1) {
      throw new ParameterException(spec.commandLine(), "--jobs must be at least 1, got " + jobs);
    }
    if (quiet && verbose) {
      throw new ParameterException(spec.commandLine(), "--quiet and --verbose exclude each other");
    }
  }

  RunLog.Verbosity verbosity() {
    return quiet
        ? RunLog.Verbosity.QUIET
        : verbose ? RunLog.Verbosity.VERBOSE : RunLog.Verbosity.NORMAL;
  }
}
