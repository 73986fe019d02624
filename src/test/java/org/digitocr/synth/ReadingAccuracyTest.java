package org.digitocr.synth;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.digitocr.model.ModelChoice;
import org.digitocr.page.Page;
import org.digitocr.pipeline.MnistPages;
import org.digitocr.pipeline.PageReader;
import org.digitocr.pipeline.ReadOptions;
import org.digitocr.runtime.Natives;
import org.junit.jupiter.api.Test;

/**
 * End-to-end accuracy on a fixed set of generated A4 form pages (200 dpi, MNIST test digits), with
 * the shipped model. The figures on a larger set come from {@code evaluate-pages}.
 */
class ReadingAccuracyTest {
  static final int PAGES = 40;
  static final long SEED = 20240601L;

  @Test
  void readsGeneratedFormPages() throws Exception {
    Natives.loadOpenCv();
    Natives.configureNd4j();
    PageGenerator generator = new PageGenerator(MnistPages.test());
    PageReader reader = new PageReader(ModelChoice.shipped().load(), ReadOptions.DEFAULT);
    Random random = new Random(SEED);
    ReadingScore score = new ReadingScore();
    for (int i = 0; i < PAGES; i++) {
      SyntheticPage page = generator.generate(random, PageOptions.a4(200));
      score.add(page, reader.read("page-" + i, new Page(1, page.image())));
      page.image().release();
    }
    String figures =
        String.format(
            "%d of %d digits, %d of %d lines exact, %d spurious digits",
            score.correctDigits(),
            score.truthDigits(),
            score.exactLines(),
            score.truthLines(),
            score.spuriousDigits());
    System.out.println("ReadingAccuracyTest: " + figures);
    assertTrue(score.digitAccuracy() >= MIN_DIGITS, figures);
    assertTrue(score.lineAccuracy() >= MIN_LINES, figures);
    assertTrue(score.spuriousDigits() <= MAX_SPURIOUS_DIGITS, figures);
  }

  /**
   * Issue 3 asks for 98% of digits and 90% of lines. This set reads 98.5% and 90.2% (3,743 of 3,801
   * digits, 534 of 592 lines). {@code evaluate-pages} on other generated sets reads 98.4-98.7% of
   * digits and 90.1-91.3% of lines. Most of what goes wrong is MNIST digits that the CNN misreads
   * even alone (a third of the misread digits), touching digits (a thin 1 joined to its neighbour
   * above all), digits crossing a comb box's dividers, and small bold handwriting taken for bold
   * print. These bars guard the present level with a little slack.
   */
  static final double MIN_DIGITS = 0.98;

  static final double MIN_LINES = 0.895;

  /**
   * Digits read where none is written: nearly all are the letters of the pages' printed titles. 326
   * before typeset titles were set aside, 79 since (2026-11-26).
   */
  static final int MAX_SPURIOUS_DIGITS = 100;
}
