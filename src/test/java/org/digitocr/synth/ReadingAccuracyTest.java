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
  static final int PAGES = 12;
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
  }

  /**
   * Issue 3 asks for 98% of digits and 90% of lines. Not reached yet: this set reads 97.9% and
   * 88.1% (1,097 of 1,121 digits, 155 of 176 lines) with the default model. The 99.53% CNN reads it
   * little better (1,097 and 156; with the not-a-digit class 1,100 and 158): most of what goes
   * wrong here is segmentation — a 0 broken into two arcs read as 11, short underlines that line
   * removal misses, touching digits. These bars guard the present level until better cutting raises
   * it.
   */
  static final double MIN_DIGITS = 0.97;

  static final double MIN_LINES = 0.86;
}
