package org.digitocr.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.OptionalDouble;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.digitocr.batch.ResultStore;
import org.digitocr.batch.ScanOutputs;
import org.digitocr.model.DigitClassifier;
import org.digitocr.model.ModelChoice;
import org.digitocr.model.ModelStore;
import org.digitocr.pipeline.PageReader;
import org.digitocr.pipeline.ReadOptions;
import org.digitocr.runtime.Natives;
import org.digitocr.synth.EncodedPage;
import org.digitocr.synth.PageGenerator;
import org.digitocr.synth.PageOptions;

/**
 * Whole pages per second as {@code scan} reads them, after start-up: generated A4 form pages at 200
 * dpi with about 100 digits each, PNG-encoded before the clock starts.
 *
 * <p>First one worker decodes and reads them (clean, segment, normalise, classify, lay out) one
 * after another, outputs not written: they depend on the formats asked for and the disk, not on the
 * reader. Then {@code scan --jobs N}, one worker per core, reads all of them again from files, as a
 * user's batch does: in a fresh JVM, writing the CSV tables and JSON results, timed from the last
 * warm-up page as the one worker is, and over the whole run.
 */
public final class ScanProbe implements Probe {
  static final int DPI = 200;
  static final int DIGITS_PER_PAGE = 100;

  /**
   * The JVM options {@code bin/digit-ocr} adds for {@code scan}: its pages spend their time in
   * native code, and C2's compilations cost more than they bought back; the serial collector keeps
   * a heap of short-lived arrays and Mat headers as fast as G1, mostly in less memory, and more so
   * with survivor spaces large enough to hold the Mats waiting for their finalizers.
   */
  static final List<String> SCAN_JVM_OPTIONS =
      List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-XX:SurvivorRatio=2");

  private final ModelChoice model;
  private final String mainClass;
  private final DigitClassifier classifier;
  private final PageGenerator generator;
  private final int warmUpPages;
  private final int pages;

  /**
   * @param model the models {@code scan} reads with
   * @param mainClass the command line's main class, which the batch figure's JVM runs
   * @param warmUpPages pages read before the clock starts. The JIT compiles the pipeline, and the
   *     heap and native allocator grow to their working size, over the first 20 or so pages: in a
   *     fresh JVM pages 1-10 read in 265 ms each, pages 11-20 in 245, later ones in 165-245
   *     depending on the page. A batch of thousands of pages runs at the later rate, which is the
   *     one reported; the warm-up rate is printed beside it.
   */
  public ScanProbe(
      ModelChoice model, String mainClass, PageGenerator generator, int warmUpPages, int pages)
      throws IOException {
    this.model = model;
    this.mainClass = mainClass;
    this.classifier = model.load();
    this.generator = generator;
    this.warmUpPages = warmUpPages;
    this.pages = pages;
  }

  @Override
  public List<Figure> measure(Progress progress) throws Exception {
    progress.step(
        String.format(
            "generating %d A4 pages at %d dpi, ~%d digits each",
            warmUpPages + pages, DPI, DIGITS_PER_PAGE));
    PageOptions options = PageOptions.a4(DPI).withTargetDigits(DIGITS_PER_PAGE);
    Random random = new Random(1);
    List<EncodedPage> files = new ArrayList<>();
    for (int i = 0; i < warmUpPages + pages; i++) {
      files.add(EncodedPage.scan(generator.generate(random, options), DPI));
    }
    progress.step(String.format("reading them, one worker, after %d warm-up pages", warmUpPages));
    int blasThreads = Natives.blasThreads();
    int batchThreads = Natives.batchThreads();
    // The threads scan --jobs 1 reads with, but glibc's own allocator settings: this JVM trains
    // next, which Natives.keepFreedPageMemory slows.
    Natives.shareCoresAmong(1);
    try {
      List<Figure> figures = timedReads(files);
      int jobs = Runtime.getRuntime().availableProcessors();
      progress.step(String.format("reading all %d again as scan --jobs %d", files.size(), jobs));
      figures.addAll(batchRead(files, jobs));
      return figures;
    } finally {
      Natives.setBlasThreads(blasThreads);
      Natives.setBatchThreads(batchThreads);
    }
  }

