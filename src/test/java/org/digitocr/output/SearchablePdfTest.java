package org.digitocr.output;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.graphics.color.PDDeviceGray;
import org.apache.pdfbox.pdmodel.graphics.color.PDDeviceRGB;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.pdfbox.text.PDFTextStripper;
import org.digitocr.runtime.Natives;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.MatOfByte;
import org.opencv.core.Scalar;
import org.opencv.imgcodecs.Imgcodecs;

class SearchablePdfTest {
  @TempDir Path dir;

  @BeforeAll
  static void loadOpenCv() {
    Natives.loadOpenCv();
  }

  @Test
  void eachPageCarriesItsDigitsAsExtractableTextInReadingOrder() throws Exception {
    Path file = dir.resolve("out.pdf");
    Mat white = new Mat(500, 600, CvType.CV_8UC1, new Scalar(255));
    try (SearchablePdf pdf = new SearchablePdf()) {
      pdf.addPage(white, OutputFixtures.page("x", 1), 150);
      pdf.addPage(white, OutputFixtures.page("x", 2), 150);
      pdf.save(file);
    }
    try (PDDocument document = Loader.loadPDF(file.toFile())) {
      assertEquals(2, document.getNumberOfPages());
      assertEquals(600 * 72f / 150, document.getPage(0).getMediaBox().getWidth(), 0.01);
      PDFTextStripper stripper = new PDFTextStripper();
      stripper.setStartPage(1);
      stripper.setEndPage(1);
      List<String> lines = stripper.getText(document).lines().map(String::strip).toList();
      assertEquals(List.of("12 7", "4?"), lines);
      assertTrue(document.getPage(1).getResources().getXObjectNames().iterator().hasNext());
    }
  }

  /** Staged JPEGs go in as they are, sized and coloured from their headers. */
  @Test
  void jpegPagesKeepTheirSizeColoursAndBytes() throws Exception {
    Mat grey = new Mat(300, 200, CvType.CV_8UC1, new Scalar(100));
    Mat colour = new Mat(300, 200, CvType.CV_8UC3, new Scalar(10, 200, 90));
    Path file = dir.resolve("jpeg.pdf");
    try (SearchablePdf pdf = new SearchablePdf()) {
      pdf.addJpegPage(jpeg(grey), OutputFixtures.page("x", 1), 100);
      pdf.addJpegPage(jpeg(colour), OutputFixtures.page("x", 2), 100);
      pdf.save(file);
    }
    try (PDDocument document = Loader.loadPDF(file.toFile())) {
      List<PDImageXObject> images = new ArrayList<>();
      for (PDPage page : document.getPages()) {
        for (COSName name : page.getResources().getXObjectNames()) {
          images.add((PDImageXObject) page.getResources().getXObject(name));
        }
      }
      assertEquals(2, images.size());
      for (PDImageXObject image : images) {
        assertEquals(200, image.getWidth());
        assertEquals(300, image.getHeight());
        assertEquals(List.of(COSName.DCT_DECODE), image.getStream().getFilters());
      }
      assertEquals(PDDeviceGray.INSTANCE, images.get(0).getColorSpace());
      assertEquals(PDDeviceRGB.INSTANCE, images.get(1).getColorSpace());
      assertEquals(100, images.get(0).getImage().getRaster().getSample(50, 50, 0), 2);
      int rgb = images.get(1).getImage().getRGB(50, 50);
      assertEquals(90, (rgb >> 16) & 0xff, 3);
      assertEquals(200, (rgb >> 8) & 0xff, 3);
      assertEquals(10, rgb & 0xff, 3);
    }
  }

  private static byte[] jpeg(Mat image) {
    MatOfByte encoded = new MatOfByte();
    Imgcodecs.imencode(".jpg", image, encoded);
    return encoded.toArray();
  }
}
