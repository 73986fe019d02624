package org.digitocr.page;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.encryption.AccessPermission;
import org.apache.pdfbox.pdmodel.encryption.StandardProtectionPolicy;
import org.digitocr.output.SearchablePdf;
import org.digitocr.pipeline.ErrorKind;
import org.digitocr.pipeline.InputException;
import org.digitocr.runtime.Natives;
import org.digitocr.synth.EncodedPage;
import org.digitocr.synth.SyntheticPage;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opencv.core.Mat;
import org.opencv.core.MatOfByte;
import org.opencv.imgcodecs.Imgcodecs;

class PageLoaderTest {
  @TempDir Path dir;

  @BeforeAll
  static void natives() {
    Natives.loadOpenCv();
  }

  private static byte[] png(Mat image) {
    MatOfByte bytes = new MatOfByte();
    Imgcodecs.imencode(".png", image, bytes);
    return bytes.toArray();
  }

  @Test
  void readsAPngFromBytesAsOneGreyPage() throws Exception {
    Mat page = TestPages.blank(120, 80);
    TestPages.stroke(page, 10, 10, 100, 60, 5);
    try (PageSource source = PageLoader.open("a.png", png(page), LoadOptions.DEFAULT)) {
      assertEquals(1, source.pageCount());
      Page first = source.page(1);
      assertEquals(1, first.number());
      assertEquals(120, first.image().cols());
      assertEquals(80, first.image().rows());
      assertEquals(1, first.image().channels());
      assertEquals(
          TestPages.inkIn(page, 0, 0, 120, 80), TestPages.inkIn(first.image(), 0, 0, 120, 80));
    }
  }

  @Test
  void readsTheResolutionAScannedPngStates() throws Exception {
    Mat page = TestPages.blank(300, 200);
    TestPages.stroke(page, 10, 10, 100, 60, 5);
    byte[] scan = EncodedPage.scan(new SyntheticPage(page, List.of()), 150).bytes();
    try (PageSource source = PageLoader.open("scan.png", scan, LoadOptions.DEFAULT)) {
      Page first = source.page(1);
      assertEquals(150, first.dpi(), 0.05); // stored as whole pixels per metre
      assertEquals(300, first.image().cols());
    }
  }

  @Test
  void readsEachFrameOfAMultiPageTiff() throws Exception {
    List<Mat> frames =
        List.of(TestPages.blank(60, 40), TestPages.blank(60, 40), TestPages.blank(60, 40));
    for (int i = 0; i < frames.size(); i++) {
      // Frame i has a stroke i + 1 pixels wide at a known place.
      TestPages.stroke(frames.get(i), 10, 20, 50, 20, 2 * i + 2);
    }
    Path tiff = dir.resolve("three.tif");
    assertTrue(Imgcodecs.imwritemulti(tiff.toString(), frames));
    try (PageSource source = PageLoader.open(tiff, LoadOptions.DEFAULT)) {
      assertEquals(3, source.pageCount());
      int previous = 0;
      for (int n = 1; n <= 3; n++) {
        int ink = TestPages.inkIn(source.page(n).image(), 0, 0, 60, 40);
        assertTrue(ink > previous, "frame " + n + " has more ink than the one before");
        previous = ink;
      }
    }
  }

  @Test
  void rendersPdfPagesAtTheRequestedResolution() throws Exception {
    Path pdf = dir.resolve("two.pdf");
    try (SearchablePdf document = new SearchablePdf()) {
      Mat page = TestPages.blank(200, 100);
      TestPages.stroke(page, 20, 50, 180, 50, 6);
      document.addImagePage(page, 100);
      document.addImagePage(page, 100);
      document.save(pdf);
    }
    try (PageSource source =
        PageLoader.open(pdf, new LoadOptions(50, LoadOptions.DEFAULT_MAX_PIXELS))) {
      assertEquals(2, source.pageCount());
      Page second = source.page(2);
      // 200 x 100 pixels at 100 dpi is 2 x 1 inches: 100 x 50 pixels at 50 dpi.
      assertEquals(100, second.image().cols(), 1);
      assertEquals(50, second.image().rows(), 1);
      assertEquals(50, second.dpi());
      assertTrue(TestPages.inkIn(second.image(), 0, 20, 100, 10) > 100, "the stroke is rendered");
    }
  }

