package org.digitocr.page;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
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

class PhotoPreparationTest {
  @BeforeAll
  static void loadOpenCv() {
    Natives.loadOpenCv();
  }

  private static GreyPage apply(PageDetection mode, Mat grey) {
    return new PhotoPreparation(mode).apply(new GreyPage(grey, CoordinateMap.identity()));
  }

  private static Mat scan() {
    Mat scan = new Mat(1100, 850, CvType.CV_8UC1, Scalar.all(245));
    DrawnSheet.drawMarks(scan, new Point[] {new Point(425, 550)});
    return scan;
  }

  @Test
  void flattensAPhotographedSheetAndMapsItsCornersBackToThePhoto() {
    GreyPage page = apply(PageDetection.AUTO, DrawnSheet.photo());

    assertTrue(page.warnings().isEmpty(), page.warnings().toString());
    Mat flat = page.grey();
    // the longer opposite sides of the drawn sheet
    assertEquals(930, flat.cols(), 10);
    assertEquals(682, flat.rows(), 10);
    double[][] pageCorners = {
      {0, 0}, {flat.cols(), 0}, {flat.cols(), flat.rows()}, {0, flat.rows()}
    };
    for (int i = 0; i < 4; i++) {
      double[] inPhoto = page.toOriginal().toOriginal(pageCorners[i][0], pageCorners[i][1]);
      Point drawn = DrawnSheet.CORNERS[i];
      assertTrue(
          Math.hypot(inPhoto[0] - drawn.x, inPhoto[1] - drawn.y) < 8,
          "corner " + i + " maps to " + inPhoto[0] + "," + inPhoto[1]);
    }
    assertTrue(Core.mean(flat).val[0] > 200, "paper, not the table");
  }

  @Test
  void leavesAScanAsItIsUnlessAskedToFindASheet() {
    Mat scan = scan();
    GreyPage auto = apply(PageDetection.AUTO, scan);
    assertSame(scan, auto.grey());
    assertTrue(auto.warnings().isEmpty());

    GreyPage on = apply(PageDetection.ON, scan);
    assertSame(scan, on.grey());
    assertEquals(1, on.warnings().size());
    assertTrue(on.warnings().get(0).startsWith("no sheet of paper found"), on.warnings().get(0));
  }

  @Test
  void readsAPhotoWithoutASheetWholeAndSaysSo() {
    Mat clutter = new Mat(900, 1200, CvType.CV_8UC1);
    Core.randu(clutter, 0, 255);
    Imgproc.GaussianBlur(clutter, clutter, new Size(51, 51), 0);
    Core.normalize(clutter, clutter, 0, 255, Core.NORM_MINMAX);

    GreyPage page = apply(PageDetection.AUTO, clutter);

    assertSame(clutter, page.grey());
    assertEquals(
        List.of("no sheet of paper found; read the whole image"),
        page.warnings().stream().map(w -> w.replaceAll(" with confidence \\(.*\\)", "")).toList());
  }

  @Test
  void offReadsEveryImageAsItIs() {
    Mat photo = DrawnSheet.photo();
    GreyPage page = apply(PageDetection.OFF, photo);
    assertSame(photo, page.grey());
    assertTrue(page.warnings().isEmpty());
  }
}
