package org.digitocr.page;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.digitocr.runtime.Natives;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.opencv.core.Core;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.Point;
import org.opencv.core.Scalar;
import org.opencv.core.Size;
import org.opencv.imgproc.Imgproc;

class SharpenerTest {
  @BeforeAll
  static void loadOpenCv() {
    Natives.loadOpenCv();
  }

  /** Ink pixels after Otsu, of two pen strokes 6 pixels apart, both out of focus. */
  private static int otsuInk(Mat grey) {
    Mat ink = new Mat();
    Imgproc.threshold(grey, ink, 0, 255, Imgproc.THRESH_BINARY_INV | Imgproc.THRESH_OTSU);
    return Core.countNonZero(ink.row(50));
  }

  @Test
  void restoresTheEdgesOfSoftStrokesAndLeavesBlankPaperAlone() {
    Mat page = new Mat(100, 100, CvType.CV_8UC1, Scalar.all(230));
    Imgproc.line(page, new Point(40, 0), new Point(40, 99), Scalar.all(40), 4);
    Imgproc.line(page, new Point(50, 0), new Point(50, 99), Scalar.all(40), 4);
    Mat soft = new Mat();
    Imgproc.GaussianBlur(page, soft, new Size(0, 0), 2.5);

    Mat sharp = new Sharpener().sharpen(soft);

    assertEquals(230, sharp.get(50, 10)[0], 1, "blank paper");
    assertTrue(otsuInk(sharp) < otsuInk(soft), "soft strokes are fattened by the threshold");
    assertTrue(
        sharp.get(50, 45)[0] - sharp.get(50, 40)[0] > soft.get(50, 45)[0] - soft.get(50, 40)[0],
        "the gap between the strokes stands out more");
  }
}
