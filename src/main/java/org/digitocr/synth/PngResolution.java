package org.digitocr.synth;

import java.nio.ByteBuffer;
import java.util.zip.CRC32;

/**
 * Writes a resolution into a PNG, as a scanner does, so that readers size its page right: the
 * searchable PDF of a 150 dpi scan is then as large as the paper, not half of it as an image of
 * unknown resolution (taken for 300 dpi) would be. OpenCV's PNG writer has no resolution option.
 */
final class PngResolution {
  private static final int SIGNATURE = 8;
  private static final int HEADER_CHUNK = 4 + 4 + 13 + 4; // length, type, IHDR's fields, CRC
  private static final double METRES_PER_INCH = 0.0254;

  private PngResolution() {}

  /** The same PNG with a {@code pHYs} chunk after its header saying {@code dpi} both ways. */
  static byte[] withDpi(byte[] png, int dpi) {
    int pixelsPerMetre = (int) Math.round(dpi / METRES_PER_INCH);
    ByteBuffer chunk = ByteBuffer.allocate(4 + 4 + 9 + 4);
    chunk.putInt(9).put(new byte[] {'p', 'H', 'Y', 's'});
    chunk.putInt(pixelsPerMetre).putInt(pixelsPerMetre).put((byte) 1); // unit 1: the metre
    CRC32 crc = new CRC32();
    crc.update(chunk.array(), 4, 4 + 9);
    chunk.putInt((int) crc.getValue());
    int split = SIGNATURE + HEADER_CHUNK;
    return ByteBuffer.allocate(png.length + chunk.capacity())
        .put(png, 0, split)
        .put(chunk.array())
        .put(png, split, png.length - split)
        .array();
  }
}
