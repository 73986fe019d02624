package org.digitocr.mnist;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MnistFilesTest {
  @TempDir Path dir;

  @Test
  void loadsATestSplitScaledToUnitRange() throws IOException {
    IdxFixtures.writeTestSplit(dir, new byte[] {3, 1, 4});
    MnistSet set = MnistFiles.test(dir);
    assertEquals(3, set.size());
    assertArrayEquals(new byte[] {3, 1, 4}, set.labels());
    float[] first = set.digit(0);
    assertEquals(1f, first[(4 + 2 * 3) * 28 + 10]);
    assertEquals(0f, first[0]);
  }

  @Test
  void countMismatchNamesTheImagesFile() throws IOException {
    IdxFixtures.writeTestSplit(dir, new byte[] {3, 1, 4});
    IdxFixtures.write(dir.resolve("t10k-labels-idx1-ubyte"), IdxFixtures.labels(new byte[] {3, 1}));
    IOException e = assertThrows(IOException.class, () -> MnistFiles.test(dir));
    IdxReaderTest.assertOneLineNaming(
        dir.resolve("t10k-images-idx3-ubyte"), "3 images but 2 labels", e);
  }

  @Test
  void missingFolderSaysHowToFetchTheData() {
    Path absent = dir.resolve("nowhere");
    IOException e = assertThrows(IOException.class, () -> MnistFiles.train(absent));
    IdxReaderTest.assertOneLineNaming(absent, "scripts/fetch-mnist.sh", e);
  }

  @Test
  void missingFileSaysHowToFetchTheData() throws IOException {
    IdxFixtures.writeTestSplit(dir, new byte[] {1});
    IOException e = assertThrows(IOException.class, () -> MnistFiles.train(dir));
    assertTrue(e.getMessage().contains("train-images-idx3-ubyte"), e.getMessage());
    assertTrue(e.getMessage().contains("scripts/fetch-mnist.sh"), e.getMessage());
  }
}
