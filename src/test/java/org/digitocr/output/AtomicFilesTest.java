package org.digitocr.output;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFilesTest {
  @TempDir Path dir;

  @Test
  void writesTheContentAndLeavesNoTemporaryFile() throws IOException {
    Path target = dir.resolve("sub folder/résumé 1.txt");
    AtomicFiles.writeString(target, "12 34\n");
    assertEquals("12 34\n", Files.readString(target));
    assertEquals(List.of(target), filesUnder(dir));
  }

  @Test
  void aFailingWriterKeepsTheOldVersionAndCleansUp() throws IOException {
    Path target = dir.resolve("digits.csv");
    AtomicFiles.writeString(target, "old\n");
    IOException failure =
        assertThrows(
            IOException.class,
            () ->
                AtomicFiles.write(
                    target,
                    out -> {
                      out.write("new, but only half".getBytes());
                      throw new IOException("disk full");
                    }));
    assertEquals("disk full", failure.getMessage());
    assertEquals("old\n", Files.readString(target));
    assertEquals(List.of(target), filesUnder(dir));
  }

  @Test
  void writersThatCloseTheirStreamStillGetSynced() throws IOException {
    Path target = dir.resolve("report.json");
    AtomicFiles.write(
        target,
        out -> {
          out.write('{');
          out.write("}".getBytes());
          out.close();
        });
    assertEquals("{}", Files.readString(target));
  }

  @Test
  void pathWritersSeeATemporaryFileWithTheTargetsExtension() throws IOException {
    Path target = dir.resolve("page-1.png");
    Path[] seen = new Path[1];
    AtomicFiles.writeViaPath(
        target,
        temp -> {
          seen[0] = temp;
          Files.writeString(temp, "png bytes");
        });
    assertTrue(seen[0].getFileName().toString().endsWith("page-1.png"));
    assertEquals(dir, seen[0].getParent());
    assertFalse(Files.exists(seen[0]));
    assertEquals("png bytes", Files.readString(target));
  }

  @Test
  void leftoversOfAKilledRunAreRemovedAndNothingElse() throws IOException {
    Path keep = dir.resolve("a/kept.png");
    Path leftover = dir.resolve("a/b/" + AtomicFiles.TEMP_PREFIX + "1234abcd-kept.png");
    Path hidden = dir.resolve(".hidden");
    Files.createDirectories(leftover.getParent());
    Files.writeString(keep, "x");
    Files.writeString(leftover, "half");
    Files.writeString(hidden, "y");

    assertEquals(1, AtomicFiles.removeLeftovers(dir));
    assertEquals(List.of(hidden, keep), filesUnder(dir));
    assertEquals(0, AtomicFiles.removeLeftovers(dir.resolve("missing")));
  }

  private static List<Path> filesUnder(Path dir) throws IOException {
    try (Stream<Path> files = Files.walk(dir)) {
      return files.filter(Files::isRegularFile).sorted().toList();
    }
  }
}
