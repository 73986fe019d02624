package org.digitocr.synth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;
import org.digitocr.layout.Box;
import org.digitocr.pipeline.MnistPages;
import org.digitocr.runtime.Natives;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.opencv.core.Core;
import org.opencv.core.Mat;

class PageGeneratorTest {
  private static PageGenerator generator;

  @BeforeAll
  static void load() throws Exception {
    Natives.loadOpenCv();
    generator = new PageGenerator(MnistPages.test());
  }

  @Test
  void generatesTheSamePageFromTheSameSeed() {
    PageOptions options = PageOptions.sheet(148, 210, 100);
    SyntheticPage first = generator.generate(new Random(4), options);
    SyntheticPage second = generator.generate(new Random(4), options);
    assertEquals(first.transcript(), second.transcript());
    Mat difference = new Mat();
    Core.absdiff(first.image(), second.image(), difference);
    assertEquals(0, Core.countNonZero(difference));
  }

  @Test
  void writesNumbersOfThreeToTwelveDigitsWithTheirBoxesOnTheA4Page() throws Exception {
    SyntheticPage page = generator.generate(new Random(9), PageOptions.a4(200));
    assertEquals(1654, page.image().cols());
    assertEquals(2339, page.image().rows());
    assertTrue(page.digitCount() >= 70 && page.digitCount() <= 130, page.digitCount() + " digits");
    for (TruthLine line : page.lines()) {
      int length = line.digits().size();
      assertTrue(length >= 3 && length <= 12, line.text());
      assertTrue(line.text().matches("[0-9]+( [0-9]+)?"), line.text());
      for (TruthDigit digit : line.digits()) {
        Box box = digit.box();
        assertTrue(box.x() >= 0 && box.right() <= 1654 && box.y() >= 0 && box.bottom() <= 2339);
        assertEquals(MnistPages.test().labels()[digit.mnistIndex()], digit.digit());
        // The digit's ink is there: its box holds pixels darker than paper and its noise.
        double darkest =
            Core.minMaxLoc(page.image().submat(box.y(), box.bottom(), box.x(), box.right())).minVal;
        assertTrue(darkest < 180, "ink in " + box + ": darkest " + darkest);
      }
    }
    List<Double> tops = page.lines().stream().map(l -> (double) l.box().y()).toList();
    for (int i = 1; i < tops.size(); i++) {
      assertTrue(tops.get(i) > tops.get(i - 1), "lines top to bottom");
    }
  }
}
