package org.digitocr.mnist;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;

/** Writes small IDX files for tests. */
public final class IdxFixtures {
  private IdxFixtures() {}

  /** The bytes of an IDX image file: header for {@code count} images, then {@code pixels}. */
  public static byte[] images(int count, int rows, int cols, byte[] pixels) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    DataOutputStream out = new DataOutputStream(bytes);
    out.writeInt(0x803);
    out.writeInt(count);
    out.writeInt(rows);
    out.writeInt(cols);
    out.write(pixels);
    return bytes.toByteArray();
  }

  public static byte[] labels(byte[] labels) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    DataOutputStream out = new DataOutputStream(bytes);
    out.writeInt(0x801);
    out.writeInt(labels.length);
    out.write(labels);
    return bytes.toByteArray();
  }

  public static Path write(Path file, byte[] bytes) throws IOException {
    Files.write(file, bytes);
    return file;
  }

  public static Path writeGzip(Path file, byte[] bytes) throws IOException {
    try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file))) {
      out.write(bytes);
    }
    return file;
  }

  /**
   * A complete MNIST-named test split in {@code dir}: {@code labels.length} 28x28 digits, each a
   * bar of ink whose position depends on its label.
   */
  public static void writeTestSplit(Path dir, byte[] labels) throws IOException {
    byte[] pixels = new byte[labels.length * MnistSet.PIXELS];
    for (int i = 0; i < labels.length; i++) {
      int row = 4 + 2 * labels[i];
      for (int col = 4; col < 24; col++) {
        pixels[i * MnistSet.PIXELS + row * MnistSet.SIDE + col] = (byte) 255;
      }
    }
    Files.createDirectories(dir);
    write(dir.resolve("t10k-images-idx3-ubyte"), images(labels.length, 28, 28, pixels));
    write(dir.resolve("t10k-labels-idx1-ubyte"), labels(labels));
  }
}
