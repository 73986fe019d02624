package org.digitocr.synth;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.digitocr.page.LoadOptions;
import org.digitocr.page.Page;
import org.digitocr.page.PageLoader;
import org.digitocr.page.PageSource;
import org.digitocr.pipeline.MnistPages;
import org.digitocr.runtime.Natives;
import org.junit.jupiter.api.Test;
import org.opencv.core.Core;
import org.opencv.core.Mat;

class EncodedPageTest {
  @Test
  void aScanRecordsItsResolutionAndKeepsItsPixels() throws Exception {
    Natives.loadOpenCv();
    SyntheticPage generated =
        new PageGenerator(MnistPages.test())
            .generate(new Random(3), PageOptions.sheet(60, 40, 150));
    Mat drawn = generated.image().clone();

    EncodedPage scan = EncodedPage.scan(generated, 150);

    try (PageSource source = PageLoader.open("scan.png", scan.bytes(), LoadOptions.DEFAULT)) {
      Page page = source.page(1);
      assertEquals(150, page.dpi(), 0.05); // PNG stores whole pixels per metre
      Mat difference = new Mat();
      Core.absdiff(drawn, page.image(), difference);
      assertEquals(0, Core.countNonZero(difference));
    }
  }
}
