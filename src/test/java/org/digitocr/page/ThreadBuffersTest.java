package org.digitocr.page;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import org.junit.jupiter.api.Test;

class ThreadBuffersTest {
  @Test
  void keepsEachThreadsBufferForItsNextPageUpToTheLimit() throws InterruptedException {
    ThreadBuffers<byte[]> buffers = ThreadBuffers.arrays();
    byte[] first = buffers.atLeast(1000);
    assertEquals(1000, first.length);
    assertSame(first, buffers.atLeast(500), "a smaller page reuses the buffer");
    byte[] larger = buffers.atLeast(2000);
    assertSame(larger, buffers.atLeast(2000), "the larger one is kept");

    byte[] huge = buffers.atLeast(ThreadBuffers.KEPT_BYTES + 1);
    assertNotSame(huge, buffers.atLeast(ThreadBuffers.KEPT_BYTES + 1), "too large to keep");
    assertSame(larger, buffers.atLeast(2000));

    byte[][] otherThreads = new byte[1][];
    Thread other = new Thread(() -> otherThreads[0] = buffers.atLeast(2000));
    other.start();
    other.join();
    assertNotSame(larger, otherThreads[0], "each thread has its own");
  }

  @Test
  void directBuffersLieOutsideTheHeap() {
    ByteBuffer buffer = ThreadBuffers.direct().atLeast(64);
    assertTrue(buffer.isDirect());
    assertTrue(buffer.capacity() >= 64);
  }
}
