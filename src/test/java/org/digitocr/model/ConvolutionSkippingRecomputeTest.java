package org.digitocr.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.digitocr.runtime.Natives;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;

class ConvolutionSkippingRecomputeTest {
  private static final DataSet BATCH = RandomBatch.of(16);

  @BeforeAll
  static void nd4j() {
    Natives.configureNd4j();
  }

  @Test
  void replacesEveryConvolutionOfTheCnn() {
    MultiLayerNetwork network = ConvolutionSkippingRecompute.install(cnn());
    long swapped =
        Arrays.stream(network.getLayers())
            .filter(l -> l instanceof ConvolutionSkippingRecompute)
            .count();
    assertEquals(3, swapped);
  }

  @Test
  void trainsExactlyAsDeeplearning4jsOwnLayer() {
    MultiLayerNetwork own = cnn();
    MultiLayerNetwork skipping = ConvolutionSkippingRecompute.install(cnn());
    for (int step = 0; step < 3; step++) {
      own.fit(BATCH);
      skipping.fit(BATCH);
    }
    assertArrayEquals(own.params().toFloatVector(), skipping.params().toFloatVector());
  }

  /** Installed after training began, the layer takes over the gradient arrays as well. */
  @Test
  void takesOverANetworkThatHasTrained() {
    MultiLayerNetwork own = cnn();
    MultiLayerNetwork skipping = cnn();
    own.fit(BATCH);
    skipping.fit(BATCH);
    ConvolutionSkippingRecompute.install(skipping);
    for (int step = 0; step < 2; step++) {
      own.fit(BATCH);
      skipping.fit(BATCH);
    }
    assertArrayEquals(own.params().toFloatVector(), skipping.params().toFloatVector());
  }

  @Test
  void readsExactlyAsBefore() {
    MultiLayerNetwork network = cnn();
    INDArray digits = BATCH.getFeatures();
    float[] before = network.output(digits, false).ravel().toFloatVector();
    ConvolutionSkippingRecompute.install(network);
    assertArrayEquals(before, network.output(digits, false).ravel().toFloatVector());
  }

  private static MultiLayerNetwork cnn() {
    return CnnFactory.build(10, 0, 0.001, 5);
  }
}
