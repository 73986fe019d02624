package org.digitocr.spark;

import java.io.IOException;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.storage.StorageLevel;
import org.digitocr.batch.BatchRunner;
import org.digitocr.batch.RunStats;
import org.digitocr.cli.DigitOcr;
import org.digitocr.model.ModelChoice;
import org.digitocr.output.CsvTableWriter;
import org.digitocr.output.ErrorsCsvWriter;
import org.digitocr.output.Failure;
import org.digitocr.output.ResultTables;
import org.digitocr.page.LoadOptions;
import org.digitocr.pipeline.ErrorKind;
import org.digitocr.pipeline.InputException;
import org.digitocr.pipeline.PageOutcome;
import org.digitocr.pipeline.PageResult;
import org.digitocr.pipeline.ReadOptions;

/**
 * Reads inputs on a Spark cluster with the same per-page pipeline as the local runner, into the
 * same tables: {@code digits}, {@code lines} and {@code errors}.
 *
 * <p>The inputs are listed through Hadoop (any file system it reads); a first stage opens each to
 * count its pages; the pages, sorted in the local runner's order, are then range-partitioned so
 * that a PDF of a thousand pages is read by many executors at once. Each executor loads the
 * broadcast model once. A page or input that cannot be read becomes a row of the errors table; the
 * job goes on. The work is done on RDDs of plain records; Spark SQL only writes the tables (its
 * query planning costs seconds per query).
 */
public final class SparkScanJob {
  /** Small enough to spread the pages evenly, large enough to amortise a task's start. */
  public static final int DEFAULT_PAGES_PER_TASK = 64;

  private static final StructType ERRORS_SCHEMA =
      new StructType()
          .add("file", DataTypes.StringType, false)
          .add("page", DataTypes.IntegerType, true)
          .add("kind", DataTypes.StringType, false)
          .add("message", DataTypes.StringType, false);

  /**
   * What to read and how.
   *
   * @param inputs files or folders, as Hadoop paths (local, {@code hdfs://}, {@code s3a://}, ...)
   * @param output the folder the tables go to, as a Hadoop path
   * @param model the model files, on the driver's file system
   * @param pagesPerTask how many pages a Spark task reads (fewer where there are few pages)
   */
  public record Settings(
      List<String> inputs,
      String output,
      TableFormat format,
      LoadOptions load,
      ReadOptions read,
      ModelChoice model,
      int pagesPerTask) {

    public Settings {
      inputs = List.copyOf(inputs);
      if (pagesPerTask < 1) {
        throw new IllegalArgumentException("pagesPerTask must be at least 1, got " + pagesPerTask);
      }
    }
  }

  /**
   * How a run ended.
   *
   * @param stats counted as the local runner counts (no input is skipped as unchanged)
   * @param notInputs files found that are not inputs (other extensions), left alone
   * @param errors rows of the errors table
   * @param errorsTable where the errors table went
   */
  public record Outcome(RunStats.Snapshot stats, long notInputs, long errors, String errorsTable) {

    /** The exit status, by the local runner's rules. */
    public int exitCode() {
      if (stats.failed() == 0) {
        return BatchRunner.EXIT_OK;
      }
      return stats.processed() > 0 ? BatchRunner.EXIT_SOME_FAILED : BatchRunner.EXIT_FATAL;
    }
  }

  /** A failure with where it sorts. */
  private record FailureAt(PageOrder order, Failure failure) implements Serializable {}

  private SparkScanJob() {}

  /**
   * For {@code spark-submit --class org.digitocr.spark.SparkScanJob}: the options of {@code
   * digit-ocr spark}.
   */
  public static void main(String[] args) {
    List<String> command = new ArrayList<>(List.of("spark"));
    Collections.addAll(command, args);
    DigitOcr.main(command.toArray(String[]::new));
  }

  /**
   * Runs in the Spark session spark-submit set up, or a new local one.
   *
   * @param master the Spark master; null for spark-submit's, else {@code local[*]}
   */
  public static Outcome run(Settings settings, String master) throws IOException {
    SparkSession.Builder builder = SparkSession.builder().appName("digit-ocr");
    if (master != null) {
      builder.master(master);
    } else if (!new SparkConf().contains("spark.master")) {
      builder.master("local[*]");
    }
    SparkSession spark = builder.getOrCreate();
    try {
      return run(spark, settings);
    } finally {
      spark.stop();
    }
  }

