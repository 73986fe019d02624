package org.digitocr.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.digitocr.model.ModelStore;
import org.digitocr.output.Failure;
import org.digitocr.page.LoadOptions;
import org.digitocr.page.PageLoader;
import org.digitocr.page.PageSource;
import org.digitocr.runtime.Natives;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.Point;
import org.opencv.core.Scalar;
import org.opencv.imgcodecs.Imgcodecs;
import org.opencv.imgproc.Imgproc;

class PageOutcomeTest {
  private static PageReader reader;
  @TempDir Path dir;

  @BeforeAll
  static void reader() throws IOException {
    Natives.loadOpenCv();
    Natives.configureNd4j();
    reader = new PageReader(ModelStore.load(ModelStore.defaultModel()), ReadOptions.DEFAULT);
  }

  @Test
  void aPageOfAMultiPageInputIsReadAndItsPixelsHandedOverBeforeRelease() throws Exception {
    try (PageSource source = twoPages()) {
      List<String> seen = new ArrayList<>();
      PageOutcome outcome =
          PageOutcome.read(
              reader,
              "scan.tif",
              source,
              2,
              (result, page) -> seen.add(page.image().size().toString()));
      assertNull(outcome.failure());
      assertEquals(
          List.of("scan.tif", 2), List.of(outcome.result().file(), outcome.result().page()));
      assertEquals(List.of("400x300"), seen);
    }
  }

  @Test
  void aPageWhoseOutputsCannotBeWrittenFailsNamingThePage() throws Exception {
    try (PageSource source = twoPages()) {
      PageOutcome outcome =
          PageOutcome.read(
              reader,
              "scan.tif",
              source,
              1,
              (result, page) -> {
                throw new IOException("disk full");
              });
      assertNull(outcome.result());
      assertEquals(
          new Failure(
              "scan.tif",
              1,
              PageOutcome.WRITE_FAILED,
              "scan.tif: page 1: java.io.IOException: disk full"),
          outcome.failure());
    }
  }

  @Test
  void inputErrorsKeepTheirKindAndOthersAreInternal() {
    InputException empty = new InputException("/in/a.png", ErrorKind.EMPTY);
    assertEquals(
        new Failure("a.png", 0, "EMPTY", "/in/a.png: is empty"),
        PageOutcome.failure("a.png", 0, empty));
    assertEquals(
        new Failure(
            "b.pdf",
            3,
            "INTERNAL",
            "b.pdf: page 3: cannot be read (java.lang.IllegalStateException: x)"),
        PageOutcome.failure("b.pdf", 3, new IllegalStateException("x")));
  }

  /** A two-page TIFF of handwriting-sized printed digits, opened from its bytes. */
  private PageSource twoPages() throws Exception {
    List<Mat> pages = new ArrayList<>();
    for (String text : List.of("4096", "1357")) {
      Mat page = new Mat(300, 400, CvType.CV_8UC1, new Scalar(255));
      Imgproc.putText(
          page, text, new Point(40, 180), Imgproc.FONT_HERSHEY_SIMPLEX, 3, new Scalar(0), 8);
      pages.add(page);
    }
    Path file = dir.resolve("scan.tif");
    Imgcodecs.imwritemulti(file.toString(), pages);
    return PageLoader.open("scan.tif", Files.readAllBytes(file), LoadOptions.DEFAULT);
  }
}
