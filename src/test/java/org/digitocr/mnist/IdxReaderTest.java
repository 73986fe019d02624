package org.digitocr.mnist;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IdxReaderTest {
  @TempDir Path dir;

  private static final byte[] PIXELS = {0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, (byte) 255};

  @Test
  void readsRawImages() throws IOException {
    Path file = IdxFixtures.write(dir.resolve("images"), IdxFixtures.images(2, 2, 3, PIXELS));
    IdxImages images = IdxReader.readImages(file);
    assertEquals(2, images.count());
    assertEquals(2, images.rows());
    assertEquals(3, images.cols());
    assertArrayEquals(PIXELS, images.pixels());
  }

  @Test
  void readsGzippedImagesAndLabels() throws IOException {
    Path images =
        IdxFixtures.writeGzip(dir.resolve("images.gz"), IdxFixtures.images(2, 2, 3, PIXELS));
    Path labels =
        IdxFixtures.writeGzip(dir.resolve("labels.gz"), IdxFixtures.labels(new byte[] {7, 3}));
    assertArrayEquals(PIXELS, IdxReader.readImages(images).pixels());
    assertArrayEquals(new byte[] {7, 3}, IdxReader.readLabels(labels));
  }

  @Test
  void truncatedPixelsAreReportedWithTheFileName() throws IOException {
    byte[] whole = IdxFixtures.images(2, 2, 3, PIXELS);
    Path file = IdxFixtures.write(dir.resolve("cut"), Arrays.copyOf(whole, whole.length - 1));
    assertOneLineNaming(
        file,
        "truncated",
        assertThrows(IdxFormatException.class, () -> IdxReader.readImages(file)));
  }

  @Test
  void truncatedHeaderIsReportedWithTheFileName() throws IOException {
    Path file = IdxFixtures.write(dir.resolve("stub"), new byte[] {0, 0, 8, 3, 0, 0});
    assertOneLineNaming(
        file,
        "truncated",
        assertThrows(IdxFormatException.class, () -> IdxReader.readImages(file)));
  }

  @Test
  void truncatedGzipIsReportedWithTheFileName() throws IOException {
    Path whole =
        IdxFixtures.writeGzip(dir.resolve("whole.gz"), IdxFixtures.images(2, 2, 3, PIXELS));
    byte[] bytes = java.nio.file.Files.readAllBytes(whole);
    Path file = IdxFixtures.write(dir.resolve("cut.gz"), Arrays.copyOf(bytes, bytes.length / 2));
    IOException e = assertThrows(IOException.class, () -> IdxReader.readImages(file));
    assertTrue(e.getMessage().startsWith(file.toString()), e.getMessage());
  }

  @Test
  void wrongMagicIsReportedWithTheFileName() throws IOException {
    Path labels = IdxFixtures.write(dir.resolve("labels"), IdxFixtures.labels(new byte[] {1}));
    assertOneLineNaming(
        labels,
        "magic",
        assertThrows(IdxFormatException.class, () -> IdxReader.readImages(labels)));
    Path images = IdxFixtures.write(dir.resolve("images"), IdxFixtures.images(2, 2, 3, PIXELS));
    assertOneLineNaming(
        images,
        "magic",
        assertThrows(IdxFormatException.class, () -> IdxReader.readLabels(images)));
  }

  @Test
  void trailingBytesAreReportedWithTheFileName() throws IOException {
    byte[] whole = IdxFixtures.labels(new byte[] {1, 2});
    Path file = IdxFixtures.write(dir.resolve("long"), Arrays.copyOf(whole, whole.length + 3));
    assertOneLineNaming(
        file, "trailing", assertThrows(IdxFormatException.class, () -> IdxReader.readLabels(file)));
  }

  @Test
  void labelsThatAreNoDigitAreReported() throws IOException {
    Path file = IdxFixtures.write(dir.resolve("labels"), IdxFixtures.labels(new byte[] {3, 12}));
    assertOneLineNaming(
        file, "12", assertThrows(IdxFormatException.class, () -> IdxReader.readLabels(file)));
  }

  @Test
  void missingFileIsReportedWithItsName() {
    Path file = dir.resolve("absent");
    assertOneLineNaming(
        file,
        "no such file",
        assertThrows(IdxFormatException.class, () -> IdxReader.readImages(file)));
  }

  static void assertOneLineNaming(Path file, String reason, Exception e) {
    String message = e.getMessage();
    assertTrue(message.startsWith(file.toString() + ": "), message);
    assertTrue(message.contains(reason), message);
    assertTrue(!message.contains("\n"), message);
  }
}
