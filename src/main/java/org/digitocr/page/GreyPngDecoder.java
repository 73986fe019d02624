package org.digitocr.page;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.Set;
import java.util.zip.CRC32;
import org.opencv.core.CvType;
import org.opencv.core.Mat;

/**
 * Decodes the PNGs that scanners and {@code generate-pages} write: 8-bit greyscale, not interlaced.
 * OpenCV's libpng inflates such a page a row at a time, where zlib's fast loop cannot run near each
 * row's end, and undoes the rows' filters a byte at a time: 23 ms an A4 page at 200 dpi on one
 * core. Inflating the image data whole, by libdeflate where the system has it, and undoing the
 * filters four bytes at a time takes ~12 (~18 with Java's zlib).
 *
 * <p>Anything else returns empty, and OpenCV decodes it as before: other colour types and depths,
 * interlacing, a chunk that would change OpenCV's pixels (transparency, significant bits, an EXIF
 * orientation), and any damage (a bad checksum, too little or too much image data). So whatever
 * this returns is exactly what OpenCV would.
 */
final class GreyPngDecoder {
  private static final byte[] SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};

  /** Chunks OpenCV reads without changing a grey image's pixels, besides IHDR, IDAT and IEND. */
  private static final Set<String> HARMLESS =
      Set.of(
          "pHYs", "tEXt", "zTXt", "iTXt", "tIME", "gAMA", "cHRM", "sRGB", "iCCP", "bKGD", "sPLT");

  private static final int NONE = 0;
  private static final int SUB = 1;
  private static final int UP = 2;
  private static final int AVERAGE = 3;
  private static final int PAETH = 4;

  private static final ZlibInflater INFLATER = ZlibInflater.fastest();

  /** The image data of all IDAT chunks, joined. */
  private static final ThreadBuffers<ByteBuffer> COMPRESSED = ThreadBuffers.direct();

  /** The inflated rows, each its filter type and its filtered bytes; then the image. */
  private static final ThreadBuffers<byte[]> ROWS = ThreadBuffers.arrays();

  private GreyPngDecoder() {}

  /** The image as an 8-bit one-channel Mat, or empty where OpenCV should decode it. */
  static Optional<Mat> decode(byte[] png) {
    return decode(png, INFLATER);
  }

  static Optional<Mat> decode(byte[] png, ZlibInflater inflater) {
    if (!startsWithSignature(png)) {
      return Optional.empty();
    }
    CRC32 crc = new CRC32();
    int width = 0;
    int height = 0;
    ByteBuffer compressed = null;
    int at = SIGNATURE.length;
    while (at + 12 <= png.length) {
      int length = readInt(png, at);
      if (length < 0 || length > png.length - at - 12) {
        return Optional.empty();
      }
      String type = new String(png, at + 4, 4, StandardCharsets.ISO_8859_1);
      int data = at + 8;
      boolean critical = type.equals("IHDR") || type.equals("IDAT") || type.equals("IEND");
      if (!critical && !HARMLESS.contains(type)) {
        return Optional.empty();
      }
      if (critical) {
        crc.reset();
        crc.update(png, at + 4, length + 4);
        if ((int) crc.getValue() != readInt(png, data + length)) {
          return Optional.empty();
        }
      }
      switch (type) {
        case "IHDR" -> {
          if (compressed != null || length != 13 || !isPlainGrey(png, data)) {
            return Optional.empty();
          }
          width = readInt(png, data);
          height = readInt(png, data + 4);
          if (width <= 0 || height <= 0 || (long) (width + 1) * height > Integer.MAX_VALUE - 8) {
            return Optional.empty();
          }
          // All the image data together is shorter than the file.
          compressed = COMPRESSED.atLeast(png.length).clear();
        }
        case "IDAT" -> {
          if (compressed == null) {
            return Optional.empty();
          }
          compressed.put(png, data, length);
        }
        case "IEND" -> {
          return compressed == null
              ? Optional.empty()
              : image(compressed.flip(), width, height, inflater);
        }
        default -> {
          // Harmless: OpenCV's pixels do not depend on it.
        }
      }
      at = data + length + 4;
    }
    return Optional.empty();
  }

  private static Optional<Mat> image(
      ByteBuffer compressed, int width, int height, ZlibInflater inflater) {
    int rowBytes = (width + 1) * height;
    byte[] rows = ROWS.atLeast(rowBytes + 1);
    if (!inflater.inflate(compressed, rows, rowBytes) || !unfilter(rows, width, height)) {
      return Optional.empty();
    }
    Mat grey = new Mat(height, width, CvType.CV_8UC1);
    grey.put(0, 0, rows, 0, width * height);
    return Optional.of(grey);
  }

  private static boolean startsWithSignature(byte[] png) {
    if (png.length < SIGNATURE.length) {
      return false;
    }
    for (int i = 0; i < SIGNATURE.length; i++) {
      if (png[i] != SIGNATURE[i]) {
        return false;
      }
    }
    return true;
  }

  /** Bit depth 8, colour type 0 (grey), compression 0, filter method 0, no interlacing. */
  private static boolean isPlainGrey(byte[] png, int header) {
    return png[header + 8] == 8
        && png[header + 9] == 0
        && png[header + 10] == 0
        && png[header + 11] == 0
        && png[header + 12] == 0;
  }

  /**
   * Undoes the rows' filters in place: each row of {@code width + 1} bytes (its filter type, then
   * its filtered bytes) becomes {@code width} pixels, packed from the start of the array. A row's
   * pixels land before its own filtered bytes, and after the previous row's pixels, which the next
   * row's filter reads.
   */
  private static boolean unfilter(byte[] image, int width, int height) {
    for (int y = 0; y < height; y++) {
      int from = y * (width + 1);
      int to = y * width;
      int above = to - width;
      switch (image[from]) {
        case NONE -> System.arraycopy(image, from + 1, image, to, width);
        case SUB -> undoSub(image, from + 1, to, width);
        case UP -> undoUp(image, from + 1, to, y == 0 ? -1 : above, width);
        case AVERAGE -> undoAverage(image, from + 1, to, y == 0 ? -1 : above, width);
        case PAETH -> undoPaeth(image, from + 1, to, y == 0 ? -1 : above, width);
        default -> {
          return false;
        }
      }
    }
    return true;
  }

  /**
   * Each pixel adds its left neighbour: a running sum along the row, four bytes a step (the scan
   * runs on C1, which does not unroll; 2.9 ms an A4 page against 4.0 a byte at a time).
   */
  private static void undoSub(byte[] image, int from, int to, int width) {
    int sum = 0;
    int x = 0;
    for (; x + 4 <= width; x += 4) {
      int first = sum + image[from + x];
      int second = first + image[from + x + 1];
      int third = second + image[from + x + 2];
      sum = third + image[from + x + 3];
      image[to + x] = (byte) first;
      image[to + x + 1] = (byte) second;
      image[to + x + 2] = (byte) third;
      image[to + x + 3] = (byte) sum;
    }
    for (; x < width; x++) {
      sum += image[from + x];
      image[to + x] = (byte) sum;
    }
  }

  /** {@code above} is where the previous row's pixels start, -1 on the first row. */
  private static void undoUp(byte[] image, int from, int to, int above, int width) {
    for (int x = 0; x < width; x++) {
      image[to + x] = (byte) (image[from + x] + up(image, above, x));
    }
  }

  private static void undoAverage(byte[] image, int from, int to, int above, int width) {
    for (int x = 0; x < width; x++) {
      int left = x == 0 ? 0 : image[to + x - 1] & 0xFF;
      image[to + x] = (byte) (image[from + x] + ((left + up(image, above, x)) >>> 1));
    }
  }

  private static void undoPaeth(byte[] image, int from, int to, int above, int width) {
    for (int x = 0; x < width; x++) {
      int left = x == 0 ? 0 : image[to + x - 1] & 0xFF;
      int up = up(image, above, x);
      int upLeft = x == 0 ? 0 : up(image, above, x - 1);
      image[to + x] = (byte) (image[from + x] + paeth(left, up, upLeft));
    }
  }

  private static int up(byte[] image, int above, int x) {
    return above < 0 ? 0 : image[above + x] & 0xFF;
  }

  /** The neighbour nearest to {@code left + up - upLeft}, ties to left, then up (the PNG spec). */
  static int paeth(int left, int up, int upLeft) {
    int estimate = left + up - upLeft;
    int toLeft = Math.abs(estimate - left);
    int toUp = Math.abs(estimate - up);
    int toUpLeft = Math.abs(estimate - upLeft);
    if (toLeft <= toUp && toLeft <= toUpLeft) {
      return left;
    }
    return toUp <= toUpLeft ? up : upLeft;
  }

  private static int readInt(byte[] bytes, int at) {
    return (bytes[at] & 0xFF) << 24
        | (bytes[at + 1] & 0xFF) << 16
        | (bytes[at + 2] & 0xFF) << 8
        | (bytes[at + 3] & 0xFF);
  }
}
