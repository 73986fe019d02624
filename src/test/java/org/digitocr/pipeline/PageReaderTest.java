package org.digitocr.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.digitocr.layout.ReadDigit;
import org.digitocr.model.DigitClassifier;
import org.digitocr.model.ModelStore;
import org.digitocr.page.Page;
import org.digitocr.page.TestPages;
import org.digitocr.runtime.Natives;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.opencv.core.Core;
import org.opencv.core.Mat;
import org.opencv.core.Point;
import org.opencv.imgcodecs.Imgcodecs;
import org.opencv.imgproc.Imgproc;

class PageReaderTest {
  private static DigitClassifier classifier;

  @BeforeAll
  static void load() throws Exception {
    Natives.loadOpenCv();
    Natives.configureNd4j();
    classifier = ModelStore.load(ModelStore.defaultModel());
  }

  @Test
  void readsLinesOfDigitsInReadingOrderWithBoxesOnTheOriginalPage() throws Exception {
    Mat page = MnistPages.page("0123", "456 789", "9081726354");
    Mat rotated = new Mat();
    Imgproc.warpAffine(
        page,
        rotated,
        Imgproc.getRotationMatrix2D(new Point(291, 413), 2, 1),
        page.size(),
        Imgproc.INTER_LINEAR,
        Core.BORDER_REPLICATE);
    PageResult result =
        new PageReader(classifier, ReadOptions.DEFAULT).read("sheet.png", new Page(1, rotated));
    assertEquals(List.of("0123", "456 789", "9081726354"), result.transcript());
    assertEquals("sheet.png", result.file());
    assertEquals(583, result.width());
    for (ReadDigit digit : result.digits()) {
      int ink =
          TestPages.inkIn(
              rotated, digit.box().x(), digit.box().y(), digit.box().width(), digit.box().height());
      assertTrue(ink > 0.15 * digit.box().area(), "ink under " + digit);
    }
  }

  @Test
  void marksDigitsBelowTheMinimumConfidenceUncertain() throws Exception {
    Mat page = MnistPages.page("0123456789");
    PageResult sure =
        new PageReader(classifier, new ReadOptions(0)).read("a.png", new Page(1, page));
    PageResult doubting =
        new PageReader(classifier, new ReadOptions(1)).read("a.png", new Page(1, page));
    assertEquals(0, sure.uncertainDigits());
    assertEquals(List.of("0123456789"), sure.transcript());
    StringBuilder expected = new StringBuilder();
    for (ReadDigit digit : doubting.digits()) {
      assertEquals(digit.confidence() < 1, digit.uncertain());
      expected.append(digit.uncertain() ? '?' : (char) ('0' + digit.digit()));
    }
    assertEquals(List.of(expected.toString()), doubting.transcript());
  }

  @Test
  void warnsAboutPagesWithoutInkOrDigits() {
    PageReader reader = new PageReader(classifier, ReadOptions.DEFAULT);
    PageResult blank = reader.read("blank.png", new Page(1, TestPages.blank(583, 827)));
    assertEquals(List.of(PageResult.NO_INK), blank.warnings());
    Mat ruled = TestPages.blank(583, 827);
    TestPages.stroke(ruled, 40, 300, 540, 300, 2);
    PageResult lines = reader.read("ruled.png", new Page(1, ruled));
    assertEquals(List.of(PageResult.NO_DIGITS), lines.warnings());
    assertTrue(lines.lines().isEmpty());
  }

  @Test
  void readsNoDigitsInTheBoldTitleOfTheSampleForm() throws Exception {
    // In the faint threshold the halos of the title's bold letters join into long runs; taken for
    // printed lines and removed, they cut the letters into pieces that read as digits.
    Mat form = Imgcodecs.imread("samples/form.png", Imgcodecs.IMREAD_GRAYSCALE);
    PageResult result =
        new PageReader(classifier, ReadOptions.DEFAULT).read("form.png", new Page(1, form));
    assertEquals("881", result.transcript().get(0), String.join(" / ", result.transcript()));
  }
}
