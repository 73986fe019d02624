package org.digitocr.synth;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;

/**
 * Adds an EXIF block carrying only an orientation tag to a JPEG, as a phone does when it stores the
 * sensor's pixels unturned. OpenCV cannot write EXIF, and a full EXIF writer is not worth a
 * dependency for one tag.
 */
public final class OrientedJpeg {
  private static final int TIFF_HEADER_AND_ONE_ENTRY_IFD = 8 + 2 + 12 + 4;
  private static final short ORIENTATION_TAG = 0x0112;
  private static final short TYPE_SHORT = 3;

  private OrientedJpeg() {}

  /** The JPEG with an APP1 EXIF segment right after its start-of-image marker. */
  public static byte[] withOrientation(byte[] jpeg, ExifOrientation orientation) {
    if (jpeg.length < 2 || (jpeg[0] & 0xff) != 0xff || (jpeg[1] & 0xff) != 0xd8) {
      throw new IllegalArgumentException("not a JPEG");
    }
    byte[] exifId = {'E', 'x', 'i', 'f', 0, 0};
    ByteBuffer app1 = ByteBuffer.allocate(4 + exifId.length + TIFF_HEADER_AND_ONE_ENTRY_IFD);
    app1.putShort((short) 0xffe1);
    app1.putShort((short) (app1.capacity() - 2)); // the length counts itself but not the marker
    app1.put(exifId);
    app1.put(new byte[] {'M', 'M', 0, 42}).putInt(8); // big-endian TIFF, IFD0 right after
    app1.putShort((short) 1);
    app1.putShort(ORIENTATION_TAG).putShort(TYPE_SHORT).putInt(1);
    app1.putShort((short) orientation.tagValue()).putShort((short) 0);
    app1.putInt(0); // no further IFD

    ByteArrayOutputStream out = new ByteArrayOutputStream(jpeg.length + app1.capacity());
    out.write(jpeg, 0, 2);
    out.write(app1.array(), 0, app1.capacity());
    out.write(jpeg, 2, jpeg.length - 2);
    return out.toByteArray();
  }
}
