package org.digitocr.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InputWalkerTest {
  @TempDir Path dir;

  @Test
  void foldersAreWalkedRecursivelyInSortedOrderWithNamesRelativeToTheArgument() throws IOException {
    Path scans = dir.resolve("scans");
    touch(scans.resolve("b.png"));
    touch(scans.resolve("a/z.pdf"));
    touch(scans.resolve("a/y.JPG"));
    touch(scans.resolve("Ärger mit Zahlen/formulaire n° 2.tiff"));
    touch(scans.resolve("notes.txt"));
    touch(scans.resolve(".DS_Store.png"));
    Path single = touch(dir.resolve("loose page.bmp"));

    InputWalker.Walk walk = new InputWalker(null).walk(List.of(single, scans));

    assertEquals(
        List.of(
            "loose page.bmp",
            "a/y.JPG",
            "a/z.pdf",
            "b.png",
            "Ärger mit Zahlen/formulaire n° 2.tiff"),
        names(walk));
    assertEquals(scans.resolve("a/y.JPG"), walk.inputs().get(1).file());
    assertEquals(2, walk.skipped(), "notes.txt and the hidden file");
    assertTrue(walk.inputs().stream().noneMatch(Input::isRejected));
  }

  @Test
  void aSymbolicLinkLoopIsDetectedAndEachFileReadOnce() throws IOException {
    Path scans = dir.resolve("scans");
    touch(scans.resolve("sub/1.png"));
    Files.createSymbolicLink(scans.resolve("sub/loop"), scans);
    Files.createSymbolicLink(scans.resolve("twin"), scans.resolve("sub"));

    InputWalker.Walk walk = new InputWalker(null).walk(List.of(scans));

    assertEquals(List.of("sub/1.png"), names(walk));
    assertEquals(2, walk.warnings().size(), walk.warnings().toString());
    assertTrue(walk.warnings().get(0).contains("symbolic link loop"), walk.warnings().toString());
    assertTrue(walk.warnings().get(1).contains("not read twice"), walk.warnings().toString());
  }

  @Test
  void filesThatCannotBeOpenedComeBackRejectedInTheirPlace() throws Exception {
    Path scans = dir.resolve("scans");
    touch(scans.resolve("a.png"));
    Files.createSymbolicLink(scans.resolve("b.png"), scans.resolve("gone.png"));
    Path fifo = scans.resolve("c.png");
    Process mkfifo = new ProcessBuilder("mkfifo", fifo.toString()).start();
    assumeTrue(mkfifo.waitFor() == 0, "mkfifo is needed for this test");
    touch(scans.resolve("d.png"));
    Path missing = dir.resolve("missing.png");

    InputWalker.Walk walk = new InputWalker(null).walk(List.of(scans, missing));

    assertEquals(List.of("a.png", "b.png", "c.png", "d.png", missing.toString()), names(walk));
    List<Input> inputs = walk.inputs();
    assertEquals("dangling symbolic link", inputs.get(1).rejection());
    assertEquals("not a regular file (a FIFO, socket or device)", inputs.get(2).rejection());
    assertEquals("no such file or folder", inputs.get(4).rejection());
    assertTrue(!inputs.get(0).isRejected() && !inputs.get(3).isRejected());
  }

  @Test
  void theOutputFolderIsNotReadAsInput() throws IOException {
    touch(dir.resolve("page.png"));
    touch(dir.resolve("output/page-1.png"));

    InputWalker.Walk walk = new InputWalker(dir.resolve("output")).walk(List.of(dir));

    assertEquals(List.of("page.png"), names(walk));
  }

  private static List<String> names(InputWalker.Walk walk) {
    return walk.inputs().stream().map(Input::name).toList();
  }

  private static Path touch(Path file) throws IOException {
    Files.createDirectories(file.getParent());
    return Files.writeString(file, "");
  }
}
