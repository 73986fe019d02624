package org.digitocr.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

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

class BlasForwardPassTest {
  /** Built once ND4J is configured: some settings only take effect before it loads. */
  private static MultiLayerNetwork network;

  @BeforeAll
  static void nd4j() {
    Natives.configureNd4j();
    network = MlpFactory.build(List.of(64, 32), 0.2, 0.001, 5, 11);
  }

  /** Every other pixel is background in all digits, so the first layer uses half its rows. */
  @Test
  void readsAsDeeplearning4jDoesWithBackgroundPixels() {
    INDArray batch = RandomBatch.of(40).getFeatures();
    for (int pixel = 0; pixel < MnistSet.PIXELS; pixel += 2) {
      batch.getColumn(pixel).assign(0);
    }
    float[] actual = pass().probabilities(DigitClassifier.rowMajor(batch), 40);
    assertEquals(40 * 11, actual.length);
    assertArrayEquals(expected(batch), actual, 1e-6f);
  }

  /** Buffers sized for one batch serve smaller ones, grow for larger ones, and keep no rows. */
  @Test
  void batchesOfAnySizeInTurn() {
    BlasForwardPass pass = pass();
    for (int rows : new int[] {40, 7, 1, 100, 40}) {
      INDArray batch = RandomBatch.of(rows).getFeatures();
      batch.getColumn(rows % MnistSet.PIXELS).assign(0);
      assertArrayEquals(
          expected(batch), pass.probabilities(DigitClassifier.rowMajor(batch), rows), 1e-6f);
    }
  }

  /** A batch of blank crops reads as the biases alone say. */
  @Test
  void aBatchWithNoInkAtAll() {
    INDArray blank = RandomBatch.of(8).getFeatures().assign(0);
    assertArrayEquals(
        expected(blank), pass().probabilities(DigitClassifier.rowMajor(blank), 8), 1e-6f);
  }

  @Test
  void aCopyReadsAlikeOnBuffersOfItsOwn() {
    BlasForwardPass pass = pass();
    INDArray batch = RandomBatch.of(30).getFeatures();
    float[] pixels = DigitClassifier.rowMajor(batch);
    float[] before = pass.probabilities(pixels, 30);
    BlasForwardPass copy = pass.copy();
    copy.probabilities(DigitClassifier.rowMajor(RandomBatch.of(50).getFeatures()), 50);
    assertArrayEquals(before, pass.probabilities(pixels, 30));
    assertArrayEquals(before, copy.probabilities(pixels, 30));
  }

  /** The shipped model on real digits: the same probabilities to 1e-5 and the same answers. */
  @Test
  void readsTheShippedModelsTestDigitsAsOutputDoes() throws Exception {
    MultiLayerNetwork network = ModelStore.loadNetwork(ModelStore.defaultModel());
    INDArray digits = MnistFiles.test(MnistTestData.dir()).first(500).features();
    float[] expected = DigitClassifier.rowMajor(network.output(digits, false));
    float[] actual =
        BlasForwardPass.of(DenseWeights.of(network).orElseThrow())
            .probabilities(DigitClassifier.rowMajor(digits), 500);
    assertArrayEquals(expected, actual, 1e-5f);
    assertEquals(answers(expected), answers(actual));
  }

  /**
   * A batch read in parts, each on a thread of its own, reads as its parts read alone: each part
   * multiplies its own inked pixels, as a batch of its own does.
   */
  @Test
  void aBatchSplitIntoPartsReadsAsEachPartAlone() {
    INDArray batch = RandomBatch.of(100).getFeatures();
    float[] pixels = DigitClassifier.rowMajor(batch);
    int cores = Natives.batchThreads();
    try {
      Natives.setBatchThreads(3);
      float[] split = pass().probabilities(pixels, 100);
      Natives.setBatchThreads(1);
      BlasForwardPass alone = pass();
      float[] parts = new float[100 * 11];
      int[] bounds = {0, 33, 66, 100};
      for (int p = 0; p < 3; p++) {
        int rows = bounds[p + 1] - bounds[p];
        float[] part =
            alone.probabilities(
                Arrays.copyOfRange(
                    pixels, bounds[p] * MnistSet.PIXELS, bounds[p + 1] * MnistSet.PIXELS),
                rows);
        System.arraycopy(part, 0, parts, bounds[p] * 11, rows * 11);
      }
      assertArrayEquals(parts, split);
      assertArrayEquals(expected(batch), split, 1e-6f);
    } finally {
      Natives.setBatchThreads(cores);
    }
  }

  /** Parts of at least 32 rows, as many as the batch threads, none where OpenBLAS splits. */
  @Test
  void howManyPartsABatchIsReadIn() {
    int cores = Natives.batchThreads();
    try {
      Natives.setBatchThreads(2);
      assertEquals(1, BlasForwardPass.parts(1));
      assertEquals(1, BlasForwardPass.parts(63));
      assertEquals(2, BlasForwardPass.parts(64));
      assertEquals(2, BlasForwardPass.parts(256));
      Natives.setBatchThreads(3);
      assertEquals(2, BlasForwardPass.parts(95));
      assertEquals(3, BlasForwardPass.parts(96));
      Natives.setBlasThreads(2);
      assertEquals(1, BlasForwardPass.parts(256));
      Natives.setBlasThreads(1);
      Natives.setBatchThreads(1);
      assertEquals(1, BlasForwardPass.parts(256));
    } finally {
      Natives.setBlasThreads(1);
      Natives.setBatchThreads(cores);
    }
  }

  private static BlasForwardPass pass() {
    return BlasForwardPass.of(DenseWeights.of(network).orElseThrow());
  }

  private static float[] expected(INDArray batch) {
    return DigitClassifier.rowMajor(network.output(batch, false));
  }

  private static List<Integer> answers(float[] probabilities) {
    return Arrays.stream(Prediction.ofRows(probabilities, 10)).map(Prediction::digit).toList();
  }
}
