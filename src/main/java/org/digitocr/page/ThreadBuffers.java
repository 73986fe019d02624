package org.digitocr.page;

import java.nio.ByteBuffer;
import java.util.function.IntFunction;
import java.util.function.ToIntFunction;

/**
 * A buffer each thread keeps for its next page: a fresh 4 MB array a page is zeroed, lands in fresh
 * heap regions of its own and triggers the collector's humongous checks, only to be dropped. Kept
 * up to {@link #KEPT_BYTES}: a rare huge page (the size limit allows 140 megapixels) does not stay
 * in memory.
 */
final class ThreadBuffers<T> {
  /** An A4 page at 600 dpi is 35 MB. */
  static final int KEPT_BYTES = 40 << 20;

  private final IntFunction<T> allocate;
  private final ToIntFunction<T> capacity;
  private final ThreadLocal<T> kept;

  private ThreadBuffers(IntFunction<T> allocate, ToIntFunction<T> capacity) {
    this.allocate = allocate;
    this.capacity = capacity;
    this.kept = ThreadLocal.withInitial(() -> allocate.apply(0));
  }

  static ThreadBuffers<byte[]> arrays() {
    return new ThreadBuffers<>(byte[]::new, array -> array.length);
  }

  /** Buffers outside the heap, for native code. */
  static ThreadBuffers<ByteBuffer> direct() {
    return new ThreadBuffers<>(ByteBuffer::allocateDirect, ByteBuffer::capacity);
  }

  /** This thread's buffer if it holds {@code length} bytes, else a new, larger one. */
  T atLeast(int length) {
    T buffer = kept.get();
    if (capacity.applyAsInt(buffer) >= length) {
      return buffer;
    }
    T larger = allocate.apply(length);
    if (length <= KEPT_BYTES) {
      kept.set(larger);
    }
    return larger;
  }
}
