package org.digitocr.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.digitocr.model.DigitClassifier;
import org.digitocr.pipeline.PageReader;
import org.digitocr.pipeline.ReadOptions;
import org.digitocr.runtime.Natives;
import org.digitocr.synth.EncodedPage;
import org.digitocr.synth.PageGenerator;
import org.digitocr.synth.PageOptions;

/**
 * Whole pages per second as {@code scan} reads them, one worker, after start-up: generated A4 form
 * pages at 200 dpi with about 100 digits each, PNG-encoded before the clock starts, then decoded
 * and read (clean, segment, normalise, classify, lay out) one after another. Writing the outputs is
 * left out: it depends on the formats asked for and the disk, not on the reader.
 */
public final class ScanProbe implements Probe {
  static final int DPI = 200;
  static final int DIGITS_PER_PAGE = 100;

  private final DigitClassifier classifier;
  private final PageGenerator generator;
  private final int warmUpPages;
  private final int pages;

  /**
   * @param warmUpPages pages read before the clock starts. The JIT compiles the pipeline, and the
   *     heap and native allocator grow to their working size, over the first 20 or so pages: in a
   *     fresh JVM pages 1-10 read in 265 ms each, pages 11-20 in 245, later ones in 165-245
   *     depending on the page. A batch of thousands of pages runs at the later rate, which is the
   *     one reported; the warm-up rate is printed beside it.
   */
  public ScanProbe(
      DigitClassifier classifier, PageGenerator generator, int warmUpPages, int pages) {
    this.classifier = classifier;
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
    Natives.shareCoresAmong(1); // the threads scan --jobs 1 reads with
    try {
      return timedReads(files);
    } finally {
      Natives.setBlasThreads(blasThreads);
    }
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
