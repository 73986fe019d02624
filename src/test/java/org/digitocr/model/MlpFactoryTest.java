package org.digitocr.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.digitocr.runtime.Natives;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.factory.Nd4j;

class MlpFactoryTest {
  @BeforeAll
  static void natives() {
    Natives.configureNd4j();
  }

  @Test
  void tutorialMlpHasKerasParameterCount() {
    MultiLayerNetwork network = MlpFactory.build(List.of(512, 256), 0.2, 0.001, 9);
    assertEquals(535_818, network.numParams());
    assertEquals(784 * 512 + 512, network.getLayer(0).numParams());
    assertEquals(512 * 256 + 256, network.getLayer(1).numParams());
    assertEquals(256 * 10 + 10, network.getLayer(2).numParams());
  }

  @Test
  void outputsAreProbabilitiesOverTenClasses() {
    MultiLayerNetwork network = MlpFactory.build(List.of(32), 0.2, 0.001, 1);
    float[] sums = network.output(Nd4j.rand(5, 784)).sum(1).toFloatVector();
    assertArrayEquals(new float[] {1, 1, 1, 1, 1}, sums, 1e-5f);
  }
}
