package org.digitocr.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.Map;
import java.util.stream.Stream;
import org.bytedeco.javacpp.Pointer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.opencv.core.Core;

class NativesTest {
  @BeforeAll
  static void configure() {
    Natives.configureNd4j();
  }

  @Test
  void elementwiseOpsRunOnTheCallingThread() {
    assertEquals(1, Natives.elementwiseThreads());
  }

  @Test
  void aThreadThatReadsPagesRunsItsOpenMpLoopsOnItself() throws Exception {
    int[] threads = new int[2];
    Thread worker =
        new Thread(
            () -> {
              threads[0] = Natives.elementwiseThreads();
              Natives.runOpenMpLoopsOnThisThread();
              threads[1] = Natives.elementwiseThreads();
            });
    worker.start();
    worker.join();

    assumeTrue(threads[0] > 1, "OpenMP's default for a new thread is one thread here");
    assertEquals(1, threads[1]);
  }

  @Test
  void matrixProductsRunOnTheCallingThreadAndLargeBatchesMayUseEveryCore() {
    assertEquals(1, Natives.blasThreads());
    assertEquals(Runtime.getRuntime().availableProcessors(), Natives.batchThreads());
  }

  @Test
  void aBatchIsReadOnAtLeastOneThread() {
    assertThrows(IllegalArgumentException.class, () -> Natives.setBatchThreads(0));
  }

  @Test
  void pageWorkersShareTheCoresForOpenCvsLoopsAndRunProductsOnTheirOwnThread() {
    assumeTrue(System.getenv("OPENCV_FOR_THREADS_NUM") == null, "the user's setting is kept");
    int cores = Runtime.getRuntime().availableProcessors();
    try {
      Natives.shareCoresAmong(cores);
      assertEquals(1, Core.getNumThreads());
      assertEquals(1, Natives.blasThreads());
      assertEquals(1, Natives.batchThreads());
      Natives.shareCoresAmong(1);
      assertEquals(cores, Core.getNumThreads());
      assertEquals(1, Natives.blasThreads(), "a page reads the same with any number of workers");
      assertEquals(1, Natives.batchThreads(), "a page reads the same with any number of workers");
    } finally {
      Natives.shareCoresAmong(1);
      Natives.setBatchThreads(cores);
    }
  }

  @Test
  void javacppNoLongerChecksResidentMemoryOnEveryAllocation() {
    // Fails if anything loaded ND4J before configureNd4j() could set the limit.
    assertEquals(0, Pointer.maxPhysicalBytes());
  }

  @Test
  void glibcKeepsFreedPageMemoryUnlessTheUserSetsItsAllocator() {
    assumeTrue(System.getProperty("os.name").equals("Linux"), "glibc's mallopt");
    assertTrue(Natives.keepFreedMemory(Map.of()), "glibc accepted every setting");
    assertFalse(Natives.keepFreedMemory(Map.of("GLIBC_TUNABLES", "glibc.malloc.trim_threshold=0")));
    assertFalse(Natives.keepFreedMemory(Map.of("MALLOC_TOP_PAD_", "0")));
    assertFalse(
        Natives.keepFreedMemory(
            Map.of("LD_PRELOAD", "/usr/lib/x86_64-linux-gnu/libjemalloc.so.2")));
  }

  @Test
  void namesJemallocWhereItIsMappedIntoTheProcess() {
    String libc =
        "7f3a1c000000-7f3a1c028000 r--p 00000000 08:01 1234 /usr/lib/x86_64-linux-gnu/libc.so.6";
    String jemalloc =
        "7f3a1d000000-7f3a1d0a0000 r-xp 00000000 08:01 5678"
            + " /usr/lib/x86_64-linux-gnu/libjemalloc.so.2";
    assertEquals("jemalloc", Natives.memoryAllocator(Stream.of(libc, jemalloc)));
    assertEquals("the C library's malloc", Natives.memoryAllocator(Stream.of(libc)));
  }

  /** Surefire starts the tests' JVM without bin/digit-ocr, so nothing preloads jemalloc. */
  @Test
  void aProcessStartedWithoutThePreloadRunsOnTheCLibrarysMalloc() {
    assumeTrue(System.getProperty("os.name").equals("Linux"), "/proc/self/maps");
    assumeTrue(System.getenv("LD_PRELOAD") == null, "nothing preloaded");
    assertEquals("the C library's malloc", Natives.memoryAllocator());
  }
}
