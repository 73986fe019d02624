package org.digitocr.page;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.Set;
import java.util.zip.CRC32;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;
import org.opencv.core.CvType;
import org.opencv.core.Mat;

/**
 * Decodes the PNGs that scanners and {@code generate-pages} write: 8-bit greyscale, not interlaced.
 * OpenCV's libpng inflates such a page a row at a time, where zlib's fast loop cannot run near each
 * row's end, and undoes the rows' filters a byte at a time: 23 ms an A4 page at 200 dpi on one
 * core. Inflating the whole image at once and undoing the filters four bytes at a time takes ~18.
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

  /**
   * Each thread's buffer for the inflated rows, kept for its next page: a fresh 4 MB array a page
   * is zeroed, lands in fresh heap regions of its own and triggers the collector's humongous
   * checks, only to be copied into the Mat and dropped. Kept up to {@link #KEPT_BUFFER_BYTES}: a
   * rare huge page (the size limit allows 140 megapixels) does not stay in memory.
   */
  private static final ThreadLocal<byte[]> BUFFER = ThreadLocal.withInitial(() -> new byte[0]);

  /** An A4 page at 600 dpi is 35 MB. */
  private static final int KEPT_BUFFER_BYTES = 40 << 20;

  private GreyPngDecoder() {}

  private static byte[] scratch(int length) {
    byte[] buffer = BUFFER.get();
    if (buffer.length >= length) {
      return buffer;
    }
    byte[] larger = new byte[length];
    if (length <= KEPT_BUFFER_BYTES) {
      BUFFER.set(larger);
    }
    return larger;
  }

  /** The image as an 8-bit one-channel Mat, or empty where OpenCV should decode it. */
  static Optional<Mat> decode(byte[] png) {
    if (!startsWithSignature(png)) {
      return Optional.empty();
    }
    Inflater inflater = new Inflater();
    try {
      return decode(png, inflater);
    } catch (DataFormatException e) {
      return Optional.empty();
    } finally {
      inflater.end();
    }
  }

  private static Optional<Mat> decode(byte[] png, Inflater inflater) throws DataFormatException {
    CRC32 crc = new CRC32();
    int width = 0;
    int height = 0;
    byte[] image = null;
    int rowBytes = 0;
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
          if (image != null || length != 13 || !isPlainGrey(png, data)) {
            return Optional.empty();
          }
          width = readInt(png, data);
          height = readInt(png, data + 4);
          if (width <= 0 || height <= 0 || (long) (width + 1) * height > Integer.MAX_VALUE - 8) {
            return Optional.empty();
          }
          rowBytes = (width + 1) * height;
          image = scratch(rowBytes);
        }
        case "IDAT" -> {
          if (image == null || !inflateInto(inflater, png, data, length, image, rowBytes)) {
            return Optional.empty();
          }
        }
        case "IEND" -> {
          if (image == null || !inflater.finished() || inflater.getBytesWritten() != rowBytes) {
            return Optional.empty();
          }
          if (!unfilter(image, width, height)) {
            return Optional.empty();
          }
          Mat grey = new Mat(height, width, CvType.CV_8UC1);
          grey.put(0, 0, image, 0, width * height);
          return Optional.of(grey);
        }
        default -> {
          // Harmless: OpenCV's pixels do not depend on it.
        }
      }
      at = data + length + 4;
    }
    return Optional.empty();
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
   * False when the chunk holds more image data than the image has room for, or asks for a preset
   * dictionary.
   */
  private static boolean inflateInto(
      Inflater inflater, byte[] png, int data, int length, byte[] image, int rowBytes)
      throws DataFormatException {
    inflater.setInput(png, data, length);
    while (!inflater.needsInput() && !inflater.finished()) {
      int written = (int) inflater.getBytesWritten();
      if (written == rowBytes || inflater.needsDictionary()) {
        return false;
      }
      inflater.inflate(image, written, rowBytes - written);
    }
    return true;
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