  public static Outcome run(SparkSession spark, Settings settings) throws IOException {
    long start = System.nanoTime();
    JavaSparkContext context = JavaSparkContext.fromSparkContext(spark.sparkContext());
    Configuration hadoop = spark.sparkContext().hadoopConfiguration();
    String modelName = settings.model().toString();
    Broadcast<ModelBytes> model = context.broadcast(ModelBytes.read(settings.model()));
    // Fails here, once, rather than in every task; in local mode it is the executors' copy too.
    ExecutorModel.classifier(model, modelName);

    InputListing.Listing listing = InputListing.list(settings.inputs(), settings.output(), hadoop);
    InputFiles files = new InputFiles(hadoop, settings.load());
    int perTask = settings.pagesPerTask();
    JavaRDD<PageCounter.Counted> inputs =
        context
            .parallelize(listing.inputs(), tasks(context, listing.inputs().size(), perTask))
            .map(new PageCounter(files))
            .persist(StorageLevel.MEMORY_AND_DISK());
    long pageCount = inputs.map(input -> (long) input.pages()).fold(0L, Long::sum);

    JavaRDD<PageRead> reads =
        inputs
            .flatMap(input -> input.tasks().iterator())
            .sortBy(PageCounter.PageTask::order, true, tasks(context, pageCount, perTask))
            .mapPartitions(new PageTaskReader(files, model, modelName, settings.read()))
            .persist(StorageLevel.MEMORY_AND_DISK());
    long[] counts = tally(reads);

    TableWriter tables = new TableWriter(settings.output(), settings.format(), hadoop);
    tables.write(
        results(
            spark,
            reads,
            ResultTables.DIGITS_HEADER,
            ResultTables.DIGITS_TYPES,
            ResultTables::digitRows),
        stem(CsvTableWriter.DIGITS_FILE));
    tables.write(
        results(
            spark,
            reads,
            ResultTables.LINES_HEADER,
            ResultTables.LINES_TYPES,
            ResultTables::lineRows),
        stem(CsvTableWriter.LINES_FILE));
    JavaRDD<FailureAt> failures =
        failures(context, inputs, reads, settings.inputs(), listing.missing())
            .sortBy(FailureAt::order, true, 1)
            .persist(StorageLevel.MEMORY_AND_DISK());
    long errors = failures.count();
    long failedInputs = failures.map(f -> f.order().input()).distinct().count();
    JavaRDD<Row> errorRows =
        failures.map(
            f -> {
              Failure failure = f.failure();
              Integer page = failure.page() > 0 ? failure.page() : null;
              return RowFactory.create(failure.file(), page, failure.kind(), failure.message());
            });
    org.apache.hadoop.fs.Path errorsTable =
        tables.write(
            spark.createDataFrame(errorRows, ERRORS_SCHEMA), stem(ErrorsCsvWriter.FILE_NAME));

    long inputCount = listing.inputs().size() + listing.missing().size();
    RunStats.Snapshot stats =
        new RunStats.Snapshot(
            (int) inputCount,
            inputCount - failedInputs,
            0,
            failedInputs,
            counts[0],
            counts[1],
            counts[2],
            (System.nanoTime() - start) / 1e9);
    inputs.unpersist();
    reads.unpersist();
    failures.unpersist();
    return new Outcome(stats, listing.notInputs(), errors, errorsTable.toString());
  }

  /** At least one task per core, else tasks of {@code perTask} items. */
  private static int tasks(JavaSparkContext context, long items, int perTask) {
    return (int) Math.max(context.defaultParallelism(), (items + perTask - 1) / perTask);
  }

  /** Pages read, digits, uncertain digits. */
  private static long[] tally(JavaRDD<PageRead> reads) {
    return reads
        .map(
            read -> {
              PageResult result = read.outcome().result();
              return result == null
                  ? new long[3]
                  : new long[] {1, result.digits().size(), result.uncertainDigits()};
            })
        .fold(new long[3], (a, b) -> new long[] {a[0] + b[0], a[1] + b[1], a[2] + b[2]});
  }

  /** {@link ResultTables}' rows of one table, as Spark ships functions: serializable. */
  private interface RowMapping extends Serializable {
    List<List<Object>> rows(PageResult page);
  }

  /** A results table, rows in input and page order. */
  private static Dataset<Row> results(
      SparkSession spark,
      JavaRDD<PageRead> reads,
      List<String> header,
      List<Class<?>> types,
      RowMapping mapping) {
    JavaRDD<Row> rows =
        reads.flatMap(
            read -> {
              PageResult result = read.outcome().result();
              if (result == null) {
                return Collections.emptyIterator();
              }
              return mapping.rows(result).stream()
                  .map(row -> RowFactory.create(row.toArray()))
                  .iterator();
            });
    return spark.createDataFrame(rows, TableWriter.schema(header, types));
  }

  /** Inputs that could not be opened, pages that could not be read, arguments that name nothing. */
  private static JavaRDD<FailureAt> failures(
      JavaSparkContext context,
      JavaRDD<PageCounter.Counted> inputs,
      JavaRDD<PageRead> reads,
      List<String> arguments,
      List<Integer> missing) {
    JavaRDD<FailureAt> unopened =
        inputs
            .filter(input -> input.failure() != null)
            .map(input -> new FailureAt(input.input().order(0), input.failure()));
    JavaRDD<FailureAt> unread =
        reads
            .filter(read -> read.outcome().failure() != null)
            .map(read -> new FailureAt(read.order(), read.outcome().failure()));
    List<FailureAt> absent = new ArrayList<>();
    for (int argument : missing) {
      String given = arguments.get(argument);
      // Worded as the local runner words it.
      InputException e = new InputException(given, ErrorKind.NOT_FOUND, "no such file or folder");
      absent.add(new FailureAt(new PageOrder(argument, "", 0), PageOutcome.failure(given, 0, e)));
    }
    return unopened.union(unread).union(context.parallelize(absent, 1));
  }

  private static String stem(String fileName) {
    return fileName.substring(0, fileName.lastIndexOf('.'));
  }
}
