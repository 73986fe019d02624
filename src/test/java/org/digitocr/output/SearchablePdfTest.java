package org.digitocr.output;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.digitocr.runtime.Natives;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.Scalar;

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
}
