package org.digitocr.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.List;
import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.gradient.Gradient;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.digitocr.runtime.Natives;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;

class DenseSkippingRecomputeTest {
  private static final DataSet BATCH = RandomBatch.of(32);

  @BeforeAll
  static void nd4j() {
    Natives.configureNd4j();
  }

  @Test
  void replacesTheHiddenLayersOfTheMlpAndTheCnn() {
    assertEquals(2, swapped(DenseSkippingRecompute.install(mlp(0))));
    assertEquals(1, swapped(DenseSkippingRecompute.install(CnnFactory.build(10, 0.2, 0.001, 1))));
  }

  /** With dropout too: each network trains from the same random state. */
  @Test
  void trainsExactlyAsDeeplearning4jsOwnLayer() {
    float[] own = trained(mlp(0.2));
    float[] skipping = trained(DenseSkippingRecompute.install(mlp(0.2)));
    assertArrayEquals(own, skipping);
  }

  /** The CNN's dense layer has dropout on its input, and a layer below it. */
  @Test
  void trainsTheCnnExactlyAsDeeplearning4jsOwnLayer() {
    float[] own = trained(CnnFactory.build(10, 0.2, 0.001, 1));
    float[] skipping = trained(DenseSkippingRecompute.install(CnnFactory.build(10, 0.2, 0.001, 1)));
    assertArrayEquals(own, skipping);
  }

  /** MultiLayerNetwork drops the first layer's input gradient: that layer does not compute it. */
  @Test
  void onlyTheFirstLayerLeavesOutItsInputGradient() {
    MultiLayerNetwork network = DenseSkippingRecompute.install(mlp(0.2));
    network.fit(BATCH); // hands the layers their gradient arrays
    LayerWorkspaceMgr noWorkspaces = LayerWorkspaceMgr.noWorkspaces();
    INDArray input = BATCH.getFeatures();
    for (int layer = 0; layer < 2; layer++) {
      Layer dense = network.getLayer(layer);
      dense.setInput(input, noWorkspaces);
      INDArray output = dense.activate(true, noWorkspaces);
      Pair<Gradient, INDArray> gradients =
          dense.backpropGradient(Nd4j.onesLike(output), noWorkspaces);
      assertEquals(
          List.of("b", "W"), List.copyOf(gradients.getFirst().gradientForVariable().keySet()));
      assertEquals(layer == 0, gradients.getSecond() == null);
      input = output;
    }
  }

  @Test
  void readsExactlyAsBefore() {
    MultiLayerNetwork network = mlp(0.2);
    float[] before = network.output(BATCH.getFeatures(), false).ravel().toFloatVector();
    DenseSkippingRecompute.install(network);
    assertArrayEquals(before, network.output(BATCH.getFeatures(), false).ravel().toFloatVector());
  }

  private static MultiLayerNetwork mlp(double dropout) {
    return MlpFactory.build(List.of(64, 32), dropout, 0.001, 3);
  }

  private static long swapped(MultiLayerNetwork network) {
    return Arrays.stream(network.getLayers())
        .filter(l -> l instanceof DenseSkippingRecompute)
        .count();
  }

  private static float[] trained(MultiLayerNetwork network) {
    Nd4j.getRandom().setSeed(11);
    for (int step = 0; step < 4; step++) {
      network.fit(BATCH);
    }
    return network.params().toFloatVector();
  }
}
