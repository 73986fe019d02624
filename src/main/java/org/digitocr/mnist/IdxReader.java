package org.digitocr.mnist;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;

/**
 * Reads MNIST's IDX files (raw or gzip): unsigned-byte image stacks (magic 0x803) and label vectors
 * (magic 0x801).
 */
public final class IdxReader {
  private static final int IMAGES_MAGIC = 0x00000803;
  private static final int LABELS_MAGIC = 0x00000801;

  private IdxReader() {}

  /** Images as one byte array of {@code count * rows * cols} pixels, row-major. */
  public static IdxImages readImages(Path file) throws IOException {
    try (DataInputStream in = open(file)) {
      checkMagic(file, in.readInt(), IMAGES_MAGIC, "image");
      int count = in.readInt();
      int rows = in.readInt();
      int cols = in.readInt();
      if (count < 0 || rows <= 0 || cols <= 0 || (long) count * rows * cols > Integer.MAX_VALUE) {
        throw new IdxFormatException(
            file, "implausible dimensions " + count + "x" + rows + "x" + cols);
      }
      byte[] pixels = new byte[count * rows * cols];
      readFully(file, in, pixels, count + " images of " + rows + "x" + cols);
      expectEnd(file, in);
      return new IdxImages(count, rows, cols, pixels);
    } catch (EOFException e) {
      throw new IdxFormatException(file, "truncated header");
    }
  }

  /** Labels as one byte each. */
  public static byte[] readLabels(Path file) throws IOException {
    try (DataInputStream in = open(file)) {
      checkMagic(file, in.readInt(), LABELS_MAGIC, "label");
      int count = in.readInt();
      if (count < 0) {
        throw new IdxFormatException(file, "negative label count " + count);
      }
      byte[] labels = new byte[count];
      readFully(file, in, labels, count + " labels");
      expectEnd(file, in);
      for (byte label : labels) {
        if (label < 0 || label > 9) {
          throw new IdxFormatException(file, "label " + label + " is not a digit");
        }
      }
      return labels;
    } catch (EOFException e) {
      throw new IdxFormatException(file, "truncated header");
    }
  }

  private static DataInputStream open(Path file) throws IOException {
    InputStream raw;
    try {
      raw = new BufferedInputStream(Files.newInputStream(file), 1 << 16);
    } catch (NoSuchFileException e) {
      throw new IdxFormatException(file, "no such file");
    }
    raw.mark(2);
    int b0 = raw.read();
    int b1 = raw.read();
    raw.reset();
    boolean gzip = b0 == 0x1f && b1 == 0x8b;
    return new DataInputStream(gzip ? new GZIPInputStream(raw, 1 << 16) : raw);
  }

  private static void checkMagic(Path file, int magic, int expected, String kind)
      throws IdxFormatException {
    if (magic != expected) {
      throw new IdxFormatException(
          file,
          String.format(
              "not an IDX %s file (magic 0x%08x, expected 0x%08x)", kind, magic, expected));
    }
  }

  private static void readFully(Path file, DataInputStream in, byte[] into, String what)
      throws IOException {
    try {
      in.readFully(into);
    } catch (EOFException e) {
      throw new IdxFormatException(file, "truncated: header promises " + what);
    }
  }

  private static void expectEnd(Path file, InputStream in) throws IOException {
    if (in.read() != -1) {
      throw new IdxFormatException(file, "trailing bytes after the data the header describes");
    }
  }
}
