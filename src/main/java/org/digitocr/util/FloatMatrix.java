package org.digitocr.util;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** ND4J matrices made from Java arrays. */
public final class FloatMatrix {
  private FloatMatrix() {}

  /**
   * A {@code rows x columns} float matrix holding {@code values} row after row, copied in one bulk
   * copy. {@code Nd4j.create(float[], ...)} copies element by element: 220–270 ms for MNIST's 47
   * million training pixels against 15 ms.
   */
  public static INDArray ofRows(float[] values, long rows, long columns) {
    if (values.length != rows * columns) {
      throw new IllegalArgumentException(
          values.length + " values for a " + rows + " x " + columns + " matrix");
    }
    INDArray matrix = Nd4j.createUninitialized(DataType.FLOAT, new long[] {rows, columns}, 'c');
    matrix.data().asNioFloat().put(values);
    return matrix;
  }
}
