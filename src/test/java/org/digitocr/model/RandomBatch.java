package org.digitocr.model;

import java.util.Random;
import org.digitocr.mnist.MnistSet;
import org.digitocr.runtime.Natives;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;

/** A training batch of random images, labelled 0, 1, ..., 9, 0, 1, ... for the layer tests. */
final class RandomBatch {
  private RandomBatch() {}

  static DataSet of(int digits) {
    Natives.configureNd4j();
    return new DataSet(Nd4j.rand(DataType.FLOAT, digits, MnistSet.PIXELS), labels(digits));
  }

  /** The same images on every run ({@link #of(int)}'s come from ND4J's unseeded generator). */
  static DataSet of(int digits, long seed) {
    Natives.configureNd4j();
    Random random = new Random(seed);
    float[] pixels = new float[digits * MnistSet.PIXELS];
    for (int i = 0; i < pixels.length; i++) {
      pixels[i] = random.nextFloat();
    }
    return new DataSet(
        Nd4j.create(pixels, new long[] {digits, MnistSet.PIXELS}, 'c'), labels(digits));
  }

  private static INDArray labels(int digits) {
    INDArray labels = Nd4j.zeros(DataType.FLOAT, digits, MnistSet.CLASSES);
    for (int i = 0; i < digits; i++) {
      labels.putScalar(i, i % MnistSet.CLASSES, 1);
    }
    return labels;
  }
}
