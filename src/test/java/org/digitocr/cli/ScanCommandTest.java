package org.digitocr.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.digitocr.batch.BatchRunner;
import org.digitocr.output.SearchablePdf;
import org.digitocr.pipeline.MnistPages;
import org.digitocr.runtime.Natives;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opencv.core.Mat;
import org.opencv.imgcodecs.Imgcodecs;

class ScanCommandTest {
  @TempDir Path dir;

  @BeforeAll
  static void natives() {
    Natives.loadOpenCv();
  }

  @Test
  void readsAFolderOfInputsWritesEveryResultAndReportsTheBadOne() throws Exception {
    Path in = Files.createDirectories(dir.resolve("in"));
    Imgcodecs.imwrite(in.resolve("sheet.png").toString(), MnistPages.page("2468", "13 579"));
    Path pdf = Files.createDirectories(in.resolve("sub")).resolve("two.pdf");
    try (SearchablePdf document = new SearchablePdf()) {
      document.addImagePage(MnistPages.page("1234"), 100);
      document.addImagePage(MnistPages.page("5678"), 100);
      document.save(pdf);
    }
    Files.writeString(in.resolve("notes.txt"), "not an input");
    byte[] png = Files.readAllBytes(in.resolve("sheet.png"));
    Files.write(in.resolve("cut.png"), java.util.Arrays.copyOf(png, png.length / 3));
    Path out = dir.resolve("out");

    CliRun run = CliRun.of("scan", in.toString(), "--output", out.toString(), "--dpi", "100");

    assertEquals(BatchRunner.EXIT_SOME_FAILED, run.exitCode(), run.err());
    assertEquals(
        List.of(
            "file,page,kind,message",
            "cut.png,,TRUNCATED,"
                + in.resolve("cut.png")
                + ": is truncated (the end of the image is missing)"),
        Files.readAllLines(out.resolve("errors.csv")));
    assertEquals("2468\n13 579\n", Files.readString(out.resolve("sheet.png.txt")));
    assertEquals("1234\n\f5678\n", Files.readString(out.resolve("sub/two.pdf.txt")));
    assertTrue(Files.isRegularFile(out.resolve("sheet.png.p1.png")));
    assertTrue(Files.isRegularFile(out.resolve("sub/two.pdf.p2.png")));
    List<String> digits = Files.readAllLines(out.resolve("digits.csv"));
    assertEquals("file,page,line,index,digit,confidence,x,y,width,height", digits.get(0));
    assertEquals(4 + 5 + 4 + 4 + 1, digits.size());
    assertTrue(digits.get(1).startsWith("sheet.png,1,1,1,2,"), digits.get(1));
    assertTrue(digits.stream().anyMatch(l -> l.startsWith("sub/two.pdf,2,1,4,8,")));
    List<String> lines = Files.readAllLines(out.resolve("lines.csv"));
    assertTrue(lines.get(2).startsWith("sheet.png,1,2,13 579,"), lines.get(2));
    try (PDDocument document = Loader.loadPDF(out.resolve("sub/two.pdf.ocr.pdf").toFile())) {
      assertEquals(2, document.getNumberOfPages());
      assertEquals("1234\n5678", new PDFTextStripper().getText(document).strip().replace("\r", ""));
    }
    JsonNode report = new ObjectMapper().readTree(out.resolve("report.json").toFile());
    assertEquals(3, report.get("inputs").asInt());
    assertEquals(3, report.get("pages").asInt());
    assertEquals(17, report.get("digits").asInt());
    assertEquals("cut.png", report.get("failures").get(0).get("file").asText());
    assertEquals("TRUNCATED", report.get("failures").get(0).get("kind").asText());
    try (Stream<Path> files = Files.walk(out)) {
      List<String> names = files.map(p -> p.getFileName().toString()).toList();
      assertFalse(names.stream().anyMatch(n -> n.startsWith("cut")), names.toString());
      assertFalse(names.stream().anyMatch(n -> n.startsWith(".partial")), names.toString());
    }
  }

  @Test
  void writesOnlyTheFormatsAskedFor() throws Exception {
    Path sheet = dir.resolve("one.png");
    Mat page = MnistPages.page("307");
    Imgcodecs.imwrite(sheet.toString(), page);
    Path out = dir.resolve("out");
    CliRun run =
        CliRun.of("scan", sheet.toString(), "--output", out.toString(), "--format", "txt,json");
    assertEquals(0, run.exitCode(), run.err());
    try (Stream<Path> files = Files.list(out)) {
      List<String> written = files.map(p -> p.getFileName().toString()).toList();
      assertTrue(written.containsAll(List.of("one.png.txt", "report.json")), written.toString());
      assertFalse(
          written.stream()
              .anyMatch(
                  n -> n.endsWith(".png.png") || n.endsWith(".pdf") || n.startsWith("digits")),
          written.toString());
    }
    assertEquals("307\n", Files.readString(out.resolve("one.png.txt")));
  }

  @Test
  void warnsAboutInputsWithoutInkAndRefusesUnknownFormats() throws Exception {
    Path blank = dir.resolve("blank.png");
    Imgcodecs.imwrite(blank.toString(), org.digitocr.page.TestPages.blank(300, 200));
    Path out = dir.resolve("out");
    CliRun run = CliRun.of("scan", blank.toString(), "--output", out.toString());
    assertEquals(BatchRunner.EXIT_OK, run.exitCode(), run.err());
    assertEquals("", Files.readString(out.resolve("blank.png.txt")), "a valid, empty transcript");
    assertEquals(List.of(digitsHeader()), Files.readAllLines(out.resolve("digits.csv")));

    CliRun bad = CliRun.of("scan", blank.toString(), "--format", "csv,docx");
    assertEquals(2, bad.exitCode());
    assertTrue(bad.err().contains("unknown format 'docx'"), bad.err());
  }

  private static String digitsHeader() {
    return "file,page,line,index,digit,confidence,x,y,width,height";
  }
}
