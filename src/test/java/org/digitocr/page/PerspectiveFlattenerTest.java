package org.digitocr.page;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.digitocr.layout.Box;
import org.digitocr.runtime.Natives;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.opencv.core.Core;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.MatOfPoint2f;
import org.opencv.core.Point;
import org.opencv.core.Scalar;
import org.opencv.core.Size;
import org.opencv.imgproc.Imgproc;
import org.opencv.imgproc.Moments;

class PerspectiveFlattenerTest {
  private static final int PAGE_WIDTH = 600;
  private static final int PAGE_HEIGHT = 800;
  private static final Point DOT = new Point(80, 90);

  @BeforeAll
  static void loadOpenCv() {
    Natives.loadOpenCv();
  }

  /** The page's corners seen turned by 8 degrees with its top edge a little further away. */
  private static Point[] cornersInPhoto() {
    Point[] flat = {
      new Point(0, 0),
      new Point(PAGE_WIDTH, 0),
      new Point(PAGE_WIDTH, PAGE_HEIGHT),
      new Point(0, PAGE_HEIGHT)
    };
    double angle = Math.toRadians(8);
    Point[] corners = new Point[4];
    for (int i = 0; i < 4; i++) {
      double x = flat[i].x - PAGE_WIDTH / 2.0;
      double y = flat[i].y - PAGE_HEIGHT / 2.0;
      double keystone = i < 2 ? 0.97 : 1.0;
      corners[i] =
          new Point(
              600 + keystone * (x * Math.cos(angle) - y * Math.sin(angle)),
              500 + x * Math.sin(angle) + y * Math.cos(angle));
    }
    return corners;
  }

  /** A white page with one dark dot near its top-left corner, as a photo on a dark table. */
  private static Mat photoOfPage(Mat pageToPhoto) {
    Mat page = new Mat(PAGE_HEIGHT, PAGE_WIDTH, CvType.CV_8UC1, Scalar.all(230));
    Imgproc.circle(page, DOT, 20, Scalar.all(20), -1);
    Mat photo = new Mat(1000, 1200, CvType.CV_8UC1, Scalar.all(50));
    Imgproc.warpPerspective(
        page, photo, pageToPhoto, photo.size(), Imgproc.INTER_LINEAR, Core.BORDER_TRANSPARENT);
    return photo;
  }

  private static Mat pageToPhoto(Point[] corners) {
    return Imgproc.getPerspectiveTransform(
        new MatOfPoint2f(
            new Point(0, 0),
            new Point(PAGE_WIDTH, 0),
            new Point(PAGE_WIDTH, PAGE_HEIGHT),
            new Point(0, PAGE_HEIGHT)),
        new MatOfPoint2f(corners));
  }

  private static Point centroidOfInk(Mat grey) {
    Mat ink = new Mat();
    Imgproc.threshold(grey, ink, 128, 255, Imgproc.THRESH_BINARY_INV);
    Moments m = Imgproc.moments(ink, true);
    return new Point(m.m10 / m.m00, m.m01 / m.m00);
  }

  @Test
  void flattensTheSheetUprightAtItsOwnSizeAndMapsBoxesBack() {
    Point[] corners = cornersInPhoto();
    Mat pageToPhoto = pageToPhoto(corners);
    Mat photo = photoOfPage(pageToPhoto);
    SheetOutline sheet = new SheetOutline(corners[0], corners[1], corners[2], corners[3], 1);

    PerspectiveFlattener.FlattenedPage flat = new PerspectiveFlattener().flatten(photo, sheet);

    Mat page = flat.page();
    double enlarged = PerspectiveFlattener.MAX_ENLARGEMENT; // the sheet is small
    assertEquals(enlarged * PAGE_WIDTH, page.cols(), 0.03 * enlarged * PAGE_WIDTH);
    assertEquals(enlarged * PAGE_HEIGHT, page.rows(), 0.03 * enlarged * PAGE_HEIGHT);
    Point dot = centroidOfInk(page);
    assertEquals(DOT.x * page.cols() / PAGE_WIDTH, dot.x, 3 * enlarged);
    assertEquals(DOT.y * page.rows() / PAGE_HEIGHT, dot.y, 3 * enlarged);

    int half = (int) Math.round(20 * enlarged);
    Box dotOnPage = new Box((int) dot.x - half, (int) dot.y - half, 2 * half + 1, 2 * half + 1);
    Box dotInPhoto = flat.toPhoto().toOriginal(dotOnPage);
    Mat expected = new Mat();
    Core.perspectiveTransform(new MatOfPoint2f(DOT), expected, pageToPhoto);
    Point expectedCentre = new Point(expected.get(0, 0));
    assertEquals(expectedCentre.x, dotInPhoto.centerX(), 3);
    assertEquals(expectedCentre.y, dotInPhoto.centerY(), 3);
    // a turned square's bounding box is larger than the square, by cos + sin of the angle
    double turnedSide = 41 * (Math.cos(Math.toRadians(8)) + Math.sin(Math.toRadians(8)));
    assertEquals(turnedSide, dotInPhoto.width(), 4);
  }

  @Test
  void blankPaperBeyondTheFrame() {
    Point[] corners = {
      new Point(-40, -30), new Point(500, 10), new Point(520, 640), new Point(10, 600)
    };
    Mat photo = new Mat(700, 800, CvType.CV_8UC1, Scalar.all(200));
    SheetOutline sheet = new SheetOutline(corners[0], corners[1], corners[2], corners[3], 1);

    PerspectiveFlattener.FlattenedPage flat = new PerspectiveFlattener().flatten(photo, sheet);

    assertEquals(255, flat.page().get(2, 2)[0], "outside the photo");
    assertEquals(200, flat.page().get(300, 300)[0], 1, "inside the photo");
  }

  private static Size flattenedSize(double sheetWidth) {
    Mat photo = new Mat(100, 100, CvType.CV_8UC1, Scalar.all(200));
    SheetOutline sheet =
        new SheetOutline(
            new Point(0, 0),
            new Point(sheetWidth, 0),
            new Point(sheetWidth, sheetWidth / 2),
            new Point(0, sheetWidth / 2),
            1);
    return new PerspectiveFlattener().flatten(photo, sheet).page().size();
  }

  @Test
  void enlargesSmallSheetsAndShrinksHugeOnesKeepingTheirShape() {
    Size huge = flattenedSize(3 * PerspectiveFlattener.MAX_SIDE);
    assertEquals(PerspectiveFlattener.MAX_SIDE, huge.width, 1);
    assertEquals(PerspectiveFlattener.MAX_SIDE / 2.0, huge.height, 1);

    Size large = flattenedSize(PerspectiveFlattener.MIN_SIDE + 500);
    assertEquals(PerspectiveFlattener.MIN_SIDE + 500, large.width, 1);

    Size middling = flattenedSize(2000);
    assertEquals(PerspectiveFlattener.MIN_SIDE, middling.width, 1);
    assertEquals(PerspectiveFlattener.MIN_SIDE / 2.0, middling.height, 1);

    Size small = flattenedSize(400);
    assertEquals(400 * PerspectiveFlattener.MAX_ENLARGEMENT, small.width, 1);
  }
}
