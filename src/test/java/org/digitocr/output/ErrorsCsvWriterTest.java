package org.digitocr.output;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ErrorsCsvWriterTest {
  @TempDir Path dir;

  @Test
  void oneRowPerFailureQuotedWhereNeeded() throws IOException {
    ErrorsCsvWriter.write(
        dir,
        List.of(
            new Failure("a, b.png", 0, "TRUNCATED", "a, b.png: is truncated"),
            new Failure("scans/größe.pdf", 3, "BROKEN_PDF", "scans/größe.pdf: page 3 \"x\"")));
    assertEquals(
        "file,page,kind,message\n"
            + "\"a, b.png\",,TRUNCATED,\"a, b.png: is truncated\"\n"
            + "scans/größe.pdf,3,BROKEN_PDF,\"scans/größe.pdf: page 3 \"\"x\"\"\"\n",
        Files.readString(dir.resolve("errors.csv")));
  }

  @Test
  void aRunWithoutFailuresStillWritesTheHeader() throws IOException {
    Files.writeString(dir.resolve("errors.csv"), "old rows\n");
    ErrorsCsvWriter.write(dir, List.of());
    assertEquals("file,page,kind,message\n", Files.readString(dir.resolve("errors.csv")));
  }
}
