package org.digitocr.page;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.FileImageInputStream;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.MemoryCacheImageInputStream;

/**
 * Image sizes read from the file's headers, without decoding a pixel: the guard against
 * "decompression bombs", small files that claim billions of pixels. Covers what ImageIO can parse:
 * PNG, JPEG, TIFF (every page), BMP, GIF.
 */
public final class ImageHeader {
  private ImageHeader() {}

  /** Width and height in pixels as the header claims them. */
  public record Size(int width, int height) {
    public long pixels() {
      return (long) width * height;
    }
  }

  /**
   * The size of every image in the file (several for a multi-page TIFF).
   *
   * @return empty if no reader recognises the format
   * @throws IOException if the header is recognised but broken
   */
  public static List<Size> sizes(Path file) throws IOException {
    try (ImageInputStream in = new FileImageInputStream(file.toFile())) {
      return sizes(in);
    }
  }

  public static List<Size> sizes(byte[] bytes) throws IOException {
    try (ImageInputStream in = new MemoryCacheImageInputStream(new ByteArrayInputStream(bytes))) {
      return sizes(in);
    }
  }

  private static List<Size> sizes(ImageInputStream in) throws IOException {
    Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
    if (!readers.hasNext()) {
      return List.of();
    }
    ImageReader reader = readers.next();
    try {
      reader.setInput(in, false, true);
      int count = reader.getNumImages(true);
      List<Size> sizes = new ArrayList<>(count);
      for (int i = 0; i < count; i++) {
        sizes.add(new Size(reader.getWidth(i), reader.getHeight(i)));
      }
      return sizes;
    } catch (RuntimeException e) {
      // ImageIO's plug-ins signal some malformed headers with unchecked exceptions.
      throw new IOException("broken image header (" + e + ")", e);
    } finally {
      reader.dispose();
    }
  }
}
