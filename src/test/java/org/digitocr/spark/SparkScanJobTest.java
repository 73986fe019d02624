package org.digitocr.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.digitocr.batch.BatchRunner;
import org.digitocr.batch.RunStats;
import org.digitocr.cli.DigitOcr;
import org.digitocr.mnist.MnistTestData;
import org.digitocr.model.ModelChoice;
import org.digitocr.output.ResultTables;
import org.digitocr.page.LoadOptions;
import org.digitocr.pipeline.ReadOptions;
import org.digitocr.runtime.Natives;
import org.digitocr.synth.PageGenerator;
import org.digitocr.synth.PageOptions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opencv.core.Mat;
import org.opencv.imgcodecs.Imgcodecs;

class SparkScanJobTest {
  private static final PageOptions PAGES = PageOptions.a4(100).withTargetDigits(30);
  private static PageGenerator generator;
  private static SparkSession spark;
  @TempDir static Path dir;
  private static List<String> inputs;
  private static Path local;

  /** Generated pages and bad inputs, read once by the local runner (scan) for reference. */
  @BeforeAll
  static void inputsReadLocally() throws IOException {
    Natives.loadOpenCv();
    Path scans = dir.resolve("scans");
    generator = PageGenerator.fromMnistTest(MnistTestData.dir());
    write(scans.resolve("form 1.png"), 1);
    write(scans.resolve("a.png"), 2);
    write(scans.resolve("a/zählerstand 7.png"), 3);
    write(scans.resolve("batch/three pages.tif"), 4, 5, 6);
    byte[] png = Files.readAllBytes(scans.resolve("a.png"));
    Files.write(scans.resolve("truncated.png"), Arrays.copyOf(png, png.length / 2));
    Files.write(scans.resolve("empty.png"), new byte[0]);
    Files.writeString(scans.resolve("notes.png"), "12 34 56\n");
    Files.writeString(scans.resolve("readme.txt"), "not an input\n");
    Path single = write(dir.resolve("single.png"), 7);
    inputs = List.of(scans.toString(), dir.resolve("missing").toString(), single.toString());
    local = dir.resolve("local");
    List<String> scan = new ArrayList<>(List.of("scan", "--format", "csv", "--jobs", "2", "-q"));
    scan.addAll(List.of("--output", local.toString()));
    scan.addAll(inputs);
    assertEquals(
        BatchRunner.EXIT_SOME_FAILED,
        DigitOcr.newCommandLine().execute(scan.toArray(String[]::new)));

    spark =
        SparkSession.builder()
            .master("local[2]")
            .appName("digit-ocr-test")
            .config("spark.ui.enabled", "false")
            .config("spark.local.dir", "target/spark-local")
            .config("spark.sql.shuffle.partitions", "2")
            .getOrCreate();
  }

  @AfterAll
  static void stopSpark() {
    spark.stop();
  }

