package org.digitocr.page;

import java.nio.ByteBuffer;

/** Inflates a whole zlib stream, such as a PNG's image data joined from all its chunks. */
interface ZlibInflater {
  /**
   * Whether {@code zlib} (its bytes from position to limit) begins with one complete zlib stream
   * that needs no preset dictionary, whose checksum is right and whose data fill exactly {@code
   * length} bytes, now at the start of {@code out}. Bytes after the stream's end are ignored.
   *
   * @param out at least {@code length + 1} bytes: the byte beyond is where too much data shows
   */
  boolean inflate(ByteBuffer zlib, byte[] out, int length);

  /** The system's libdeflate where it can be loaded, else Java's own zlib. */
  static ZlibInflater fastest() {
    return Libdeflate.load().orElse(JavaZlib.INSTANCE);
  }
}
