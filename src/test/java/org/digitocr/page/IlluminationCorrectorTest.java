package org.digitocr.page;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.digitocr.runtime.Natives;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.opencv.core.Core;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.MatOfByte;
import org.opencv.core.MatOfInt;
import org.opencv.core.Point;
import org.opencv.core.Scalar;
import org.opencv.core.Size;
import org.opencv.imgcodecs.Imgcodecs;
import org.opencv.imgproc.Imgproc;

class IlluminationCorrectorTest {
  @BeforeAll
  static void loadOpenCv() {
    Natives.loadOpenCv();
  }

  /** Where the ink is: rows of pen-stroke loops on a 900 x 1200 page. */
  private static Mat inkMask() {
    Mat ink = new Mat(1200, 900, CvType.CV_8UC1, Scalar.all(0));
    for (int row = 0; row < 12; row++) {
      for (int k = 0; k < 14; k++) {
        Point at = new Point(70 + k * 56, 80 + row * 90);
        Imgproc.ellipse(ink, at, new Size(14, 24), 10 * k, 0, 290, Scalar.all(255), 5);
      }
    }
    return ink;
  }

  /**
   * The page photographed badly: light falling from 100% to 35% across it, a soft shadow, a little
   * blur, sensor noise and JPEG at quality 60.
   */
  private static Mat badlyLitPhoto(Mat ink) {
    Mat page = new Mat(ink.size(), CvType.CV_32FC1, Scalar.all(235));
    page.setTo(Scalar.all(60), ink);
    Mat light = new Mat(ink.size(), CvType.CV_32FC1);
    for (int x = 0; x < ink.cols(); x++) {
      light.col(x).setTo(Scalar.all(1.0 - 0.65 * x / ink.cols()));
    }
    Mat shadow = new Mat(ink.size(), CvType.CV_32FC1, Scalar.all(1));
    Imgproc.circle(shadow, new Point(250, 900), 260, Scalar.all(0.6), -1);
    Imgproc.GaussianBlur(shadow, shadow, new Size(0, 0), 60);
    Core.multiply(page, light, page);
    Core.multiply(page, shadow, page);
    Imgproc.GaussianBlur(page, page, new Size(0, 0), 1.2);
    Mat noise = new Mat(ink.size(), CvType.CV_32FC1);
    Core.randn(noise, 0, 4);
    Core.add(page, noise, page);
    Mat photo = new Mat();
    page.convertTo(photo, CvType.CV_8UC1);
    MatOfByte jpeg = new MatOfByte();
    Imgcodecs.imencode(".jpg", photo, jpeg, new MatOfInt(Imgcodecs.IMWRITE_JPEG_QUALITY, 60));
    return Imgcodecs.imdecode(jpeg, Imgcodecs.IMREAD_GRAYSCALE);
  }

  /** Intersection over union of Otsu's ink with the true ink. */
  private static double otsuAgreement(Mat grey, Mat trueInk) {
    Mat ink = new Mat();
    Imgproc.threshold(grey, ink, 0, 255, Imgproc.THRESH_BINARY_INV | Imgproc.THRESH_OTSU);
    Mat both = new Mat();
    Mat either = new Mat();
    Core.bitwise_and(ink, trueInk, both);
    Core.bitwise_or(ink, trueInk, either);
    return (double) Core.countNonZero(both) / Core.countNonZero(either);
  }

  @Test
  void afterCorrectionOneGlobalThresholdFindsTheInkEverywhere() {
    Mat trueInk = inkMask();
    Mat photo = badlyLitPhoto(trueInk);

    Mat even = new IlluminationCorrector().correct(photo);

    assertTrue(otsuAgreement(photo, trueInk) < 0.5, "the light alone should defeat Otsu");
    double agreement = otsuAgreement(even, trueInk);
    assertTrue(agreement > 0.8, "ink agreement after correction " + agreement);
    Mat paper = new Mat();
    Core.bitwise_not(trueInk, paper);
    Imgproc.erode(paper, paper, Imgproc.getStructuringElement(Imgproc.MORPH_RECT, new Size(9, 9)));
    assertTrue(Core.mean(even, paper).val[0] > 235, "paper comes out near white");
  }

  @Test
  void leavesEvenlyLitPaperAlone() {
    Mat page = new Mat(400, 300, CvType.CV_8UC1, Scalar.all(240));
    Imgproc.putText(
        page, "2024", new Point(40, 200), Imgproc.FONT_HERSHEY_SIMPLEX, 2, Scalar.all(30), 5);
    Mat even = new IlluminationCorrector().correct(page);
    assertEquals(255, even.get(20, 20)[0], 1);
    assertTrue(otsuAgreement(even, inkOf(page)) > 0.95);
  }

  @Test
  void acceptsOnlyGreyPages() {
    Mat colour = new Mat(10, 10, CvType.CV_8UC3);
    assertThrows(IllegalArgumentException.class, () -> new IlluminationCorrector().correct(colour));
  }

  private static Mat inkOf(Mat page) {
    Mat ink = new Mat();
    Imgproc.threshold(page, ink, 128, 255, Imgproc.THRESH_BINARY_INV);
    return ink;
  }
}
