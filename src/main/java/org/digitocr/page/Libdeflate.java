package org.digitocr.page;

import com.sun.jna.Native;
import com.sun.jna.NativeLibrary;
import com.sun.jna.Pointer;
import java.nio.ByteBuffer;
import java.util.Optional;

/**
 * libdeflate, the system's shared library (Debian and Ubuntu: {@code libdeflate0}, which libtiff
 * brings along), called through JNA: it inflates a bench page's image data in 8.7 ms where Java's
 * zlib takes 14.1 (docs/performance.md). Where it cannot be loaded, {@link #load} is empty.
 */
final class Libdeflate implements ZlibInflater {
  private static final String LIBRARY = "libdeflate.so.0";
  private static final int SUCCESS = 0;

  /** Each thread's buffer for the inflated data: libdeflate writes to memory outside the heap. */
  private static final ThreadBuffers<ByteBuffer> INFLATED = ThreadBuffers.direct();

  private static final Optional<ZlibInflater> LOADED = register();

  private Libdeflate() {}

  static Optional<ZlibInflater> load() {
    return LOADED;
  }

  /** The library's functions bound to this class's native methods, if it is on the system. */
  private static Optional<ZlibInflater> register() {
    if (Native.SIZE_T_SIZE != Long.BYTES) {
      return Optional.empty(); // the bindings below pass size_t as a Java long
    }
    try {
      Native.register(Libdeflate.class, NativeLibrary.getInstance(LIBRARY));
      return Optional.of(new Libdeflate());
    } catch (UnsatisfiedLinkError | RuntimeException e) {
      return Optional.empty();
    }
  }

  private static native Pointer libdeflate_alloc_decompressor();

  private static native void libdeflate_free_decompressor(Pointer decompressor);

  private static native int libdeflate_zlib_decompress_ex(
      Pointer decompressor,
      ByteBuffer in,
      long inBytes,
      ByteBuffer out,
      long outBytesAvailable,
      long[] actualInBytes,
      long[] actualOutBytes);

  /**
   * libdeflate checks what {@link ZlibInflater} asks for: a preset dictionary, a bad checksum or
   * damaged data is bad data, and data that would overrun {@code length} bytes is an error too.
   */
  @Override
  public boolean inflate(ByteBuffer zlib, byte[] out, int length) {
    if (!zlib.isDirect()) {
      throw new IllegalArgumentException("libdeflate reads from a direct buffer");
    }
    ByteBuffer inflated = INFLATED.atLeast(length);
    Pointer decompressor = libdeflate_alloc_decompressor();
    if (decompressor == null) {
      return false;
    }
    long[] written = new long[1];
    int result;
    try {
      result =
          libdeflate_zlib_decompress_ex(
              decompressor, zlib, zlib.remaining(), inflated.clear(), length, new long[1], written);
    } finally {
      libdeflate_free_decompressor(decompressor);
    }
    if (result != SUCCESS || written[0] != length) {
      return false;
    }
    inflated.get(out, 0, length);
    return true;
  }

  @Override
  public String toString() {
    return "libdeflate";
  }
}
