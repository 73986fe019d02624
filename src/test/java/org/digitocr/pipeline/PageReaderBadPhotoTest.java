package org.digitocr.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.List;
import org.digitocr.model.ModelStore;
import org.digitocr.page.Page;
import org.digitocr.runtime.Natives;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.opencv.core.Core;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.Point;
import org.opencv.core.Scalar;
import org.opencv.core.Size;
import org.opencv.imgproc.Imgproc;

/** Photos that show no readable page give a valid, empty result with the reason, never a crash. */
class PageReaderBadPhotoTest {
  private static PageReader reader;

  @BeforeAll
  static void reader() throws IOException {
    Natives.loadOpenCv();
    Natives.configureNd4j();
    reader = new PageReader(ModelStore.load(ModelStore.defaultModel()), ReadOptions.DEFAULT);
  }

  static List<Arguments> badPhotos() {
    Mat dark = new Mat(1500, 2000, CvType.CV_8UC3);
    Core.randn(dark, 6, 4);
    Mat blownOut = new Mat(1500, 2000, CvType.CV_8UC3, Scalar.all(255));
    Imgproc.circle(blownOut, new Point(1000, 750), 300, Scalar.all(250), -1);
    Mat tiny = new Mat(24, 30, CvType.CV_8UC3, Scalar.all(255));
    Imgproc.putText(tiny, "7", new Point(8, 20), Imgproc.FONT_HERSHEY_PLAIN, 1.2, Scalar.all(0), 2);
    Mat gravel = new Mat(1500, 2000, CvType.CV_8UC3);
    Core.randu(gravel, 0, 255);
    Imgproc.GaussianBlur(gravel, gravel, new Size(5, 5), 0);
    return List.of(
        Arguments.of("dark.jpg", dark, "the image is too dark to read"),
        Arguments.of("blown-out.jpg", blownOut, "the image is almost white all over"),
        Arguments.of("tiny.jpg", tiny, "the image is too small to read (30x24 pixels"),
        Arguments.of("gravel.jpg", gravel, "no paper found: the image does not look like a page"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badPhotos")
  void aClearWarningAndAnEmptyTranscript(String file, Mat photo, String warning) {
    PageResult result = reader.read(file, new Page(1, photo));

    assertEquals(file, result.file());
    assertEquals(photo.cols(), result.width());
    assertEquals(photo.rows(), result.height());
    assertEquals(List.of(), result.lines());
    assertTrue(result.warnings().get(0).startsWith(warning), "warnings: " + result.warnings());
  }
}
