package org.digitocr.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Random;
import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
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

  /**
   * Layer by layer, on inputs full of ties (values 0, 1 and 2): the same outputs, and each window's
   * gradient goes to the same input, for the 28- and the odd 7-pixel planes ("same" padding).
   */
  @Test
  void poolsAndRoutesGradientsAsDeeplearning4jsOwnLayer() {
    MultiLayerNetwork own = CnnFactory.build(10, 0, 0.001, 1);
    MultiLayerNetwork plain = PlainMaxPooling.install(CnnFactory.build(10, 0, 0.001, 1));
    Random random = new Random(3);
    for (int index : new int[] {2, 8}) {
      Layer ownLayer = own.getLayer(index);
      Layer plainLayer = plain.getLayer(index);
      assertTrue(plainLayer instanceof PlainMaxPooling);
      long[] shape = index == 2 ? new long[] {3, 32, 28, 28} : new long[] {2, 128, 7, 7};
      INDArray input = Nd4j.createUninitialized(DataType.FLOAT, shape);
      for (long i = 0; i < input.length(); i++) {
        input.putScalar(i, random.nextInt(3));
      }
      LayerWorkspaceMgr noWorkspaces = LayerWorkspaceMgr.noWorkspaces();
      ownLayer.setInput(input, noWorkspaces);
      plainLayer.setInput(input, noWorkspaces);
      INDArray ownOutput = ownLayer.activate(true, noWorkspaces);
      assertEquals(ownOutput, plainLayer.activate(true, noWorkspaces));
      INDArray epsilon = Nd4j.rand(DataType.FLOAT, ownOutput.shape());
      assertEquals(
          ownLayer.backpropGradient(epsilon, noWorkspaces).getSecond(),
          plainLayer.backpropGradient(epsilon, noWorkspaces).getSecond());
    }
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
