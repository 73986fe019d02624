package org.digitocr.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import org.digitocr.spark.SparkScanJob;
import org.digitocr.spark.TableFormat;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(
    name = "spark",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = {
      "Read inputs on Apache Spark, with the same pipeline as scan, into digits, lines and errors"
          + " tables in the output folder.",
      "Run it through spark-submit (Spark is not part of this program; see the README). Paths are"
          + " Hadoop paths: local, hdfs://, s3a:// and so on.",
      "Exit status 0 when every input was read, 1 when some failed, 3 when none could be."
    })
public final class SparkCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(paramLabel = "INPUT", arity = "1..*", description = "Files or folders to read.")
  List<String> inputs;

  @Option(
      names = {"-o", "--output"},
      paramLabel = "DIR",
      required = true,
      description = "Folder for digits, lines and errors.")
  String output;

  @Mixin ModelOption model;

  @Option(
      names = "--format",
      paramLabel = "FORMAT",
      defaultValue = "csv",
      description =
          "Table format: csv (digits.csv, lines.csv, errors.csv, as scan writes them) or parquet"
              + " (a folder per table). Default: ${DEFAULT-VALUE}.")
  TableFormat format;

  @Mixin ReadingOptions reading;

  @Option(
      names = "--pages-per-task",
      paramLabel = "N",
      defaultValue = "" + SparkScanJob.DEFAULT_PAGES_PER_TASK,
      description =
          "Pages a Spark task reads; tasks are at least as many as the cluster's cores"
              + " (default: ${DEFAULT-VALUE}).")
  int pagesPerTask;

  @Option(
      names = "--master",
      paramLabel = "URL",
      description = "Spark master, e.g. local[2]. Default: spark-submit's --master, else local[*].")
  String master;

  @Override
  public Integer call() throws Exception {
    if (pagesPerTask < 1) {
      throw new ParameterException(spec.commandLine(), "--pages-per-task must be at least 1");
    }
    if (!sparkPresent()) {
      throw new IllegalStateException(
          "Spark is not on the class path: run this command through spark-submit (see the"
              + " README)");
    }
    SparkScanJob.Settings settings =
        new SparkScanJob.Settings(
            inputs, output, format, reading.load(), reading.read(), model.choice(), pagesPerTask);
    SparkScanJob.Outcome outcome = SparkScanJob.run(settings, master);
    PrintWriter out = spec.commandLine().getOut();
    if (outcome.notInputs() > 0) {
      out.println(outcome.notInputs() + " files that are not inputs skipped");
    }
    if (outcome.errors() > 0) {
      out.println(outcome.errors() + " errors, listed in " + outcome.errorsTable());
    }
    out.println(outcome.stats().summary());
    return outcome.exitCode();
  }

  /** Asked before any class that needs Spark is loaded. */
  private static boolean sparkPresent() {
    try {
      Class.forName(
          "org.apache.spark.sql.SparkSession", false, SparkCommand.class.getClassLoader());
      return true;
    } catch (ClassNotFoundException e) {
      return false;
    }
  }
}
