package org.digitocr.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.digitocr.model.DigitClassifier;
import org.digitocr.pipeline.PageReader;
import org.digitocr.pipeline.ReadOptions;
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

  /**
   * Pages read before the clock starts. The JIT compiles the pipeline over the first pages: with 2
   * warm-up pages the next 20 read at 3.8 pages/s, the 20 after them at 4.9. A batch of thousands
   * of pages runs at the second rate, which is the one reported; the warm-up rate is printed beside
   * it.
   */
  static final int WARM_UP_PAGES = 10;

  private final DigitClassifier classifier;
  private final PageGenerator generator;
  private final int pages;

  public ScanProbe(DigitClassifier classifier, PageGenerator generator, int pages) {
    this.classifier = classifier;
    this.generator = generator;
    this.pages = pages;
  }

  @Override
  public List<Figure> measure(Progress progress) throws Exception {
    progress.step(
        String.format(
            "generating %d A4 pages at %d dpi, ~%d digits each", pages, DPI, DIGITS_PER_PAGE));
    PageOptions options = PageOptions.a4(DPI).withTargetDigits(DIGITS_PER_PAGE);
    Random random = new Random(1);
    List<EncodedPage> files = new ArrayList<>();
    for (int i = 0; i < WARM_UP_PAGES + pages; i++) {
      files.add(EncodedPage.scan(generator.generate(random, options), DPI));
    }
    PageReader reader = new PageReader(classifier, ReadOptions.DEFAULT);
    progress.step(String.format("reading them, one worker, after %d warm-up pages", WARM_UP_PAGES));
    double warmUp = 0;
    double[] seconds = new double[pages];
    for (int i = 0; i < files.size(); i++) {
      long start = System.nanoTime();
      files.get(i).read("page-" + i, reader);
      double took = (System.nanoTime() - start) / 1e9;
      if (i < WARM_UP_PAGES) {
        warmUp += took;
      } else {
        seconds[i - WARM_UP_PAGES] = took;
      }
    }
    double total = java.util.Arrays.stream(seconds).sum();
    return List.of(
        Figure.reported(
            "scan_pages_per_second",
            "scan, A4 at 200 dpi, ~100 digits, one worker",
            "pages/s",
            pages / total),
        Figure.detail("  median time per page", "ms", 1000 * Median.of(seconds)),
        Figure.detail(
            String.format("  the %d warm-up pages before them", WARM_UP_PAGES),
            "pages/s",
            WARM_UP_PAGES / warmUp));
  }
}
