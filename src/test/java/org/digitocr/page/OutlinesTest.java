package org.digitocr.page;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.digitocr.layout.Box;
import org.digitocr.runtime.Natives;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.MatOfPoint;
import org.opencv.core.Point;
import org.opencv.core.Rect;
import org.opencv.core.Scalar;
import org.opencv.imgproc.Imgproc;

class OutlinesTest {
  private static final Scalar INK = Scalar.all(255);

  @BeforeAll
  static void opencv() {
    Natives.loadOpenCv();
  }

  @Test
  void readsOutlinesWithoutAJavaMatEachWithThePinnedOpenCv() {
    assertTrue(Outlines.direct());
  }

  @Test
  void findsTheOutlinesAndHierarchyOfImgprocFindContours() {
    Mat ink = scene(new Random(11));
    for (int mode : new int[] {Imgproc.RETR_CCOMP, Imgproc.RETR_LIST, Imgproc.RETR_EXTERNAL}) {
      Outlines direct = Outlines.of(ink, mode);
      Outlines reference = Outlines.viaJavaMats(ink, mode);

      assertTrue(direct.count() > 20, "outlines: " + direct.count());
      assertEquals(reference.count(), direct.count());
      for (int i = 0; i < direct.count(); i++) {
        assertArrayEquals(reference.points().get(i), direct.points().get(i));
      }
      assertArrayEquals(reference.hierarchy(), direct.hierarchy());
    }
  }

  @Test
  void boxesTheOutlinesAsBoundingRectDoes() {
    Outlines outlines = Outlines.of(scene(new Random(12)), Imgproc.RETR_CCOMP);
    for (int i = 0; i < outlines.count(); i++) {
      int[] xy = outlines.points().get(i);
      Point[] points = new Point[xy.length / 2];
      for (int p = 0; p < points.length; p++) {
        points[p] = new Point(xy[2 * p], xy[2 * p + 1]);
      }
      Rect rect = Imgproc.boundingRect(new MatOfPoint(points));
      assertEquals(new Box(rect.x, rect.y, rect.width, rect.height), outlines.box(i));
    }
  }

  @Test
  void tellsOuterOutlinesFromHoles() {
    Mat ink = Mat.zeros(60, 60, CvType.CV_8UC1);
    Imgproc.rectangle(ink, new Point(10, 10), new Point(40, 40), INK, 3);

    Outlines outlines = Outlines.of(ink, Imgproc.RETR_CCOMP);

    assertEquals(2, outlines.count());
    assertTrue(outlines.outer(0));
    assertEquals(new Box(8, 8, 35, 35), outlines.box(0));
    assertFalse(outlines.outer(1));
    assertEquals(0, Outlines.of(Mat.zeros(20, 20, CvType.CV_8UC1), Imgproc.RETR_LIST).count());
  }

  /** Rings, blobs in holes, strokes, specks and a pixel on each edge. */
  private static Mat scene(Random random) {
    Mat ink = Mat.zeros(200, 240, CvType.CV_8UC1);
    for (int i = 0; i < 12; i++) {
      int x = random.nextInt(200);
      int y = random.nextInt(160);
      Imgproc.circle(ink, new Point(x, y), 5 + random.nextInt(20), INK, 1 + random.nextInt(4));
      ink.put(y, x, 255);
    }
    for (int i = 0; i < 40; i++) {
      Point from = new Point(random.nextInt(240), random.nextInt(200));
      Point to = new Point(from.x + random.nextInt(30) - 15, from.y + random.nextInt(30) - 15);
      Imgproc.line(ink, from, to, INK, 1 + random.nextInt(3));
    }
    ink.put(0, 0, 255);
    ink.put(199, 239, 255);
    return ink;
  }
}
