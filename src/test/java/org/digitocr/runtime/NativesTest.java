package org.digitocr.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import org.bytedeco.javacpp.Pointer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.factory.Nd4j;
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
  void matrixProductsMayUseEveryCore() {
    assertEquals(Runtime.getRuntime().availableProcessors(), Natives.blasThreads());
  }

  @Test
  void pageWorkersShareTheCoresForOpenCvsLoopsAndRunProductsOnTheirOwnThread() {
    assumeTrue(System.getenv("OPENCV_FOR_THREADS_NUM") == null, "the user's setting is kept");
    int cores = Runtime.getRuntime().availableProcessors();
    try {
      Natives.shareCoresAmong(cores);
      assertEquals(1, Core.getNumThreads());
      assertEquals(1, Natives.blasThreads());
      Natives.shareCoresAmong(1);
      assertEquals(cores, Core.getNumThreads());
      assertEquals(1, Natives.blasThreads(), "a page reads the same with any number of workers");
    } finally {
      Natives.shareCoresAmong(1);
      Nd4j.factory().blas().setMaxThreads(cores);
    }
  }

  @Test
  void javacppNoLongerChecksResidentMemoryOnEveryAllocation() {
    // Fails if anything loaded ND4J before configureNd4j() could set the limit.
    assertEquals(0, Pointer.maxPhysicalBytes());
  }
}
