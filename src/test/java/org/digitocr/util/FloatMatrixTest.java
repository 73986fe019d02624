package org.digitocr.util;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.digitocr.runtime.Natives;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

class FloatMatrixTest {
  @BeforeAll
  static void nd4j() {
    Natives.configureNd4j();
  }

  @Test
  void holdsTheValuesRowAfterRow() {
    float[] values = {1, 2, 3, 4, 5, 6};
    INDArray matrix = FloatMatrix.ofRows(values, 2, 3);
    assertEquals(Nd4j.create(values, new long[] {2, 3}, 'c'), matrix);
    assertEquals(6f, matrix.getFloat(1, 2));
    assertEquals('c', matrix.ordering());
  }

  @Test
  void refusesAShapeThatDoesNotFit() {
    assertThrows(IllegalArgumentException.class, () -> FloatMatrix.ofRows(new float[5], 2, 3));
  }
}
