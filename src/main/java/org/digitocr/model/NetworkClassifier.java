package org.digitocr.model;

import java.util.List;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.digitocr.mnist.MnistSet;
import org.digitocr.util.FloatMatrix;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.opencv.core.Mat;

/** A {@link DigitClassifier} backed by a deeplearning4j network. */
public final class NetworkClassifier implements DigitClassifier {
  private final MultiLayerNetwork network;

  /** Null while the network trains, or when it is not an MLP; so are the two passes. */
  private final DenseWeights weights;

  private final SmallBatchForwardPass smallBatches;
  private final BlasForwardPass largeBatches;
  private float[] pixels = new float[0];

  /**
   * For a network that is still training: every batch goes through {@code output()}, on the weights
   * as they are at the time.
   *
   * <p>Its layers are swapped for ones that compute the same, faster: {@link PlainMaxPooling},
   * {@link ConvolutionSkippingRecompute} and {@link DenseSkippingRecompute}; its batch-norm layers
   * train with {@link NchwBatchNormHelper}.
   */
  public NetworkClassifier(MultiLayerNetwork network) {
    this(withFasterLayers(network), null, null);
  }

  private NetworkClassifier(
      MultiLayerNetwork network, DenseWeights weights, BlasForwardPass largeBatches) {
    this.network = network;
    this.weights = weights;
    this.smallBatches = weights == null ? null : new SmallBatchForwardPass(weights);
    this.largeBatches = largeBatches;
  }

  /**
   * For a network whose weights no longer change (a model loaded to read digits): an MLP reads
   * without {@code output()}, on a copy of its weights, batches of up to {@link
   * SmallBatchForwardPass#MAX_ROWS} digits through {@link SmallBatchForwardPass}, larger ones
   * through {@link BlasForwardPass}.
   */
  public static NetworkClassifier forInference(MultiLayerNetwork network) {
    MultiLayerNetwork faster = withFasterLayers(network);
    DenseWeights weights = DenseWeights.of(faster).orElse(null);
    return new NetworkClassifier(
        faster, weights, weights == null ? null : BlasForwardPass.of(weights));
  }

  private static MultiLayerNetwork withFasterLayers(MultiLayerNetwork network) {
    return NchwBatchNormHelper.install(
        DenseSkippingRecompute.install(
            ConvolutionSkippingRecompute.install(PlainMaxPooling.install(network))));
  }

  public MultiLayerNetwork network() {
    return network;
  }

  @Override
  public INDArray probabilities(INDArray batch) {
    if (!readsHere(batch)) {
      return network.output(batch, false);
    }
    return FloatMatrix.ofRows(probabilitiesHere(batch), batch.rows(), weights.classes());
  }

  /** As {@link DigitClassifier#classify(INDArray)}, without an ND4J array around the answers. */
  @Override
  public Prediction[] classify(INDArray batch) {
    if (!readsHere(batch)) {
      return DigitClassifier.super.classify(batch);
    }
    return Prediction.ofRows(probabilitiesHere(batch), weights.classes());
  }

  /** As {@link DigitClassifier#classify(List)}, without an ND4J array around the crops either. */
  @Override
  public Prediction[] classify(List<Mat> digits) {
    if (weights == null || weights.inputs() != MnistSet.PIXELS || digits.isEmpty()) {
      return DigitClassifier.super.classify(digits);
    }
    return Prediction.ofRows(
        probabilitiesHere(DigitClassifier.pixels(digits), digits.size()), weights.classes());
  }

  private boolean readsHere(INDArray batch) {
    return weights != null && batch.rank() == 2 && batch.columns() == weights.inputs();
  }

  private float[] probabilitiesHere(INDArray batch) {
    pixels = DigitClassifier.rowMajor(batch, pixels);
    return probabilitiesHere(pixels, Math.toIntExact(batch.rows()));
  }

  private float[] probabilitiesHere(float[] pixels, int rows) {
    return rows <= SmallBatchForwardPass.MAX_ROWS
        ? smallBatches.probabilities(pixels, rows)
        : largeBatches.probabilities(pixels, rows);
  }

  @Override
  public DigitClassifier copy() {
    return new NetworkClassifier(
        withFasterLayers(network.clone()),
        weights,
        largeBatches == null ? null : largeBatches.copy());
  }
}
