package org.digitocr.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.digitocr.mnist.MnistSet;
import org.digitocr.runtime.Natives;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.opencv.core.Core;
import org.opencv.core.CvType;
import org.opencv.core.Mat;

class NetworkClassifierTest {
  private static final DataSet BATCH = RandomBatch.of(40);

  @BeforeAll
  static void nd4j() {
    Natives.loadOpenCv();
    Natives.configureNd4j();
  }

  /** Small batches take the compact forward pass, large ones output(): the same answers. */
  @Test
  void smallAndLargeBatchesReadAlike() {
    DigitClassifier classifier = NetworkClassifier.forInference(mlp());
    INDArray all = BATCH.getFeatures();
    float[] large = DigitClassifier.rowMajor(classifier.probabilities(all));
    float[] small = new float[large.length];
    for (int from = 0; from < 40; from += 4) {
      INDArray rows = all.get(NDArrayIndex.interval(from, from + 4), NDArrayIndex.all());
      float[] part = DigitClassifier.rowMajor(classifier.probabilities(rows));
      System.arraycopy(part, 0, small, from * 10, part.length);
      assertEquals(digits(classifier.classify(rows)), digits(Prediction.ofRows(part, 10)));
    }
    assertArrayEquals(large, small, 1e-6f);
    assertArrayEquals(large, DigitClassifier.rowMajor(classifier.copy().probabilities(all)));
  }

  @Test
  void copiesKeepTheFasterLayers() {
    NetworkClassifier copy = (NetworkClassifier) NetworkClassifier.forInference(mlp()).copy();
    assertEquals(
        List.of(DenseSkippingRecompute.class, DenseSkippingRecompute.class),
        Arrays.stream(copy.network().getLayers()).limit(2).map(Object::getClass).toList());
  }

  /** The trainer's classifier scores each epoch on the weights of that epoch. */
  @Test
  void aTrainingNetworksClassifierReadsWithItsCurrentWeights() {
    MultiLayerNetwork network = mlp();
    NetworkClassifier classifier = new NetworkClassifier(network);
    INDArray digit = BATCH.getFeatures().getRows(0);
    float[] before = DigitClassifier.rowMajor(classifier.probabilities(digit));
    network.fit(BATCH);
    float[] after = DigitClassifier.rowMajor(classifier.probabilities(digit));
    assertNotEquals(before[0], after[0]);
    assertArrayEquals(DigitClassifier.rowMajor(network.output(digit, false)), after);
  }

  /** Scan's crops, 8-bit or float, reach the forward passes without an ND4J array: as output(). */
  @Test
  void cropsReadAsTheNetworkReadsTheirPixels() {
    MultiLayerNetwork network = mlp();
    DigitClassifier classifier = NetworkClassifier.forInference(network);
    for (int count : new int[] {3, 20}) {
      List<Mat> crops = new ArrayList<>();
      for (int i = 0; i < count; i++) {
        Mat crop = new Mat(MnistSet.SIDE, MnistSet.SIDE, i % 2 == 0 ? CvType.CV_8U : CvType.CV_32F);
        Core.randu(crop, 0, i % 2 == 0 ? 255 : 1);
        crops.add(crop);
      }
      float[] expected =
          DigitClassifier.rowMajor(network.output(DigitClassifier.toBatch(crops), false));
      Prediction[] read = classifier.classify(crops);
      assertEquals(count, read.length);
      for (int i = 0; i < count; i++) {
        assertArrayEquals(
            Arrays.copyOfRange(expected, i * 10, i * 10 + 10), read[i].probabilities(), 1e-6f);
      }
    }
  }

  @Test
  void rowMajorReadsViewsAndOtherLayouts() {
    INDArray matrix = Nd4j.arange(0, 24).castTo(DataType.FLOAT).reshape('c', 4, 6);
    assertArrayEquals(
        new float[] {12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23},
        DigitClassifier.rowMajor(matrix.get(NDArrayIndex.interval(2, 4), NDArrayIndex.all())));
    assertArrayEquals(
        new float[] {1, 2, 7, 8},
        DigitClassifier.rowMajor(
            matrix.get(NDArrayIndex.interval(0, 2), NDArrayIndex.interval(1, 3))));
    assertArrayEquals(
        new float[] {0, 6, 12, 18, 1, 7, 13, 19},
        DigitClassifier.rowMajor(matrix.transpose().castTo(DataType.DOUBLE).getRows(0, 1)));
  }

  private static MultiLayerNetwork mlp() {
    return MlpFactory.build(List.of(64, 32), 0.2, 0.001, 7);
  }

  private static List<Integer> digits(Prediction[] predictions) {
    return Arrays.stream(predictions).map(Prediction::digit).toList();
  }
}
