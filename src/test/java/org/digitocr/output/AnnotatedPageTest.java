package org.digitocr.output;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import org.digitocr.runtime.Natives;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.Scalar;
import org.opencv.imgcodecs.Imgcodecs;

class AnnotatedPageTest {
  @TempDir Path dir;

  @BeforeAll
  static void loadOpenCv() {
    Natives.loadOpenCv();
  }

  @Test
  void certainDigitsAreBoxedInGreenAndUncertainOnesInTheWarningColour() throws Exception {
    Mat page = new Mat(500, 600, CvType.CV_8UC1, new Scalar(255));
    Mat annotated = AnnotatedPage.draw(page, OutputFixtures.page("x", 1));
    assertEquals(3, annotated.channels());
    assertEquals(1, page.channels(), "the page itself is left alone");
    // left edges of the boxes of the certain "1" and the uncertain "5"
    assertArrayEquals(new double[] {40, 160, 0}, annotated.get(130, 100));
    assertArrayEquals(new double[] {0, 120, 255}, annotated.get(330, 150));
    assertArrayEquals(new double[] {255, 255, 255}, annotated.get(130, 120), "inside stays clean");

    Path png = dir.resolve("page.png");
    AnnotatedPage.write(png, page, OutputFixtures.page("x", 1));
    Mat read = Imgcodecs.imread(png.toString());
    assertEquals(600, read.cols());
    assertArrayEquals(new double[] {0, 120, 255}, read.get(330, 150));
  }
}
