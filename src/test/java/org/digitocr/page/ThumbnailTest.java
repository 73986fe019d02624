package org.digitocr.page;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import org.digitocr.runtime.Natives;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.Rect;
import org.opencv.core.Scalar;

class ThumbnailTest {
  @BeforeAll
  static void opencv() {
    Natives.loadOpenCv();
  }

  @Test
  void shrinksByTheSmallestWholeFactorThatFitsAndAveragesBlocks() {
    // an A4 page at 200 dpi: 2339 / 640 needs a factor of 4
    Mat page = new Mat(2339, 1654, CvType.CV_8UC1, Scalar.all(255));
    page.submat(new Rect(400, 800, 4, 4)).setTo(Scalar.all(0));
    page.submat(new Rect(800, 800, 2, 4)).setTo(Scalar.all(0));

    Mat small = Thumbnail.atMost(page, 640);

    assertEquals(585, small.rows());
    assertEquals(414, small.cols());
    assertEquals(0, small.get(200, 100)[0]);
    assertEquals(128, small.get(200, 200)[0], 1);
  }

  @Test
  void leavesAnImageThatFitsAsItIs() {
    Mat image = new Mat(640, 480, CvType.CV_8UC1, Scalar.all(255));

    assertSame(image, Thumbnail.atMost(image, 640));
  }

  @Test
  void aboutShrinksByAWholeFactorWhereOneLandsNearTheSideAsked() {
    // An A4 page at 200 dpi: a third is 780 pixels, within a tenth of 800.
    assertEquals(780, Thumbnail.about(new Mat(2339, 1654, CvType.CV_8UC1), 800).rows());
    // A photo's flattened page of 1,240 pixels: half would be 620, so it is resized to 800.
    Mat page = new Mat(1240, 877, CvType.CV_8UC1, Scalar.all(200));
    assertEquals(800, Thumbnail.about(page, 800).rows());
    // A photo a little over 800 pixels stays whole.
    Mat photo = new Mat(768, 874, CvType.CV_8UC1);
    assertSame(photo, Thumbnail.about(photo, 800));
  }
}
