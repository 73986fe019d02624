package org.digitocr.output;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import org.digitocr.runtime.Natives;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opencv.core.Core;
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

  /** Grey pages are written with a palette: the inks exact, the greys within one level. */
  @Test
  void aGreyPageIsWrittenIndexedWithItsGreysAndTheInks() throws Exception {
    Mat page = new Mat(500, 600, CvType.CV_8UC1);
    for (int row = 0; row < 500; row++) {
      page.row(row).setTo(new Scalar(row % 256));
    }
    Path png = dir.resolve("grey.png");
    AnnotatedPage.write(png, page, OutputFixtures.page("x", 1));
    assertEquals(3, Files.readAllBytes(png)[25], "colour type: indexed");
    Mat read = Imgcodecs.imread(png.toString());
    Mat expected = AnnotatedPage.draw(page, OutputFixtures.page("x", 1));
    Mat difference = new Mat();
    Core.absdiff(read, expected, difference);
    assertEquals(1, Core.minMaxLoc(difference.reshape(1)).maxVal, "greys within one level");
    assertArrayEquals(new double[] {40, 160, 0}, read.get(130, 100));
    assertArrayEquals(new double[] {0, 120, 255}, read.get(330, 150));
  }

  @Test
  void aColourPageKeepsItsColours() throws Exception {
    Mat page = new Mat(500, 600, CvType.CV_8UC3, new Scalar(10, 200, 90));
    Path png = dir.resolve("colour.png");
    AnnotatedPage.write(png, page, OutputFixtures.page("x", 1));
    Mat read = Imgcodecs.imread(png.toString());
    assertArrayEquals(new double[] {10, 200, 90}, read.get(130, 120));
    assertArrayEquals(new double[] {40, 160, 0}, read.get(130, 100));
  }
}