  /**
   * {@code scan --jobs N --format csv,json} over the pages saved as files, in a fresh JVM started
   * as {@code bin/digit-ocr} starts {@code scan}: its pages per second after the warm-up pages, and
   * over its whole run after start-up (its {@code report.json}).
   */
  private List<Figure> batchRead(List<EncodedPage> files, int jobs)
      throws IOException, InterruptedException {
    Path folder = Files.createTempDirectory("digit-ocr-benchmark-");
    try {
      Path pages = Files.createDirectory(folder.resolve("pages"));
      for (int i = 0; i < files.size(); i++) {
        EncodedPage page = files.get(i);
        Files.write(
            pages.resolve(String.format("page-%04d.%s", i + 1, page.extension())), page.bytes());
      }
      Path output = folder.resolve("output");
      List<String> command = new ArrayList<>();
      command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
      command.addAll(SCAN_JVM_OPTIONS);
      command.addAll(
          List.of(
              "-cp",
              System.getProperty("java.class.path"),
              mainClass,
              "scan",
              pages.toString(),
              "--jobs",
              String.valueOf(jobs),
              "--format",
              "csv,json",
              "--quiet",
              "--output",
              output.toString(),
              "--model",
              model.model().toString(),
              "--recheck-model",
              model.recheck() == null ? "none" : model.recheck().toString(),
              "--recheck-below",
              String.valueOf(model.recheckBelow())));
      Process scan =
          new ProcessBuilder(command)
              .redirectErrorStream(true)
              .redirectOutput(folder.resolve("scan.log").toFile())
              .start();
      int status = scan.waitFor();
      Path report = output.resolve(ScanOutputs.REPORT_FILE);
      if (status != 0 || !Files.isRegularFile(report)) {
        throw new IOException(
            "scan --jobs "
                + jobs
                + " failed (exit "
                + status
                + "): "
                + lastLine(folder.resolve("scan.log")));
      }
      JsonNode read = ModelStore.json().readTree(report.toFile());
      if (read.path("pages").asLong() != files.size()) {
        throw new IOException(
            "scan --jobs "
                + jobs
                + " read "
                + read.path("pages")
                + " of "
                + files.size()
                + " pages");
      }
      double wholeRun = read.path("pages_per_second").asDouble();
      List<FileTime> stored = new ArrayList<>();
      try (Stream<Path> results = Files.list(output.resolve(ResultStore.FOLDER))) {
        for (Path result : results.toList()) {
          stored.add(Files.getLastModifiedTime(result));
        }
      }
      OptionalDouble timed = afterWarmUp(stored, warmUpPages);
      List<Figure> figures = new ArrayList<>();
      figures.add(
          Figure.reported(
              "scan_jobs_pages_per_second",
              String.format(
                  "scan --jobs %d of the same pages, fresh JVM, %s",
                  jobs, timed.isPresent() ? "after warm-up" : "whole run"),
              "pages/s",
              timed.orElse(wholeRun)));
      if (timed.isPresent()) {
        figures.add(
            Figure.detail("  whole run, warm-up included (report.json)", "pages/s", wholeRun));
      }
      return figures;
    } finally {
      try (Stream<Path> written = Files.walk(folder)) {
        for (Path path : written.sorted(Comparator.reverseOrder()).toList()) {
          Files.delete(path);
        }
      }
    }
  }

  /**
   * Pages per second once the first {@code warmUpPages} are read, from the times each page's
   * results were stored (one result file an input, and each input here is one page): the pages
   * after the warm-up over the time from the last warm-up page's results to the last page's, as
   * {@code scan_pages_per_second} times only the pages after its warm-up. Empty without warm-up
   * pages or when the pages after them were stored within the clock's resolution of the last
   * warm-up page: then only the whole run can be timed.
   */
  static OptionalDouble afterWarmUp(List<FileTime> stored, int warmUpPages) {
    if (warmUpPages <= 0 || stored.size() <= warmUpPages) {
      return OptionalDouble.empty();
    }
    long[] nanos =
        stored.stream().mapToLong(time -> time.to(TimeUnit.NANOSECONDS)).sorted().toArray();
    long window = nanos[nanos.length - 1] - nanos[warmUpPages - 1];
    if (window <= 0) {
      return OptionalDouble.empty();
    }
    return OptionalDouble.of((nanos.length - warmUpPages) / (window / 1e9));
  }

  private static String lastLine(Path log) throws IOException {
    List<String> lines = Files.readAllLines(log).stream().filter(l -> !l.isBlank()).toList();
    return lines.isEmpty() ? "no output" : lines.get(lines.size() - 1).strip();
  }

  private List<Figure> timedReads(List<EncodedPage> files) throws Exception {
    PageReader reader = new PageReader(classifier, ReadOptions.DEFAULT);
    double warmUp = 0;
    double[] seconds = new double[pages];
    long timedCpu = 0;
    for (int i = 0; i < files.size(); i++) {
      long startCpu = CpuClock.nanos();
      long start = System.nanoTime();
      files.get(i).read("page-" + i, reader);
      double took = (System.nanoTime() - start) / 1e9;
      if (i < warmUpPages) {
        warmUp += took;
      } else {
        seconds[i - warmUpPages] = took;
        timedCpu += CpuClock.nanos() - startCpu;
      }
    }
    double total = java.util.Arrays.stream(seconds).sum();
    List<Figure> figures = new ArrayList<>();
    figures.add(
        Figure.reported(
            "scan_pages_per_second",
            "scan, A4 at 200 dpi, ~100 digits, one worker",
            "pages/s",
            pages / total));
    figures.add(Figure.detail("  median time per page", "ms", 1000 * Median.of(seconds)));
    // OpenCV's own threads work on a page beside the worker, so this exceeds the time per page.
    figures.add(Figure.detail("  CPU time per page, all threads", "ms", timedCpu / 1e6 / pages));
    if (warmUpPages > 0) {
      figures.add(
          Figure.detail(
              String.format("  the %d warm-up pages before them", warmUpPages),
              "pages/s",
              warmUpPages / warmUp));
    }
    return figures;
  }
}
