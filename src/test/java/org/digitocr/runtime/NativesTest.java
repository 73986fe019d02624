package org.digitocr.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.bytedeco.javacpp.Pointer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

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
  void javacppNoLongerChecksResidentMemoryOnEveryAllocation() {
    // Fails if anything loaded ND4J before configureNd4j() could set the limit.
    assertEquals(0, Pointer.maxPhysicalBytes());
  }
}