  @Test
  void csvTablesEqualTheLocalRunnersRowForRowAndBadInputsBecomeErrorRows() throws Exception {
    Path out = dir.resolve("csv");
    // One page per task: the three-page TIFF is read by several tasks.
    SparkScanJob.Outcome outcome = runOnSpark(out, TableFormat.CSV, 1);

    assertEquals(ResultTables.DIGITS_HEADER, header(out.resolve("digits.csv")));
    assertEquals(ResultTables.LINES_HEADER, header(out.resolve("lines.csv")));
    for (String table : List.of("digits.csv", "lines.csv", "errors.csv")) {
      assertEquals(rows(local.resolve(table)), rows(out.resolve(table)), table);
    }

    List<List<String>> digits = rows(out.resolve("digits.csv"));
    assertTrue(digits.size() > 100, digits.size() + " digits read on 7 pages of about 30");
    // The local runner's order: a/ before a.png, as its folder walk meets them.
    assertEquals(
        List.of(
            "a/zählerstand 7.png", "a.png", "batch/three pages.tif", "form 1.png", "single.png"),
        digits.stream().map(row -> row.get(0)).distinct().toList());
    assertEquals(
        List.of("1", "2", "3"),
        digits.stream()
            .filter(row -> row.get(0).equals("batch/three pages.tif"))
            .map(row -> row.get(1))
            .distinct()
            .toList());
    assertEquals(
        List.of(
            "empty.png EMPTY",
            "notes.png NOT_AN_IMAGE",
            "truncated.png TRUNCATED",
            inputs.get(1) + " NOT_FOUND"),
        rows(out.resolve("errors.csv")).stream()
            .map(row -> row.get(0) + " " + row.get(2))
            .toList());

    RunStats.Snapshot stats = outcome.stats();
    assertEquals(
        List.of(9, 5L, 4L, 7L),
        List.of(stats.inputs(), stats.processed(), stats.failed(), stats.pages()));
    assertEquals(digits.size(), stats.digits());
    assertEquals(List.of(1L, 4L), List.of(outcome.notInputs(), outcome.errors()));
    assertEquals(BatchRunner.EXIT_SOME_FAILED, outcome.exitCode());
  }

  @Test
  void parquetTablesHoldTheSameRowsTyped() throws Exception {
    Path out = dir.resolve("parquet");
    runOnSpark(out, TableFormat.PARQUET, SparkScanJob.DEFAULT_PAGES_PER_TASK);

    // A Parquet folder has no row order (Spark reads its parts largest first): compared as sets.
    for (String table : List.of("digits", "lines", "errors")) {
      Dataset<Row> read = spark.read().parquet(out.resolve(table + ".parquet").toString());
      List<String> values = new ArrayList<>();
      for (Row row : read.collectAsList()) {
        List<String> text = new ArrayList<>();
        for (int i = 0; i < row.length(); i++) {
          text.add(row.isNullAt(i) ? "" : row.get(i).toString());
        }
        values.add(text.toString());
      }
      List<String> expected =
          new ArrayList<>(
              rows(local.resolve(table + ".csv")).stream().map(List::toString).toList());
      Collections.sort(values);
      Collections.sort(expected);
      assertEquals(expected, values, table);
    }
    StructType digits = spark.read().parquet(out.resolve("digits.parquet").toString()).schema();
    assertEquals(DataTypes.IntegerType, digits.apply("page").dataType());
    assertEquals(DataTypes.createDecimalType(5, 4), digits.apply("confidence").dataType());
  }

  /** Generated pages, small ones to keep the test fast: a PNG, or a multi-page TIFF. */
  private static Path write(Path file, long... seeds) throws IOException {
    Files.createDirectories(file.getParent());
    List<Mat> pages = new ArrayList<>();
    for (long seed : seeds) {
      pages.add(generator.generate(new Random(seed), PAGES).image());
    }
    if (!Imgcodecs.imwritemulti(file.toString(), pages)) {
      throw new IOException(file + ": not written");
    }
    pages.forEach(Mat::release);
    return file;
  }

  private static SparkScanJob.Outcome runOnSpark(Path out, TableFormat format, int pagesPerTask)
      throws IOException {
    return SparkScanJob.run(
        spark,
        new SparkScanJob.Settings(
            inputs,
            out.toString(),
            format,
            LoadOptions.DEFAULT,
            ReadOptions.DEFAULT,
            ModelChoice.shipped(),
            pagesPerTask));
  }

  private static List<String> header(Path csv) throws IOException {
    try (Reader reader = Files.newBufferedReader(csv);
        CSVParser parser = CSVFormat.DEFAULT.parse(reader)) {
      return parser.iterator().next().toList();
    }
  }

  private static List<List<String>> rows(Path csv) throws IOException {
    try (Reader reader = Files.newBufferedReader(csv);
        CSVParser parser =
            CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(reader)) {
      return parser.getRecords().stream().map(CSVRecord::toList).toList();
    }
  }
}
