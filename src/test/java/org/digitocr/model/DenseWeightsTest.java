package org.digitocr.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.params.DefaultParamInitializer;
import org.digitocr.runtime.Natives;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class DenseWeightsTest {
  @BeforeAll
  static void nd4j() {
    Natives.configureNd4j();
  }

  @Test
  void copiesEachLayersWeightsRowMajor() {
    MultiLayerNetwork network = MlpFactory.build(List.of(64, 32), 0.2, 0.001, 5, 11);
    DenseWeights weights = DenseWeights.of(network).orElseThrow();
    assertEquals(3, weights.layers());
    assertEquals(784, weights.inputs());
    assertEquals(11, weights.classes());
    assertEquals(64, weights.inputs(1));
    assertEquals(32, weights.outputs(1));
    float[] second = weights.weights(1);
    assertEquals(
        network.getLayer(1).getParam(DefaultParamInitializer.WEIGHT_KEY).getFloat(3, 7),
        second[3 * 32 + 7]);
    assertArrayEquals(
        network.getLayer(2).getParam(DefaultParamInitializer.BIAS_KEY).toFloatVector(),
        weights.biases(2));
  }

  @Test
  void leavesOtherNetworksToDeeplearning4j() {
    assertTrue(DenseWeights.of(CnnFactory.build(10, 0.2, 0.001, 1)).isEmpty());
  }

  @Test
  void softmaxReplacesOneRowsLogits() {
    float[] values = {9, 0, (float) Math.log(3), 9};
    DenseWeights.softmax(values, 1, 2);
    assertArrayEquals(new float[] {9, 0.25f, 0.75f, 9}, values, 1e-6f);
  }
}
