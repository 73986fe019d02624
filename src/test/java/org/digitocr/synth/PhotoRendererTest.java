package org.digitocr.synth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.digitocr.page.PaperFinder;
import org.digitocr.page.SheetOutline;
import org.digitocr.runtime.Natives;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.MatOfByte;
import org.opencv.core.Point;
import org.opencv.core.Scalar;
import org.opencv.imgcodecs.Imgcodecs;
import org.opencv.imgproc.Imgproc;

class PhotoRendererTest {
  private static final Point DOT = new Point(200, 300);

  @BeforeAll
  static void loadOpenCv() {
    Natives.loadOpenCv();
  }

  /** An A4 page at 150 dpi, white with one black dot. */
  private static Mat page() {
    Mat page = new Mat(1754, 1240, CvType.CV_8UC1, Scalar.all(255));
    Imgproc.circle(page, DOT, 25, Scalar.all(0), -1);
    return page;
  }

  @Test
  void rendersAPhoneStylePhotoWithItsGroundTruthMapping() {
    ExifOrientation held = ExifOrientation.ROTATED_90_CLOCKWISE;
    PhotoRenderer.RenderedPhoto rendered = new PhotoRenderer(held).render(page(), new Random(3));

    Mat photo = rendered.photo();
    assertTrue(photo.cols() >= PhotoRenderer.MIN_WIDTH && photo.cols() <= PhotoRenderer.MAX_WIDTH);
    assertEquals(photo.cols() * 4 / 3, photo.rows(), "a portrait page is photographed portrait");
    assertEquals(CvType.CV_8UC3, photo.type());
    Mat asStored =
        Imgcodecs.imdecode(
            new MatOfByte(rendered.jpeg()),
            Imgcodecs.IMREAD_COLOR | Imgcodecs.IMREAD_IGNORE_ORIENTATION);
    assertEquals(photo.rows(), asStored.cols(), "stored sideways, as the phone's sensor saw it");

    Point[] pageCorners = {
      new Point(0, 0), new Point(1240, 0), new Point(1240, 1754), new Point(0, 1754)
    };
    for (int i = 0; i < 4; i++) {
      Point mapped = rendered.pageToPhoto().map(pageCorners[i]);
      assertEquals(rendered.sheetCorners()[i].x, mapped.x, 1e-3);
      assertEquals(rendered.sheetCorners()[i].y, mapped.y, 1e-3);
      assertTrue(
          mapped.x > 0 && mapped.x < photo.cols() && mapped.y > 0 && mapped.y < photo.rows());
    }
    Point dot = rendered.pageToPhoto().map(DOT);
    Point paper = rendered.pageToPhoto().map(new Point(600, 900));
    double dotGrey = mean(photo, dot);
    double paperGrey = mean(photo, paper);
    assertTrue(dotGrey < 60 && paperGrey > 120, "dot " + dotGrey + ", paper " + paperGrey);
  }

  @Test
  void thePaperFinderLocatesTheRenderedSheetToAPixelOrTwo() {
    Random random = new Random(11);
    for (int photo = 0; photo < 3; photo++) {
      PhotoRenderer.RenderedPhoto rendered = new PhotoRenderer().render(page(), random);
      SheetOutline found = new PaperFinder().find(rendered.photo()).orElseThrow();
      assertTrue(found.confidence() >= PaperFinder.CONFIDENT);
      for (int i = 0; i < 4; i++) {
        Point truth = rendered.sheetCorners()[i];
        Point corner = found.corners().get(i);
        assertTrue(
            Math.hypot(truth.x - corner.x, truth.y - corner.y) < 2.5,
            "photo " + photo + " corner " + i + ": " + corner + " drawn at " + truth);
      }
    }
  }

  private static double mean(Mat photo, Point at) {
    double sum = 0;
    for (int dy = -3; dy <= 3; dy++) {
      for (int dx = -3; dx <= 3; dx++) {
        double[] bgr = photo.get((int) at.y + dy, (int) at.x + dx);
        sum += (bgr[0] + bgr[1] + bgr[2]) / 3;
      }
    }
    return sum / 49;
  }
}
