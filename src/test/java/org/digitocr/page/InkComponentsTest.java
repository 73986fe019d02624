package org.digitocr.page;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import org.digitocr.layout.Box;
import org.digitocr.runtime.Natives;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.opencv.core.Core;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.Point;
import org.opencv.core.Rect;
import org.opencv.core.Scalar;
import org.opencv.imgproc.Imgproc;

class InkComponentsTest {
  private static final Scalar INK = Scalar.all(255);

  @BeforeAll
  static void opencv() {
    Natives.loadOpenCv();
  }

  @Test
  void findsEachBlobWithItsBoxAndArea() {
    Mat ink = Mat.zeros(60, 80, CvType.CV_8UC1);
    ink.submat(new Rect(10, 5, 30, 2)).setTo(INK);
    ink.submat(new Rect(50, 20, 3, 25)).setTo(INK);

    List<InkComponents.Component> found = InkComponents.find(ink, 1).components();

    assertEquals(2, found.size());
    assertEquals(new Box(10, 5, 30, 2), found.get(0).box());
    assertEquals(60, found.get(0).area());
    assertEquals(new Box(50, 20, 3, 25), found.get(1).box());
    assertEquals(75, found.get(1).area());
  }

  @Test
  void findsWhatOpenCvsLabellingWithStatisticsFinds() {
    Mat ink = Mat.zeros(120, 160, CvType.CV_8UC1);
    // a ring with a blob in its hole, and one in the hole's corner touching nothing
    Imgproc.rectangle(ink, new Point(10, 10), new Point(70, 70), INK, 3);
    ink.submat(new Rect(30, 30, 10, 10)).setTo(INK);
    ink.put(14, 14, 255);
    // blobs joined only corner to corner (8-connected), and blobs on the image's edges
    ink.put(90, 100, 255);
    ink.put(91, 101, 255);
    ink.submat(new Rect(0, 100, 40, 2)).setTo(INK);
    ink.submat(new Rect(158, 0, 2, 120)).setTo(INK);
    // scattered specks and strokes
    Random random = new Random(3);
    for (int i = 0; i < 40; i++) {
      int x = 80 + random.nextInt(70);
      int y = 10 + random.nextInt(70);
      Imgproc.line(
          ink, new Point(x, y), new Point(x + random.nextInt(9), y + random.nextInt(9)), INK, 1);
    }

    InkComponents full = InkComponents.find(ink, 1);

    assertTrue(full.components().size() > 20);
    assertEquals(openCvsStatistics(ink), full.components());
    Comparator<Box> order = Comparator.comparingInt(Box::y).thenComparingInt(Box::x);
    assertEquals(
        full.components().stream().map(InkComponents.Component::box).sorted(order).toList(),
        InkComponents.boxes(ink).stream().sorted(order).toList());
    Mat labels = new Mat();
    Imgproc.connectedComponents(ink, labels, 8, CvType.CV_32S);
    Box all = new Box(0, 0, ink.cols(), ink.rows());
    Mat labelled = new Mat();
    for (InkComponents.Component blob : full.components()) {
      Core.inRange(labels, new Scalar(blob.label()), new Scalar(blob.label()), labelled);
      Mat actual = full.mask(all, List.of(blob));
      Core.absdiff(labelled, actual, actual);
      assertEquals(0, Core.countNonZero(actual), "blob " + blob);
      // in its own box, the mask is a copy of the blob's pixels
      Mat own = full.mask(blob.box(), List.of(blob));
      assertFalse(own.isSubmatrix(), "blob " + blob);
      Core.absdiff(labelled.submat(InkComponents.rect(blob.box())), own, own);
      assertEquals(0, Core.countNonZero(own), "blob " + blob);
    }
    List<InkComponents.Traced> traced = InkComponents.traced(ink);
    assertEquals(full.components().size(), traced.size());
    // the ring's box holds the blobs in its hole; most specks' boxes hold nothing else
    assertFalse(traced.stream().filter(blob -> blob.box().width() > 60).findFirst().get().alone());
    assertTrue(traced.stream().filter(InkComponents.Traced::alone).count() > 10);
    for (InkComponents.Traced blob : traced) {
      // each box here is one blob's: the ring's hole holds smaller ones
      List<InkComponents.Component> same =
          full.components().stream().filter(c -> c.box().equals(blob.box())).toList();
      assertEquals(1, same.size(), "blob at " + blob);
      Mat expected = full.mask(blob.box(), same);
      Mat actual = blob.pixels(ink);
      // a view would let filters near its edges read the fill's border (1s)
      assertFalse(actual.isSubmatrix(), "blob at " + blob);
      assertEquals(same.get(0).area(), Core.countNonZero(actual), "blob at " + blob);
      Core.absdiff(expected, actual, actual);
      assertEquals(0, Core.countNonZero(actual), "blob at " + blob);
    }
  }

