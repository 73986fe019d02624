package org.digitocr.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.digitocr.batch.BatchRunner;
import org.digitocr.batch.Progress;
import org.digitocr.batch.RunLog;
import org.digitocr.batch.ScanOutputs;
import org.digitocr.batch.StopSignal;
import org.digitocr.output.OutputFormat;
import org.digitocr.page.LoadOptions;
import org.digitocr.pipeline.ReadOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(
    name = "scan",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = {
      "Read the handwritten digits on images (PNG, JPEG, TIFF, BMP), PDFs and folders of them.",
      "",
      "Exit status: 0 all inputs read, 1 some inputs failed, 2 usage error,"
          + " 3 nothing could be read or a fatal error (model missing, output folder not"
          + " writable or in use by another run),"
          + " 130 interrupted by Ctrl-C (143 by SIGTERM): finished inputs are kept, nothing"
          + " half-written is left, and a rerun goes on from there."
    })
public final class ScanCommand implements Callable<Integer> {
  /** How long Ctrl-C waits for in-flight pages before the JVM stops anyway. */
  private static final Duration STOP_GRACE = Duration.ofSeconds(30);

  private static final Duration PROGRESS_LINE_INTERVAL = Duration.ofSeconds(10);

  @Spec CommandSpec spec;

  @Parameters(
      paramLabel = "INPUT",
      arity = "1..*",
      description = "Image or PDF files, or folders (walked recursively).")
  List<Path> inputs;

  @Option(
      names = {"-o", "--output"},
      paramLabel = "DIR",
      defaultValue = "output",
      description = "Folder for the results (default: ${DEFAULT-VALUE}).")
  Path output;

  @Option(
      names = "--format",
      paramLabel = "F",
      split = ",",
      defaultValue = "csv,txt,png,pdf,json",
      converter = FormatConverter.class,
      description = "Any of csv,txt,png,pdf,json (default: all).")
  List<OutputFormat> formats;

  @Mixin ReadingOptions reading;

  @Mixin ModelOption model;

  @Mixin BatchOptions batch;

  @Override
  public Integer call() throws Exception {
    batch.validate(spec);
    LoadOptions load;
    ReadOptions read;
    try {
      load = reading.load();
      read = reading.read();
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), e.getMessage());
    }
    Set<OutputFormat> chosen = EnumSet.copyOf(formats);
    PrintStream console = System.err;
    try (RunLog log = new RunLog(batch.verbosity(), console, batch.logFile);
        StopSignal stop = StopSignal.install(STOP_GRACE)) {
      TreeMap<String, String> options = new TreeMap<>();
      options.put("dpi", String.valueOf(reading.dpi));
      options.put(
          "formats", chosen.stream().map(Enum::name).sorted().collect(Collectors.joining(",")));
      options.put("max-pixels", String.valueOf(reading.maxPixels));
      options.put("min-confidence", String.valueOf(reading.minConfidence));
      options.put("page-detect", reading.pageDetect.name().toLowerCase(Locale.ROOT));
      Map<String, Object> report = new LinkedHashMap<>();
      report.put("model", model.choice().toString());
      report.putAll(options);
      BatchRunner.Settings settings =
          new BatchRunner.Settings(
              output, batch.jobs, batch.force, load, read, model.choice(), options);
      BatchRunner runner =
          new BatchRunner(
              settings,
              new ScanOutputs(output, chosen, reading.dpi, report),
              log,
              stop,
              Progress.modeFor(batch.verbosity()),
              PROGRESS_LINE_INTERVAL);
      BatchRunner.Outcome outcome = runner.run(inputs);
      log.info(outcome.stats().summary());
      return outcome.exitCode();
    }
  }

  /** Lets picocli report a bad --format value as a usage error. */
  static final class FormatConverter implements picocli.CommandLine.ITypeConverter<OutputFormat> {
    @Override
    public OutputFormat convert(String value) {
      return OutputFormat.parse(value);
    }
  }
}
