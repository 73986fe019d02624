package org.digitocr.output;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.zip.CRC32;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.MatOfByte;
import org.opencv.core.Scalar;
import org.opencv.imgcodecs.Imgcodecs;

/**
 * Encodes an image of palette indices as an indexed-colour PNG.
 *
 * <p>OpenCV writes no palette PNGs, but an 8-bit palette image is stored exactly as an 8-bit grey
 * one (one byte a pixel, the same filters and compression) except for the colour type in the header
 * and the palette chunk after it. So OpenCV encodes the indices as grey, with its fast defaults
 * (one filter, the fastest compression), and the header is rewritten: about a sixth of the time a
 * colour PNG of the page takes, and a smaller file.
 */
final class PalettePng {
  private static final int SIGNATURE_BYTES = 8;
  private static final int IHDR_DATA_BYTES = 13;
  private static final int COLOUR_TYPE_OFFSET = 9;
  private static final byte GREY = 0;
  private static final byte INDEXED = 3;

  private PalettePng() {}

  /**
   * @param indices 8-bit single-channel palette indices
   * @param palette BGR colours (as OpenCV's scalars), at most 256; every index must name one
   */
  static byte[] encode(Mat indices, List<Scalar> palette) throws IOException {
    if (indices.type() != CvType.CV_8UC1 || palette.isEmpty() || palette.size() > 256) {
      throw new IllegalArgumentException(
          "needs 8-bit indices and 1-256 colours: " + indices + ", " + palette.size());
    }
    MatOfByte encoded = new MatOfByte();
    byte[] grey;
    try {
      if (!Imgcodecs.imencode(".png", indices, encoded)) {
        throw new IOException("PNG encoding failed");
      }
      grey = encoded.toArray();
    } finally {
      encoded.release();
    }
    ByteBuffer png = ByteBuffer.wrap(grey);
    int ihdrEnd = SIGNATURE_BYTES + 8 + IHDR_DATA_BYTES + 4;
    if (!"IHDR".equals(chunkType(png, SIGNATURE_BYTES))
        || png.getInt(SIGNATURE_BYTES) != IHDR_DATA_BYTES
        || grey[SIGNATURE_BYTES + 8 + COLOUR_TYPE_OFFSET] != GREY) {
      throw new IOException("OpenCV wrote an unexpected PNG header");
    }
    byte[] header = new byte[IHDR_DATA_BYTES];
    System.arraycopy(grey, SIGNATURE_BYTES + 8, header, 0, IHDR_DATA_BYTES);
    header[COLOUR_TYPE_OFFSET] = INDEXED;
    byte[] colours = new byte[3 * palette.size()];
    for (int i = 0; i < palette.size(); i++) {
      double[] bgr = palette.get(i).val;
      colours[3 * i] = (byte) bgr[2];
      colours[3 * i + 1] = (byte) bgr[1];
      colours[3 * i + 2] = (byte) bgr[0];
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream(grey.length + colours.length + 12);
    out.write(grey, 0, SIGNATURE_BYTES);
    writeChunk(out, "IHDR", header);
    writeChunk(out, "PLTE", colours);
    out.write(grey, ihdrEnd, grey.length - ihdrEnd);
    return out.toByteArray();
  }

  private static String chunkType(ByteBuffer png, int chunkStart) {
    return new String(png.array(), chunkStart + 4, 4, StandardCharsets.US_ASCII);
  }

  private static void writeChunk(ByteArrayOutputStream out, String type, byte[] data) {
    byte[] typeBytes = type.getBytes(StandardCharsets.US_ASCII);
    CRC32 crc = new CRC32();
    crc.update(typeBytes);
    crc.update(data);
    out.writeBytes(ByteBuffer.allocate(4).putInt(data.length).array());
    out.writeBytes(typeBytes);
    out.writeBytes(data);
    out.writeBytes(ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
  }
}
