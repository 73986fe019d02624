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
import org.opencv.imgproc.Imgproc;

class PhotoPreparationTest {
  @BeforeAll
  static void loadOpenCv() {
    Natives.loadOpenCv();
  }

  private static GreyPage apply(PageDetection mode, Mat grey) {
    return new PhotoPreparation(mode).apply(new GreyPage(grey, CoordinateMap.identity()));
  }

  @Test
  void flattensAPhotographedSheetAndMapsItsCornersBackToThePhoto() {
    GreyPage page = apply(PageDetection.AUTO, DrawnSheet.photo());

    assertTrue(page.warnings().isEmpty(), page.warnings().toString());
    Mat flat = page.grey();
    // the longer opposite sides of the drawn sheet
    double enlarged = PerspectiveFlattener.MAX_ENLARGEMENT; // the sheet is small
    assertEquals(930 * enlarged, flat.cols(), 10 * enlarged);
    assertEquals(682 * enlarged, flat.rows(), 10 * enlarged);
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
    Mat scan = DrawnScenes.scan();
    GreyPage auto = apply(PageDetection.AUTO, scan);
    assertSame(scan, auto.grey());
    assertTrue(auto.warnings().isEmpty());

    GreyPage on = apply(PageDetection.ON, scan);
    assertSame(scan, on.grey());
    assertEquals(
        List.of("no sheet edges found: the paper fills the image; read it whole"), on.warnings());
  }

  @Test
  void readsAPhotoWhoseSheetEdgesAreLostWholeAndSaysSo() {
    // the sheet runs off the frame at the top and left: blank paper, but no outline to flatten
    Point[] corners = {
      new Point(-200, -150), new Point(900, -100), new Point(1000, 800), new Point(-150, 750)
    };
    Mat photo = DrawnSheet.photo(corners, Scalar.all(60), Scalar.all(225));

    GreyPage page = apply(PageDetection.AUTO, photo);

    assertSame(photo, page.grey());
    assertEquals(1, page.warnings().size());
    assertTrue(page.warnings().get(0).startsWith("no sheet of paper found"));
    assertTrue(page.warnings().get(0).endsWith("; read the whole image"));
  }

  @Test
  void turnsAwayPhotosOfThingsThatAreNoPage() {
    for (Mat scene : List.of(DrawnScenes.mottle(), DrawnScenes.grain(), DrawnScenes.shapes())) {
      GreyPage page = apply(PageDetection.AUTO, DrawnScenes.grey(scene));
      assertBlank(page);
      assertEquals(1, page.warnings().size());
      assertTrue(
          page.warnings().get(0).startsWith("no paper found: the image does not look like a page"),
          page.warnings().get(0));
    }
  }

  @Test
  void turnsAwayTinyDarkAndBlownOutImagesEvenWithDetectionOff() {
    Mat dark = new Mat(900, 1200, CvType.CV_8UC1);
    Core.randn(dark, 8, 4);
    Mat blownOut = new Mat(900, 1200, CvType.CV_8UC1);
    Core.randn(blownOut, 252, 2);
    Mat tiny = new Mat(20, 40, CvType.CV_8UC1, Scalar.all(255));
    Imgproc.putText(tiny, "12", new Point(2, 18), Imgproc.FONT_HERSHEY_PLAIN, 1, Scalar.all(0));
    String[][] expected = {
      {"too dark", "the image is too dark to read: almost black all over"},
      {"blown out", "the image is almost white all over: blown out, or a blank sheet"},
      {"tiny", "the image is too small to read (40x20 pixels, at least 32 a side needed)"}
    };
    Mat[] images = {dark, blownOut, tiny};
    for (int i = 0; i < images.length; i++) {
      for (PageDetection mode : PageDetection.values()) {
        GreyPage page = apply(mode, images[i]);
        assertBlank(page);
        assertEquals(List.of(expected[i][1]), page.warnings(), expected[i][0] + ", " + mode);
      }
    }
  }

  @Test
  void offReadsEveryImageAsItIs() {
    Mat photo = DrawnSheet.photo();
    GreyPage page = apply(PageDetection.OFF, photo);
    assertSame(photo, page.grey());
    assertTrue(page.warnings().isEmpty());
  }

  private static void assertBlank(GreyPage page) {
    Core.MinMaxLocResult range = Core.minMaxLoc(page.grey());
    assertEquals(255, range.minVal, "nothing left to read");
  }
}
