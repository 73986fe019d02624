package org.digitocr.output;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.digitocr.layout.Box;
import org.digitocr.layout.ReadDigit;
import org.digitocr.layout.ReadLine;
import org.digitocr.pipeline.PageResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReviewPageWriterTest {
  @TempDir Path dir;

  @Test
  void listsEveryInputWithImagesTranscriptsUncertainDigitsAndFailures() throws Exception {
    Path images = Files.createDirectories(dir.resolve("scans"));
    Files.write(
        images.resolve("form #1 ä.png"), org.digitocr.page.HostileFiles.image("png", 40, 30));
    PageResult form = page("scans/form #1 ä.png", 1, line(1, d(1, 4, 0.99f), d(2, 2, 0.40f)));
    Failure broken = new Failure("broken.pdf", 0, "BROKEN_PDF", "broken.pdf: is a broken PDF");
    List<ReviewPageWriter.InputView> inputs =
        List.of(
            new ReviewPageWriter.InputView(
                "scans/form #1 ä.png", List.of(form), List.of("scans/form #1 ä.png"), List.of()),
            new ReviewPageWriter.InputView("broken.pdf", List.of(), List.of(), List.of(broken)),
            new ReviewPageWriter.InputView(
                "<script>.png", List.of(page("<script>.png", 1)), nulls(1), List.of()));

    ReviewPageWriter.write(dir, "2 processed, 1 failed", inputs.iterator(), List.of(broken));

    String html = Files.readString(dir.resolve("index.html"));
    assertTrue(html.contains("<img src=\"scans/form%20%231%20%C3%A4.png\""), html);
    assertTrue(
        html.contains(
            "4<mark class=\"uncertain\" title=\"best guess 2, confidence 0.40\">2</mark>"),
        html);
    assertTrue(html.contains("&lt;script&gt;.png"), "names are escaped");
    assertTrue(!html.contains("<script"), "no scripts at all");

    String dom = Chromium.dumpDom(dir.resolve("index.html"));
    assertEquals(
        List.of("scans/form #1 ä.png", "broken.pdf", "&lt;script&gt;.png"),
        all(
            Pattern.compile(
                "<section class=\"input[^\"]*\" id=\"input-\\d+\" data-file=\"([^\"]*)\""),
            dom));
    assertTrue(dom.contains("<h2>Failures: 1</h2>"), dom);
    assertTrue(dom.contains("broken.pdf: is a broken PDF"), dom);
    Path screenshot = Chromium.screenshot(dir.resolve("index.html"));
    assertTrue(Files.size(screenshot) > 1000);
  }

  private static List<String> all(Pattern pattern, String text) {
    List<String> found = new ArrayList<>();
    Matcher m = pattern.matcher(text);
    while (m.find()) {
      found.add(m.group(1));
    }
    return found;
  }

  private static List<String> nulls(int n) {
    List<String> list = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      list.add(null);
    }
    return list;
  }

  private static PageResult page(String file, int number, ReadLine... lines) {
    return new PageResult(file, number, 40, 30, List.of(lines), List.of());
  }

  private static ReadLine line(int number, ReadDigit... digits) {
    return new ReadLine(number, List.of(List.of(digits)), new Box(0, 0, 40, 30));
  }

  private static ReadDigit d(int index, int digit, float confidence) {
    return new ReadDigit(
        index, digit, confidence, confidence < 0.8f, new Box(index * 10, 0, 8, 12));
  }
}
