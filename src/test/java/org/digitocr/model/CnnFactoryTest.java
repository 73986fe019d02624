package org.digitocr.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.List;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.digitocr.mnist.MnistFiles;
import org.digitocr.mnist.MnistSet;
import org.digitocr.mnist.MnistTestData;
import org.digitocr.runtime.Natives;
import org.digitocr.train.EpochStats;
import org.digitocr.train.Trainer;
import org.digitocr.train.TrainingConfig;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class CnnFactoryTest {
  @BeforeAll
  static void nd4j() {
    Natives.configureNd4j();
  }

  @Test
  void parameterCountMatchesTheDesign() {
    long conv = 1 * 32 * 9 + 32 * 64 * 9 + 64 * 128 * 9; // 3x3 kernels, no bias
    long batchNorm = 4 * (32 + 64 + 128); // gamma, beta, running mean and variance
    long dense = 4 * 4 * 128 * 128 + 128; // 28 → 14 → 7 → 4 (pooling keeps the odd edge)
    long output = 128 * 10 + 10;
    assertEquals(356_906, conv + batchNorm + dense + output);
    assertEquals(356_906, CnnFactory.build(10, 0.2, 0.001, 1).numParams());
    assertEquals(356_906 + 129, CnnFactory.build(11, 0.2, 0.001, 1).numParams());
  }

  @Test
  void takesFlatRowsLikeTheMlp() {
    MultiLayerNetwork network = CnnFactory.build(10, 0.2, 0.001, 1);
    var out = network.output(org.nd4j.linalg.factory.Nd4j.rand(3, MnistSet.PIXELS));
    assertEquals(3, out.rows());
    assertEquals(10, out.columns());
    assertEquals(1.0, out.getRow(0).sumNumber().doubleValue(), 1e-5);
  }

  @Test
  void convolutionPoolingAndBatchNormRunOnOneDnn() {
    MultiLayerNetwork network = CnnFactory.build(10, 0.2, 0.001, 1);
    network.output(org.nd4j.linalg.factory.Nd4j.rand(2, MnistSet.PIXELS));
    List<String> helpers =
        java.util.Arrays.stream(network.getLayers())
            .filter(layer -> !(layer instanceof org.deeplearning4j.nn.layers.BaseOutputLayer<?>))
            .filter(
                layer ->
                    !(layer instanceof org.deeplearning4j.nn.layers.feedforward.dense.DenseLayer))
            .map(
                layer ->
                    layer.getHelper() == null
                        ? "none"
                        : layer.getHelper().getClass().getSimpleName())
            .toList();
    assertEquals(
        List.of(
            "MKLDNNConvHelper",
            "MKLDNNBatchNormHelper",
            "MKLDNNSubsamplingHelper",
            "MKLDNNConvHelper",
            "MKLDNNBatchNormHelper",
            "MKLDNNSubsamplingHelper",
            "MKLDNNConvHelper",
            "MKLDNNBatchNormHelper",
            "MKLDNNSubsamplingHelper"),
        helpers);
  }

  @Test
  void shortTrainingRunBeatsChance() throws IOException {
    MnistSet train = MnistFiles.train(MnistTestData.dir()).first(1000);
    MnistSet test = MnistFiles.test(MnistTestData.dir()).first(300);
    TrainingConfig config =
        new TrainingConfig(1, 25, 1000, 300, 9, List.of(), 0.2, 0.002)
            .withArchitecture(TrainingConfig.CNN);
    Trainer.Result result =
        new Trainer()
            .train(
                Trainer.newNetwork(config),
                train,
                test,
                config,
                org.digitocr.train.TrainingListener.SILENT);
    EpochStats epoch = result.history().get(0);
    // chance is 10%; one pass over 1,000 digits reached 77% here
    assertTrue(epoch.testAccuracy() > 0.5, "accuracy " + epoch.testAccuracy());
    assertEquals(
        1,
        org.digitocr.runtime.Natives.elementwiseThreads(),
        "the CNN's extra OpenMP threads end with its training");
  }
}
