package org.digitocr.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.digitocr.mnist.MnistFiles;
import org.digitocr.mnist.MnistSet;
import org.digitocr.mnist.MnistTestData;
import org.digitocr.runtime.Natives;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;

class SmallBatchForwardPassTest {
  @BeforeAll
  static void nd4j() {
    Natives.configureNd4j();
  }

  @Test
  void readsAsDeeplearning4jDoesWithBackgroundPixels() {
    MultiLayerNetwork network = MlpFactory.build(List.of(64, 32), 0.2, 0.001, 5, 11);
    INDArray batch = RandomBatch.of(6).getFeatures();
    for (int pixel = 0; pixel < MnistSet.PIXELS; pixel += 2) {
      batch.getColumn(pixel).assign(0);
    }
    float[] expected = DigitClassifier.rowMajor(network.output(batch, false));
    float[] actual =
        new SmallBatchForwardPass(DenseWeights.of(network).orElseThrow())
            .probabilities(DigitClassifier.rowMajor(batch), 6);
    assertEquals(6 * 11, actual.length);
    assertArrayEquals(expected, actual, 1e-6f);
  }

  /** The shipped model on real digits: the same probabilities to 1e-5 and the same answers. */
  @Test
  void readsTheShippedModelsTestDigitsAsOutputDoes() throws Exception {
    Path model = ModelStore.defaultModel();
    MultiLayerNetwork network = ModelStore.loadNetwork(model);
    INDArray digits = MnistFiles.test(MnistTestData.dir()).first(500).features();
    float[] expected = DigitClassifier.rowMajor(network.output(digits, false));
    float[] actual =
        new SmallBatchForwardPass(DenseWeights.of(network).orElseThrow())
            .probabilities(DigitClassifier.rowMajor(digits), 500);
    assertArrayEquals(expected, actual, 1e-5f);
    assertEquals(
        Arrays.stream(Prediction.ofRows(expected, 10)).map(Prediction::digit).toList(),
        Arrays.stream(Prediction.ofRows(actual, 10)).map(Prediction::digit).toList());
  }
}
