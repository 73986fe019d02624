package org.digitocr.output;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.digitocr.layout.Box;
import org.digitocr.layout.ReadDigit;
import org.digitocr.layout.ReadLine;
import org.digitocr.page.TestPages;
import org.digitocr.pipeline.PageResult;
import org.digitocr.runtime.Natives;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opencv.core.Mat;
import org.opencv.imgcodecs.Imgcodecs;

class OutputWritersTest {
  @TempDir Path dir;

  @BeforeAll
  static void natives() {
    Natives.loadOpenCv();
  }

  /** Page 1 of form.png: "12 3" (the 3 uncertain) above "45". */
  private static PageResult result() {
    ReadDigit one = new ReadDigit(1, 1, 0.99f, false, new Box(100, 100, 30, 50));
    ReadDigit two = new ReadDigit(2, 2, 0.97f, false, new Box(140, 100, 30, 50));
    ReadDigit three = new ReadDigit(3, 3, 0.42f, true, new Box(240, 102, 30, 50));
    ReadDigit four = new ReadDigit(1, 4, 1.0f, false, new Box(100, 300, 30, 50));
    ReadDigit five = new ReadDigit(2, 5, 0.9f, false, new Box(140, 300, 30, 50));
    return new PageResult(
        "form.png",
        1,
        600,
        450,
        List.of(
            new ReadLine(1, List.of(List.of(one, two), List.of(three)), new Box(100, 100, 170, 52)),
            new ReadLine(2, List.of(List.of(four, five)), new Box(100, 300, 70, 50))),
        List.of());
  }

  @Test
  void writesTheTablesWithTheirExactHeaders() throws Exception {
    CsvTableWriter.writeDigits(dir.resolve("digits.csv"), List.of(result()));
    CsvTableWriter.writeLines(dir.resolve("lines.csv"), List.of(result()));
    List<String> digits = Files.readAllLines(dir.resolve("digits.csv"));
    assertEquals("file,page,line,index,digit,confidence,x,y,width,height", digits.get(0));
    assertEquals("form.png,1,1,3,3,0.4200,240,102,30,50", digits.get(3));
    assertEquals(6, digits.size());
    List<String> lines = Files.readAllLines(dir.resolve("lines.csv"));
    assertEquals("file,page,line,text,confidence,x,y,width,height", lines.get(0));
    assertEquals("form.png,1,1,12 ?,0.4033,100,100,170,52", lines.get(1));
    assertEquals("form.png,1,2,45,0.9000,100,300,70,50", lines.get(2));
  }

  @Test
  void writesTranscriptsWithAPageBreakBetweenPages() throws Exception {
    PageResult second =
        new PageResult("form.png", 2, 600, 450, List.of(result().lines().get(1)), List.of());
    Transcript.write(dir.resolve("form.txt"), List.of(result(), second));
    assertEquals("12 ?\n45\n\f45\n", Files.readString(dir.resolve("form.txt")));
  }

  @Test
  void drawsUncertainDigitsInTheWarningColour() throws Exception {
    Mat page = TestPages.blank(600, 450);
    AnnotatedPage.write(dir.resolve("form-page1.png"), page, result());
    Mat drawn = Imgcodecs.imread(dir.resolve("form-page1.png").toString());
    assertEquals(600, drawn.cols());
    assertEquals(450, drawn.rows());
    // Left edge of the uncertain 3's box, and of the confident 1's.
    assertEquals(AnnotatedPage.UNCERTAIN.val[0], drawn.get(130, 240)[0], 1);
    assertEquals(AnnotatedPage.UNCERTAIN.val[2], drawn.get(130, 240)[2], 1);
    assertEquals(AnnotatedPage.CONFIDENT.val[1], drawn.get(130, 100)[1], 1);
  }

  @Test
  void writesASearchablePdfWhoseTextIsTheTranscript() throws Exception {
    Path file = dir.resolve("form.pdf");
    try (SearchablePdf pdf = new SearchablePdf()) {
      pdf.addPage(TestPages.blank(600, 450), result(), 150);
      pdf.save(file);
    }
    try (PDDocument document = Loader.loadPDF(file.toFile())) {
      assertEquals(1, document.getNumberOfPages());
      // 600 x 450 pixels at 150 dpi: 4 x 3 inches.
      assertEquals(288, document.getPage(0).getMediaBox().getWidth(), 0.5);
      String text = new PDFTextStripper().getText(document);
      List<String> lines = text.strip().lines().map(String::strip).toList();
      assertEquals(List.of("12 ?", "45"), lines);
    }
    assertTrue(Files.list(dir).noneMatch(p -> p.getFileName().toString().startsWith(".partial")));
  }
}
