package org.digitocr.page;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.digitocr.runtime.Natives;
import org.digitocr.synth.OrientedJpeg;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.opencv.core.Core;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.MatOfByte;
import org.opencv.core.Point;
import org.opencv.core.Scalar;
import org.opencv.imgcodecs.Imgcodecs;
import org.opencv.imgproc.Imgproc;

class ExifOrientationTest {
  private static final int WIDTH = 60;
  private static final int HEIGHT = 40;

  @BeforeAll
  static void loadOpenCv() {
    Natives.loadOpenCv();
  }

  /** A landscape picture, black with a white block at its stored top-left corner. */
  private static Mat markedAtTopLeft() {
    Mat image = new Mat(HEIGHT, WIDTH, CvType.CV_8UC1, Scalar.all(0));
    Imgproc.rectangle(image, new Point(0, 0), new Point(9, 9), Scalar.all(255), -1);
    return image;
  }

  /** Which corner of the picture the white block sits in: "tl", "tr", "bl" or "br". */
  private static String markedCorner(Mat image) {
    int w = image.cols() - 5;
    int h = image.rows() - 5;
    String corner = "";
    for (String[] candidate :
        new String[][] {
          {"tl", "4", "4"}, {"tr", "" + w, "4"}, {"bl", "4", "" + h}, {"br", "" + w, "" + h}
        }) {
      if (image.get(Integer.parseInt(candidate[2]), Integer.parseInt(candidate[1]))[0] > 128) {
        corner += candidate[0];
      }
    }
    return corner;
  }

  @Test
  void turnsTheStoredPixelsAsTheExifStandardDescribes() {
    // EXIF: where the stored row 0 / column 0 end up when displayed
    String[] expectedCorner = {"tl", "tr", "br", "bl", "tl", "tr", "br", "bl"};
    boolean[] swapsSides = {false, false, false, false, true, true, true, true};
    for (ExifOrientation orientation : ExifOrientation.values()) {
      Mat upright = orientation.upright(markedAtTopLeft());
      assertEquals(
          expectedCorner[orientation.ordinal()], markedCorner(upright), orientation.name());
      assertEquals(swapsSides[orientation.ordinal()] ? HEIGHT : WIDTH, upright.cols());
    }
  }

  @ParameterizedTest
  @EnumSource(ExifOrientation.class)
  void storedIsTheInverseOfUpright(ExifOrientation orientation) {
    Mat picture = markedAtTopLeft();
    Imgproc.circle(picture, new Point(40, 30), 5, Scalar.all(128), -1);
    Mat roundTrip = orientation.upright(orientation.stored(picture));
    Mat difference = new Mat();
    Core.absdiff(picture, roundTrip, difference);
    assertEquals(0, Core.countNonZero(difference));
  }

  @ParameterizedTest
  @EnumSource(ExifOrientation.class)
  void readsTheTagWrittenIntoAJpeg(ExifOrientation orientation) {
    byte[] jpeg = OrientedJpeg.withOrientation(encodeJpeg(markedAtTopLeft()), orientation);
    assertEquals(orientation, ExifOrientation.ofJpeg(jpeg));
  }

  @Test
  void aJpegWithoutExifOrGarbageIsUpright() {
    assertEquals(ExifOrientation.NORMAL, ExifOrientation.ofJpeg(encodeJpeg(markedAtTopLeft())));
    assertEquals(ExifOrientation.NORMAL, ExifOrientation.ofJpeg(new byte[] {1, 2, 3}));
    assertEquals(ExifOrientation.NORMAL, ExifOrientation.ofTag(0));
    assertEquals(ExifOrientation.NORMAL, ExifOrientation.ofTag(9));
  }

  @Test
  void aPortraitPhonePhotoStoredSidewaysComesOutPortraitAndUpright() {
    Mat upright = markedAtTopLeft().t(); // portrait, 40 wide and 60 high, block top-left
    ExifOrientation orientation = ExifOrientation.ROTATED_90_CLOCKWISE;
    byte[] jpeg =
        OrientedJpeg.withOrientation(encodeJpeg(orientation.stored(upright)), orientation);

    Mat decoded =
        Imgcodecs.imdecode(
            new MatOfByte(jpeg), Imgcodecs.IMREAD_GRAYSCALE | Imgcodecs.IMREAD_IGNORE_ORIENTATION);
    Mat loaded = ExifOrientation.ofJpeg(jpeg).upright(decoded);

    assertEquals(HEIGHT, loaded.cols());
    assertEquals(WIDTH, loaded.rows());
    assertEquals("tl", markedCorner(loaded));
  }

  private static byte[] encodeJpeg(Mat image) {
    MatOfByte buffer = new MatOfByte();
    Imgcodecs.imencode(".jpg", image, buffer);
    return buffer.toArray();
  }
}
