package org.digitocr.page;

import static org.junit.jupiter.api.Assertions.assertFalse;
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

class PaperFinderTest {
  private static final double TOLERANCE = 3;

  private final PaperFinder finder = new PaperFinder();

  @BeforeAll
  static void loadOpenCv() {
    Natives.loadOpenCv();
  }

  private static void assertCornersNear(Point[] expected, SheetOutline found, double tolerance) {
    List<Point> corners = found.corners();
    for (int i = 0; i < 4; i++) {
      double distance = SheetOutline.distance(expected[i], corners.get(i));
      assertTrue(
          distance <= tolerance,
          "corner " + i + " found at " + corners.get(i) + ", drawn at " + expected[i]);
    }
  }

  private SheetOutline confidentSheet(Mat photo) {
    SheetOutline sheet = finder.find(photo).orElseThrow();
    assertTrue(sheet.confidence() >= PaperFinder.CONFIDENT, "confidence " + sheet.confidence());
    return sheet;
  }

  @Test
  void findsTheCornersOfASheetSeenAtAnAngle() {
    SheetOutline sheet = confidentSheet(DrawnSheet.photo());
    assertCornersNear(DrawnSheet.CORNERS, sheet, TOLERANCE);
    assertTrue(sheet.confidence() > 0.9);
  }

  @Test
  void findsAWhiteSheetOnAColouredTableUnderUnevenLight() {
    Mat photo =
        DrawnSheet.photo(DrawnSheet.CORNERS, new Scalar(70, 110, 160), new Scalar(235, 235, 235));
    // light falling off to the right: the sheet's far end is darker than the table's near end
    Mat light = new Mat(photo.size(), CvType.CV_32FC3);
    for (int x = 0; x < photo.cols(); x++) {
      double gain = 1.0 - 0.45 * x / photo.cols();
      light.col(x).setTo(new Scalar(gain, gain, gain));
    }
    photo.convertTo(photo, CvType.CV_32FC3);
    Core.multiply(photo, light, photo);
    photo.convertTo(photo, CvType.CV_8UC3);

    assertCornersNear(DrawnSheet.CORNERS, confidentSheet(photo), TOLERANCE);
  }

  @Test
  void bridgesAnEdgeThatIsPartlyCovered() {
    Mat photo = DrawnSheet.photo();
    // a pen lying across the right edge
    Imgproc.line(photo, new Point(950, 450), new Point(1150, 520), Scalar.all(20), 25);
    assertCornersNear(DrawnSheet.CORNERS, confidentSheet(photo), TOLERANCE);
  }

  @Test
  void extendsTheSidesToACornerHiddenUnderAThumb() {
    Mat photo = DrawnSheet.photo();
    Imgproc.ellipse(photo, new Point(1050, 820), new Size(70, 45), 30, 0, 360, Scalar.all(90), -1);
    assertCornersNear(DrawnSheet.CORNERS, confidentSheet(photo), 2 * TOLERANCE);
  }

  @Test
  void extendsTheSidesToACornerOutsideTheFrame() {
    Point[] corners = {
      new Point(-30, 60), new Point(1000, 140), new Point(1050, 820), new Point(120, 780)
    };
    Mat photo = DrawnSheet.photo(corners, Scalar.all(60), Scalar.all(225));
    SheetOutline sheet = finder.find(photo).orElseThrow();
    assertCornersNear(corners, sheet, 2 * TOLERANCE);
  }

  private boolean confidentSheetIn(Mat image) {
    return finder.find(image).filter(s -> s.confidence() >= PaperFinder.CONFIDENT).isPresent();
  }

  @Test
  void aScanHasNoSheetOutline() {
    assertFalse(confidentSheetIn(DrawnScenes.scan()));
  }

  @Test
  void aPhotoOfNoPaperHasNoSheet() {
    assertFalse(confidentSheetIn(DrawnScenes.mottle()));
    assertFalse(confidentSheetIn(DrawnScenes.shapes()));
  }

  @Test
  void aTinyOrUniformImageHasNoSheet() {
    assertTrue(finder.find(new Mat(10, 12, CvType.CV_8UC1, Scalar.all(200))).isEmpty());
    assertTrue(finder.find(new Mat(600, 800, CvType.CV_8UC1, Scalar.all(3))).isEmpty());
    assertTrue(finder.find(new Mat(600, 800, CvType.CV_8UC3, Scalar.all(255))).isEmpty());
  }
}
