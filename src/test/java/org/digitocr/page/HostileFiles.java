package org.digitocr.page;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import javax.imageio.ImageIO;

/** Small malformed or hostile files for the tests of everything that opens inputs. */
public final class HostileFiles {
  private HostileFiles() {}

  /** A valid PNG of {@code width x height} grey pixels whose header claims another size. */
  public static byte[] pngClaiming(int claimedWidth, int claimedHeight) {
    ByteArrayOutputStream png = new ByteArrayOutputStream();
    png.writeBytes(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'});
    ByteBuffer header = ByteBuffer.allocate(13);
    header.putInt(claimedWidth).putInt(claimedHeight).put((byte) 8).put((byte) 0);
    header.put((byte) 0).put((byte) 0).put((byte) 0);
    chunk(png, "IHDR", header.array());
    Deflater deflater = new Deflater();
    deflater.setInput(new byte[1 << 16]); // the first rows of zeros; the rest is missing
    deflater.finish();
    byte[] compressed = new byte[1 << 12];
    chunk(png, "IDAT", Arrays.copyOf(compressed, deflater.deflate(compressed)));
    chunk(png, "IEND", new byte[0]);
    return png.toByteArray();
  }

  /** A small real image encoded as {@code format} ("png", "jpeg", "bmp", "tiff"). */
  public static byte[] image(String format, int width, int height) {
    BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_BYTE_GRAY);
    for (int x = width / 4; x < width * 3 / 4; x++) {
      image.getRaster().setSample(x, height / 2, 0, 255);
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      if (!ImageIO.write(image, format, out)) {
        throw new IllegalArgumentException("no ImageIO writer for " + format);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  /** The first half of a valid file: headers intact, pixel data cut off. */
  public static byte[] truncated(byte[] file) {
    return Arrays.copyOf(file, file.length / 2);
  }

  /** A JPEG whose frame header (SOF0) claims {@code claimed x claimed} pixels. */
  public static byte[] jpegClaiming(int claimed) {
    byte[] jpeg = image("jpeg", 64, 48);
    for (int i = 2; i + 8 < jpeg.length; i++) {
      if ((jpeg[i] & 0xff) == 0xff && (jpeg[i + 1] & 0xff) == 0xc0) {
        ByteBuffer.wrap(jpeg, i + 5, 4).putShort((short) claimed).putShort((short) claimed);
        return jpeg;
      }
    }
    throw new IllegalStateException("no SOF0 marker in ImageIO's JPEG");
  }

  private static void chunk(ByteArrayOutputStream png, String type, byte[] data) {
    byte[] typeBytes = type.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    CRC32 crc = new CRC32();
    crc.update(typeBytes);
    crc.update(data);
    ByteBuffer chunk = ByteBuffer.allocate(12 + data.length);
    chunk.putInt(data.length).put(typeBytes).put(data).putInt((int) crc.getValue());
    png.writeBytes(chunk.array());
  }
}