  @Test
  void aPdfOfThousandsOfPagesIsOpenedWithoutRenderingItsPagesAndReadOneAtATime() throws Exception {
    Path pdf = dir.resolve("thick.pdf");
    int pages = 2000;
    try (PDDocument document = new PDDocument()) {
      for (int i = 0; i < pages; i++) {
        document.addPage(new PDPage(PDRectangle.A4));
      }
      document.save(pdf.toFile());
    }
    com.sun.management.ThreadMXBean threads =
        (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    long before = threads.getCurrentThreadAllocatedBytes();

    try (PageSource source =
        PageLoader.open(pdf, new LoadOptions(100, LoadOptions.DEFAULT_MAX_PIXELS))) {
      assertEquals(pages, source.pageCount());
      // A4 at 100 dpi: 827 x 1170 grey pixels, about 1 MB a page, 1.9 GB for all of them.
      assertEquals(1170, source.page(pages).image().rows(), 1);
      assertEquals(827, source.page(1).image().cols(), 1);
    }

    long allocated = threads.getCurrentThreadAllocatedBytes() - before;
    assertTrue(allocated < 100 << 20, "allocated " + allocated + " bytes for two pages of 2000");
  }

  @Test
  void namesTheFileAndReasonForBadInputs() throws Exception {
    Mat page = TestPages.blank(50, 50);
    byte[] whole = png(page);
    Files.write(dir.resolve("empty.png"), new byte[0]);
    Files.writeString(dir.resolve("notes.png"), "not an image at all");
    Files.write(dir.resolve("cut.png"), Arrays.copyOf(whole, whole.length / 2));
    Files.writeString(dir.resolve("broken.pdf"), "%PDF-1.7\nthis is no PDF body\n");
    assertKind(ErrorKind.EMPTY, dir.resolve("empty.png"));
    assertKind(ErrorKind.NOT_AN_IMAGE, dir.resolve("notes.png"));
    assertKind(ErrorKind.TRUNCATED, dir.resolve("cut.png"));
    assertKind(ErrorKind.BROKEN_PDF, dir.resolve("broken.pdf"));
    assertKind(ErrorKind.NOT_FOUND, dir.resolve("missing.png"));
  }

  @Test
  void refusesEncryptedPdfs() throws Exception {
    Path pdf = dir.resolve("secret.pdf");
    try (PDDocument document = new PDDocument()) {
      document.addPage(new PDPage(PDRectangle.A6));
      StandardProtectionPolicy policy =
          new StandardProtectionPolicy("owner", "user", new AccessPermission());
      document.protect(policy);
      document.save(pdf.toFile());
    }
    assertKind(ErrorKind.ENCRYPTED_PDF, pdf);
  }

  @Test
  void refusesImagesLargerThanTheLimitBeforeDecoding() throws Exception {
    Path file = dir.resolve("big.png");
    Files.write(file, png(TestPages.blank(400, 300)));
    try (PageSource source = PageLoader.open(file, new LoadOptions(300, 100_000))) {
      InputException e = assertThrows(InputException.class, () -> source.page(1));
      assertEquals(ErrorKind.TOO_LARGE, e.kind());
      assertTrue(e.getMessage().contains("400x300"), e.getMessage());
    }
  }

  private static void assertKind(ErrorKind kind, Path file) {
    InputException e =
        assertThrows(
            InputException.class, () -> PageLoader.open(file, LoadOptions.DEFAULT).close());
    assertEquals(kind, e.kind(), e.getMessage());
    assertTrue(e.getMessage().startsWith(file.toString() + ": "), e.getMessage());
    assertEquals(1, e.getMessage().lines().count());
  }
}