  @Test
  void findsNothingInAnEmptyImage() {
    assertEquals(List.of(), InkComponents.find(Mat.zeros(30, 40, CvType.CV_8UC1), 1).components());
    assertEquals(List.of(), InkComponents.boxes(Mat.zeros(30, 40, CvType.CV_8UC1)));
  }

  @Test
  void specksAreBlobsWithFewerPixelsThanTheMinimumWhateverTheirBox() {
    Mat ink = Mat.zeros(40, 60, CvType.CV_8UC1);
    Imgproc.line(ink, new Point(2, 2), new Point(11, 11), INK, 1); // 10 pixels in a 10 x 10 box
    ink.submat(new Rect(30, 20, 5, 5)).setTo(INK);
    ink.put(35, 50, 255);

    InkComponents found = InkComponents.find(ink, 20);

    assertEquals(
        List.of(new Box(30, 20, 5, 5)),
        found.components().stream().map(InkComponents.Component::box).toList());
    assertEquals(25, found.components().get(0).area());
    assertEquals(2, found.specks());
  }

  @Test
  void othersShowsTheRegionsInkOfEveryOtherBlobAndSpeck() {
    Mat ink = Mat.zeros(40, 60, CvType.CV_8UC1);
    ink.submat(new Rect(10, 10, 8, 12)).setTo(INK);
    ink.submat(new Rect(20, 5, 6, 20)).setTo(INK);
    ink.put(30, 15, 255); // a speck
    InkComponents found = InkComponents.find(ink, 4);
    InkComponents.Component left = found.components().get(1);
    assertEquals(new Box(10, 10, 8, 12), left.box());
    Box region = new Box(5, 8, 30, 25);

    Mat others = found.others(region, List.of(left));

    Mat expected = ink.submat(InkComponents.rect(region)).clone();
    expected.submat(new Rect(5, 2, 8, 12)).setTo(Scalar.all(0));
    assertFalse(others.isSubmatrix());
    Core.absdiff(expected, others, others);
    assertEquals(0, Core.countNonZero(others));
  }

  /** The blobs as OpenCV's labelling with statistics gives them, in label order. */
  private static List<InkComponents.Component> openCvsStatistics(Mat ink) {
    Mat labels = new Mat();
    Mat stats = new Mat();
    int count =
        Imgproc.connectedComponentsWithStats(ink, labels, stats, new Mat(), 8, CvType.CV_32S);
    List<InkComponents.Component> blobs = new ArrayList<>();
    for (int label = 1; label < count; label++) {
      int[] row = new int[5];
      stats.get(label, 0, row);
      blobs.add(
          new InkComponents.Component(
              label,
              new Box(
                  row[Imgproc.CC_STAT_LEFT],
                  row[Imgproc.CC_STAT_TOP],
                  row[Imgproc.CC_STAT_WIDTH],
                  row[Imgproc.CC_STAT_HEIGHT]),
              row[Imgproc.CC_STAT_AREA]));
    }
    return blobs;
  }
}
