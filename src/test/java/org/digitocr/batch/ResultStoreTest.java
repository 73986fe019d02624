package org.digitocr.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.digitocr.layout.Box;
import org.digitocr.layout.ReadDigit;
import org.digitocr.layout.ReadLine;
import org.digitocr.pipeline.PageResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ResultStoreTest {
  @TempDir Path dir;

  @Test
  void pagesComeBackAsTheyWereStored() throws IOException {
    ReadLine line =
        new ReadLine(
            1,
            List.of(
                List.of(new ReadDigit(1, 4, 0.99f, false, new Box(10, 20, 30, 40))),
                List.of(new ReadDigit(2, 7, 0.41f, true, new Box(90, 21, 28, 39)))),
            new Box(10, 20, 108, 41));
    List<PageResult> pages =
        List.of(
            new PageResult("scans/form ä.pdf", 1, 2480, 3508, List.of(line), List.of()),
            new PageResult("scans/form ä.pdf", 2, 2480, 3508, List.of(), List.of("no ink found")));
    ResultStore store = new ResultStore(dir);

    String written = store.write("scans/form ä.pdf", pages);

    assertEquals(".digit-ocr/results/scans/form ä.pdf.json", written);
    assertTrue(Files.isRegularFile(dir.resolve(written)));
    assertEquals(pages, store.read("scans/form ä.pdf"));
    assertEquals("4 ?", store.read("scans/form ä.pdf").get(0).lines().get(0).text());
  }
}
