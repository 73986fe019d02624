package org.digitocr.page;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImageHeaderTest {
  @TempDir Path dir;

  @Test
  void aPngClaiming50000By50000IsMeasuredWithoutDecodingIt() throws IOException {
    Path bomb = Files.write(dir.resolve("bomb.png"), HostileFiles.pngClaiming(50_000, 50_000));
    com.sun.management.ThreadMXBean threads =
        (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    long before = threads.getCurrentThreadAllocatedBytes();

    List<ImageHeader.Size> sizes = ImageHeader.sizes(bomb);

    long allocated = threads.getCurrentThreadAllocatedBytes() - before;
    assertEquals(List.of(new ImageHeader.Size(50_000, 50_000)), sizes);
    assertEquals(2_500_000_000L, sizes.get(0).pixels());
    assertTrue(allocated < 16 << 20, "allocated " + allocated + " bytes; decoding needs 2.5 GB");
  }

  @Test
  void aJpegHeaderIsReadTheSameWay() throws IOException {
    assertEquals(
        List.of(new ImageHeader.Size(60_000, 60_000)),
        ImageHeader.sizes(HostileFiles.jpegClaiming(60_000)));
  }

  @Test
  void everyFormatTheLoaderTakesIsMeasured() throws IOException {
    for (String format : List.of("png", "jpeg", "bmp", "tiff")) {
      Path file = Files.write(dir.resolve("page." + format), HostileFiles.image(format, 37, 23));
      assertEquals(List.of(new ImageHeader.Size(37, 23)), ImageHeader.sizes(file), format);
    }
  }

  @Test
  void everyPageOfAMultiPageTiffIsMeasured() throws IOException {
    Path tiff = dir.resolve("two pages.tif");
    ImageWriter writer = ImageIO.getImageWritersByFormatName("tiff").next();
    try (ImageOutputStream out = ImageIO.createImageOutputStream(tiff.toFile())) {
      writer.setOutput(out);
      writer.prepareWriteSequence(null);
      writer.writeToSequence(new IIOImage(grey(40, 30), null, null), null);
      writer.writeToSequence(new IIOImage(grey(20, 50), null, null), null);
      writer.endWriteSequence();
    } finally {
      writer.dispose();
    }
    assertEquals(
        List.of(new ImageHeader.Size(40, 30), new ImageHeader.Size(20, 50)),
        ImageHeader.sizes(tiff));
  }

  private static BufferedImage grey(int width, int height) {
    return new BufferedImage(width, height, BufferedImage.TYPE_BYTE_GRAY);
  }

  @Test
  void truncatedImagesStillHaveTheirHeader() throws IOException {
    byte[] png = HostileFiles.truncated(HostileFiles.image("png", 300, 200));
    assertEquals(List.of(new ImageHeader.Size(300, 200)), ImageHeader.sizes(png));
  }

  @Test
  void filesNoReaderRecognisesHaveNoSize() throws IOException {
    assertEquals(List.of(), ImageHeader.sizes("12 34 56\n".getBytes()));
    assertEquals(List.of(), ImageHeader.sizes(new byte[0]));
  }
}
