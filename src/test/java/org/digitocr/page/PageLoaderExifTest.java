package org.digitocr.page;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.digitocr.runtime.Natives;
import org.digitocr.synth.ExifOrientation;
import org.digitocr.synth.OrientedJpeg;
import org.junit.jupiter.api.BeforeAll;
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

/** Phone photos are stored as the sensor saw them, with an EXIF tag saying how to turn them. */
class PageLoaderExifTest {
  @BeforeAll
  static void loadOpenCv() {
    Natives.loadOpenCv();
  }

  /** Portrait, 60 wide and 90 high, with a block in the top-left corner and a bar at the bottom. */
  private static Mat uprightPicture() {
    Mat picture = new Mat(90, 60, CvType.CV_8UC1, Scalar.all(230));
    Imgproc.rectangle(picture, new Point(0, 0), new Point(19, 19), Scalar.all(20), -1);
    Imgproc.rectangle(picture, new Point(10, 75), new Point(50, 84), Scalar.all(120), -1);
    return picture;
  }

  @ParameterizedTest
  @EnumSource(ExifOrientation.class)
  void aTaggedJpegLoadsUpright(ExifOrientation orientation) throws Exception {
    Mat upright = uprightPicture();
    MatOfByte stored = new MatOfByte();
    Imgcodecs.imencode(".jpg", orientation.stored(upright), stored);
    byte[] jpeg = OrientedJpeg.withOrientation(stored.toArray(), orientation);

    Mat loaded;
    try (PageSource source = PageLoader.open("photo.jpg", jpeg, LoadOptions.DEFAULT)) {
      loaded = source.page(1).image();
    }

    assertEquals(upright.size(), loaded.size());
    Mat difference = new Mat();
    Core.absdiff(upright, loaded, difference);
    assertEquals(0, Core.mean(difference).val[0], 3, "mean difference (JPEG loses a little)");
  }
}
