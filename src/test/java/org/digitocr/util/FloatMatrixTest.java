package org.digitocr.util;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.FloatBuffer;
import org.digitocr.runtime.Natives;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

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

  /** A range of rows is read in place from its first element; writes reach the array. */
  @Test
  void readsAndWritesARangeOfRowsInPlace() {
    INDArray matrix = FloatMatrix.ofRows(new float[] {1, 2, 3, 4, 5, 6, 7, 8, 9}, 3, 3);
    INDArray lastRows = matrix.get(NDArrayIndex.interval(1, 3), NDArrayIndex.all());
    FloatBuffer elements = FloatMatrix.elements(lastRows).asBuffer();
    assertEquals(6, elements.capacity());
    assertEquals(4f, elements.get(0));
    elements.put(5, -9f);
    assertEquals(-9f, matrix.getFloat(2, 2));
  }

  @Test
  void refusesElementsThatAreNotContiguous() {
    INDArray matrix = FloatMatrix.ofRows(new float[] {1, 2, 3, 4, 5, 6}, 2, 3);
    INDArray firstColumn = matrix.get(NDArrayIndex.all(), NDArrayIndex.point(0));
    assertFalse(FloatMatrix.isContiguous(firstColumn));
    assertThrows(IllegalArgumentException.class, () -> FloatMatrix.elements(firstColumn));
    assertThrows(IllegalArgumentException.class, () -> FloatMatrix.elements(matrix.transpose()));
  }
}
