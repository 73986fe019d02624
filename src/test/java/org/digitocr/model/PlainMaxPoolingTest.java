package org.digitocr.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.digitocr.mnist.MnistSet;
import org.digitocr.runtime.Natives;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;

class PlainMaxPoolingTest {
  @BeforeAll
  static void nd4j() {
    Natives.configureNd4j();
  }

  @Test
  void replacesEveryMaxPoolingLayerOfTheCnn() {
    MultiLayerNetwork network = PlainMaxPooling.install(CnnFactory.build(10, 0.2, 0.001, 1));
    long swapped =
        Arrays.stream(network.getLayers()).filter(l -> l instanceof PlainMaxPooling).count();
    assertEquals(3, swapped);
  }

  @Test
  void readsExactlyWhatDeeplearning4jsOwnLayerReads() {
    MultiLayerNetwork network = CnnFactory.build(10, 0.2, 0.001, 1);
    INDArray digits = Nd4j.rand(DataType.FLOAT, 7, MnistSet.PIXELS);
    INDArray before = network.output(digits, false).dup();
    PlainMaxPooling.install(network);
    assertEquals(before, network.output(digits, false));
  }

  @Test
  void trainsExactlyAsDeeplearning4jsOwnLayerTrains() {
    MultiLayerNetwork plain = PlainMaxPooling.install(CnnFactory.build(10, 0, 0.001, 5));
    MultiLayerNetwork own = CnnFactory.build(10, 0, 0.001, 5);
    DataSet batch = RandomBatch.of(16);
    for (int step = 0; step < 3; step++) {
      plain.fit(batch);
      own.fit(batch);
    }
    assertEquals(own.params(), plain.params());
  }
}
