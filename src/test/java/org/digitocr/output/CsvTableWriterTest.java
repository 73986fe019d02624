package org.digitocr.output;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvTableWriterTest {
  @TempDir Path dir;

  @Test
  void digitsCsvHasTheExactHeaderAndOneRowPerDigitInReadingOrder() throws Exception {
    Path file = dir.resolve("digits.csv");
    CsvTableWriter.writeDigits(
        file, List.of(OutputFixtures.page("a b.png", 1), OutputFixtures.page("c.pdf", 2)));
    List<String> lines = Files.readAllLines(file);
    assertEquals("file,page,line,index,digit,confidence,x,y,width,height", lines.get(0));
    assertEquals(11, lines.size());
    assertEquals("a b.png,1,1,1,1,0.9900,100,100,40,60", lines.get(1));
    assertEquals("a b.png,1,2,2,5,0.4000,150,300,40,60", lines.get(5));
    assertEquals("c.pdf,2,1,3,7,0.9700,300,102,40,60", lines.get(8));
  }

  @Test
  void linesCsvCarriesTheTextWithGroupsAndUncertainDigits() throws Exception {
    Path file = dir.resolve("lines.csv");
    CsvTableWriter.writeLines(file, List.of(OutputFixtures.page("x.png", 1)));
    List<String> lines = Files.readAllLines(file);
    assertEquals("file,page,line,text,confidence,x,y,width,height", lines.get(0));
    assertEquals(3, lines.size());
    assertEquals("x.png,1,1,12 7,0.9411,100,100,240,62", lines.get(1));
    assertEquals("x.png,1,2,4?,0.3800,100,300,90,60", lines.get(2));
  }

  @Test
  void transcriptSeparatesPagesWithAFormFeed() {
    assertEquals("12 7\n4?\n", Transcript.of(List.of(OutputFixtures.page("x", 1))));
    assertEquals(
        "12 7\n4?\n\f12 7\n4?\n",
        Transcript.of(List.of(OutputFixtures.page("x", 1), OutputFixtures.page("x", 2))));
  }
}
