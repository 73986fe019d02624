package org.digitocr.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Entry point: {@code java -jar target/digit-ocr.jar <command>}. */
@Command(
    name = "digit-ocr",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = "Reads handwritten digits from scanned pages, PDFs and phone photos.",
    subcommands = {
      TrainCommand.class,
      EvaluateCommand.class,
      PredictCommand.class,
      ScanCommand.class,
      GeneratePagesCommand.class,
      EvaluatePagesCommand.class,
      RiskCoverageCommand.class,
      CalibrateCommand.class,
      BenchmarkCommand.class,
      SparkCommand.class
    })
public final class DigitOcr {
  /** Exit status when a command cannot run at all (missing model or data, unwritable output). */
  public static final int EXIT_FATAL = 3;

  public static void main(String[] args) {
    int status;
    try {
      status = newCommandLine().execute(args);
    } catch (Throwable e) {
      // Errors (a native library that will not load, out of memory) skip picocli's handler.
      System.err.println("digit-ocr: " + e);
      status = EXIT_FATAL;
    }
    System.exit(status);
  }

  public static CommandLine newCommandLine() {
    CommandLine cli = new CommandLine(new DigitOcr());
    cli.setCaseInsensitiveEnumValuesAllowed(true);
    cli.setExecutionExceptionHandler(
        (e, commandLine, parseResult) -> {
          String message = e.getMessage() == null ? e.toString() : e.getMessage();
          commandLine.getErr().println("digit-ocr: " + message);
          return EXIT_FATAL;
        });
    return cli;
  }
}
