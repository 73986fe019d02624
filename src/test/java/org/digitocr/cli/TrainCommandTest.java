package org.digitocr.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.digitocr.mnist.IdxFixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bad data stops training with one line naming the problem: no stack trace, no model written. */
class TrainCommandTest {
  @TempDir Path dir;

  @Test
  void missingDataFolderSaysHowToFetchMnist() {
    Path absent = dir.resolve("nonexistent");
    CliRun run =
        CliRun.of("train", "--data", absent.toString(), "--out", dir.resolve("m.zip").toString());
    assertEquals(DigitOcr.EXIT_FATAL, run.exitCode());
    assertEquals(1, run.errLines().size(), run.err());
    assertTrue(run.err().startsWith("digit-ocr: " + absent + ": "), run.err());
    assertTrue(run.err().contains("scripts/fetch-mnist.sh"), run.err());
    assertTrue(Files.notExists(dir.resolve("m.zip")));
  }

  @Test
  void corruptedIdxFileIsNamedInOneLine() throws IOException {
    byte[] images = IdxFixtures.images(100, 28, 28, new byte[100 * 784]);
    Path cut =
        IdxFixtures.write(
            dir.resolve("train-images-idx3-ubyte"), java.util.Arrays.copyOf(images, 5000));
    IdxFixtures.write(dir.resolve("train-labels-idx1-ubyte"), IdxFixtures.labels(new byte[100]));
    IdxFixtures.writeTestSplit(dir, new byte[] {1, 2});

    CliRun run =
        CliRun.of("train", "--data", dir.toString(), "--out", dir.resolve("m.zip").toString());
    assertEquals(DigitOcr.EXIT_FATAL, run.exitCode());
    assertEquals(1, run.errLines().size(), run.err());
    assertTrue(run.err().startsWith("digit-ocr: " + cut + ": truncated"), run.err());
    assertTrue(Files.notExists(dir.resolve("m.zip")));
  }
}
