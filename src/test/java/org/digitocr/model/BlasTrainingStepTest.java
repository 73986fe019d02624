package org.digitocr.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.digitocr.mnist.MnistSet;
import org.digitocr.runtime.Natives;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.lossfunctions.LossFunctions;

class BlasTrainingStepTest {
  @BeforeAll
  static void nd4j() {
    Natives.configureNd4j();
  }

  /**
   * Without dropout nothing random remains: after several steps the parameters, Adam's moments and
   * the iteration count are fit's, to float rounding (the products sum in another order), also when
   * the learning rate changes on the way (the trainer's schedules).
   */
  @Test
  void leavesTheNetworkAsFitDoes() {
    DataSet batch = RandomBatch.of(50, 3);
    MultiLayerNetwork byFit = MlpFactory.build(List.of(64, 32), 0, 1e-3, 7);
    MultiLayerNetwork byStep = byFit.clone();
    try (BlasTrainingStep step = new BlasTrainingStep(byStep, 1)) {
      for (int i = 0; i < 5; i++) {
        if (i == 3) {
          byFit.setLearningRate(3e-4);
          byStep.setLearningRate(3e-4);
        }
        byFit.fit(batch);
        step.fit(batch.getFeatures(), batch.getLabels());
      }
    }
    assertEquals(5, byStep.getIterationCount());
    assertEquals(byFit.getIterationCount(), byStep.getIterationCount());
    assertClose(byFit.params(), byStep.params(), 1e-6);
    assertClose(
        byFit.getUpdater().getStateViewArray(), byStep.getUpdater().getStateViewArray(), 1e-6);
    assertClose(byFit.output(batch.getFeatures()), byStep.output(batch.getFeatures()), 1e-5);
  }

  /** A batch that is a view into a larger array (the trainer's shuffled copy) is read in place. */
  @Test
  void readsBatchesThatAreRowsOfALargerArray() {
    DataSet whole = RandomBatch.of(30, 4);
    INDArray rows = whole.getFeatures().get(NDArrayIndex.interval(10, 30), NDArrayIndex.all());
    INDArray labels = whole.getLabels().get(NDArrayIndex.interval(10, 30), NDArrayIndex.all());
    MultiLayerNetwork byFit = MlpFactory.build(List.of(16), 0, 1e-3, 2);
    MultiLayerNetwork byStep = byFit.clone();
    byFit.fit(new DataSet(rows.dup(), labels.dup()));
    try (BlasTrainingStep step = new BlasTrainingStep(byStep, 1)) {
      step.fit(rows, labels);
    }
    assertClose(byFit.params(), byStep.params(), 1e-6);
  }

  /**
   * Dropout keeps each hidden output with the configured probability: after one step on one digit,
   * the output layer's weights from a hidden unit moved only if the unit was alive (ReLU above 0)
   * and kept.
   */
  @Test
  void dropsHiddenOutputsWithTheConfiguredRate() {
    DataSet digit = RandomBatch.of(1, 5);
    int alive = movedOutputWeightRows(MlpFactory.build(List.of(1024), 0, 1e-3, 3), digit);
    int aliveAndKept = movedOutputWeightRows(MlpFactory.build(List.of(1024), 0.5, 1e-3, 3), digit);
    assertTrue(alive > 300, alive + " hidden units alive");
    double kept = (double) aliveAndKept / alive;
    assertTrue(kept > 0.4 && kept < 0.6, "kept " + kept + " of the live units, expected 0.5");
  }

  private static int movedOutputWeightRows(MultiLayerNetwork network, DataSet digit) {
    INDArray before = network.getLayer(1).getParam("W").dup();
    try (BlasTrainingStep step = new BlasTrainingStep(network, 11)) {
      step.fit(digit.getFeatures(), digit.getLabels());
    }
    INDArray moved = network.getLayer(1).getParam("W").sub(before);
    int rows = 0;
    for (int unit = 0; unit < moved.rows(); unit++) {
      if (moved.getRow(unit).amaxNumber().doubleValue() > 0) {
        rows++;
      }
    }
    return rows;
  }

  /** The step reads native memory: a batch of the wrong shape is refused, not read past. */
  @Test
  void refusesBatchesOfAnotherShape() {
    DataSet batch = RandomBatch.of(4, 6);
    try (BlasTrainingStep step =
        new BlasTrainingStep(MlpFactory.build(List.of(8), 0, 1e-3, 1), 1)) {
      INDArray fewerPixels =
          batch.getFeatures().get(NDArrayIndex.all(), NDArrayIndex.interval(0, 100));
      assertThrows(IllegalArgumentException.class, () -> step.fit(fewerPixels, batch.getLabels()));
      INDArray fewerLabels = batch.getLabels().get(NDArrayIndex.interval(0, 2), NDArrayIndex.all());
      assertThrows(
          IllegalArgumentException.class, () -> step.fit(batch.getFeatures(), fewerLabels));
    }
  }

  @Test
  void takesTheTutorialsNetworksAndNoOthers() {
    assertTrue(BlasTrainingStep.supports(MlpFactory.build(List.of(512, 256), 0.2, 1e-3, 9)));
    assertTrue(BlasTrainingStep.supports(MlpFactory.build(List.of(100), 0, 1e-3, 9, 11)));
    assertFalse(BlasTrainingStep.supports(CnnFactory.build(10, 0.2, 0.001, 1)));
    assertFalse(BlasTrainingStep.supports(withL2()));
    assertThrows(IllegalArgumentException.class, () -> new BlasTrainingStep(withL2(), 1));
  }

  private static MultiLayerNetwork withL2() {
    MultiLayerNetwork network =
        new MultiLayerNetwork(
            new NeuralNetConfiguration.Builder()
                .updater(new Adam(1e-3))
                .l2(1e-4)
                .list()
                .layer(
                    new DenseLayer.Builder()
                        .nIn(MnistSet.PIXELS)
                        .nOut(8)
                        .activation(Activation.RELU)
                        .build())
                .layer(
                    new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT)
                        .nIn(8)
                        .nOut(10)
                        .activation(Activation.SOFTMAX)
                        .build())
                .build());
    network.init();
    return network;
  }

  private static void assertClose(INDArray expected, INDArray actual, double tolerance) {
    assertEquals(expected.length(), actual.length());
    double largest = Math.abs(expected.sub(actual).maxNumber().doubleValue());
    largest = Math.max(largest, Math.abs(expected.sub(actual).minNumber().doubleValue()));
    assertTrue(largest <= tolerance, "largest difference " + largest);
  }
}
