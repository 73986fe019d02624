package org.digitocr.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.digitocr.model.CnnFactory;
import org.digitocr.model.MlpFactory;
import org.digitocr.runtime.Natives;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.indexing.NDArrayIndex;

class WarmStartTest {
  @BeforeAll
  static void nd4j() {
    Natives.configureNd4j();
  }

  @Test
  void elevenClassNetworkKeepsTheTenTrainedClassesAndItsFreshEleventh() {
    MultiLayerNetwork trained = MlpFactory.build(List.of(16), 0, 0.001, 1, 10);
    MultiLayerNetwork fresh = MlpFactory.build(List.of(16), 0, 0.001, 2, 11);
    INDArray freshEleventh = fresh.getLayer(1).getParam("W").getColumn(10).dup();

    WarmStart.copyWeights(trained, fresh);

    assertEquals(trained.getLayer(0).params(), fresh.getLayer(0).params());
    INDArray weights = fresh.getLayer(1).getParam("W");
    assertEquals(
        trained.getLayer(1).getParam("W"),
        weights.get(NDArrayIndex.all(), NDArrayIndex.interval(0, 10)));
    assertEquals(freshEleventh, weights.getColumn(10));
    assertNotEquals(trained.params(), fresh.params());
  }

  @Test
  void aCnnGrowsAClassThroughItsPoolingLayers() {
    MultiLayerNetwork trained = CnnFactory.build(10, 0, 0.001, 1);
    MultiLayerNetwork fresh = CnnFactory.build(11, 0, 0.001, 2);

    WarmStart.copyWeights(trained, fresh);

    int output = fresh.getnLayers() - 1;
    for (int i = 0; i < output; i++) {
      assertEquals(trained.getLayer(i).numParams(), fresh.getLayer(i).numParams());
      if (fresh.getLayer(i).numParams() > 0) {
        assertEquals(trained.getLayer(i).params(), fresh.getLayer(i).params(), "layer " + i);
      }
    }
    assertEquals(
        trained.getLayer(output).getParam("W"),
        fresh.getLayer(output).getParam("W").get(NDArrayIndex.all(), NDArrayIndex.interval(0, 10)));
  }

  @Test
  void differentLayersAreRefused() {
    MultiLayerNetwork trained = MlpFactory.build(List.of(16), 0, 0.001, 1, 10);
    MultiLayerNetwork wider = MlpFactory.build(List.of(32), 0, 0.001, 1, 10);
    MultiLayerNetwork deeper = MlpFactory.build(List.of(16, 16), 0, 0.001, 1, 10);
    assertThrows(IllegalArgumentException.class, () -> WarmStart.copyWeights(trained, wider));
    assertThrows(IllegalArgumentException.class, () -> WarmStart.copyWeights(trained, deeper));
  }
}
