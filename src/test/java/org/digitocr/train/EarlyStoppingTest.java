package org.digitocr.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.digitocr.model.MlpFactory;
import org.digitocr.runtime.Natives;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;

class EarlyStoppingTest {
  private static MultiLayerNetwork network;

  @BeforeAll
  static void tinyNetwork() {
    Natives.configureNd4j();
    network = MlpFactory.build(List.of(4), 0, 0.001, 1);
  }

  @Test
  void stopsAfterPatienceEpochsWithoutImprovementAndRestoresTheBest() {
    EarlyStopping stopping = new EarlyStopping(3);
    double[] losses = {1.0, 0.8, 0.9, 0.85, 0.95, 0.5};
    INDArray atBest = null;
    int stoppedAt = 0;
    for (int epoch = 1; epoch <= losses.length; epoch++) {
      network.params().addi(1); // training moves the weights
      if (epoch == 2) {
        atBest = network.params().dup();
      }
      if (stopping.shouldStop(epoch, losses[epoch - 1], network)) {
        stoppedAt = epoch;
        break;
      }
    }
    assertEquals(5, stoppedAt, "three epochs after the best (2) without a lower loss");
    assertEquals(2, stopping.bestEpoch());
    stopping.restoreBest(network);
    assertEquals(atBest, network.params());
  }

  @Test
  void patienceZeroRunsEveryEpochAndKeepsTheLast() {
    EarlyStopping stopping = new EarlyStopping(0);
    for (int epoch = 1; epoch <= 20; epoch++) {
      assertFalse(stopping.shouldStop(epoch, epoch, network));
    }
    INDArray last = network.params().dup();
    stopping.restoreBest(network);
    assertEquals(last, network.params());
    assertEquals(0, stopping.bestEpoch());
  }

  @Test
  void improvementResetsThePatience() {
    EarlyStopping stopping = new EarlyStopping(2);
    assertFalse(stopping.shouldStop(1, 1.0, network));
    assertFalse(stopping.shouldStop(2, 1.1, network));
    assertFalse(stopping.shouldStop(3, 0.9, network));
    assertFalse(stopping.shouldStop(4, 1.0, network));
    assertTrue(stopping.shouldStop(5, 1.0, network));
  }
}
