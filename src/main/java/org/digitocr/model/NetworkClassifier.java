package org.digitocr.model;

import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** A {@link DigitClassifier} backed by a deeplearning4j network. */
public final class NetworkClassifier implements DigitClassifier {
  private final MultiLayerNetwork network;

  /** Null while the network trains, or when it is not an MLP. */
  private final SmallBatchForwardPass smallBatches;

  /**
   * For a network that is still training: every batch goes through {@code output()}, on the weights
   * as they are at the time.
   *
   * <p>Its layers are swapped for ones that compute the same, faster: {@link PlainMaxPooling},
   * {@link ConvolutionSkippingRecompute} and {@link DenseSkippingRecompute}; its batch-norm layers
   * train with {@link NchwBatchNormHelper}.
   */
  public NetworkClassifier(MultiLayerNetwork network) {
    this(withFasterLayers(network), null);
  }

  private NetworkClassifier(MultiLayerNetwork network, SmallBatchForwardPass smallBatches) {
    this.network = network;
    this.smallBatches = smallBatches;
  }

  /**
   * For a network whose weights no longer change (a model loaded to read digits): an MLP reads
   * batches of up to {@link SmallBatchForwardPass#MAX_ROWS} digits through {@link
   * SmallBatchForwardPass}, on a copy of its weights.
   */
  public static NetworkClassifier forInference(MultiLayerNetwork network) {
    MultiLayerNetwork faster = withFasterLayers(network);
    return new NetworkClassifier(faster, SmallBatchForwardPass.of(faster).orElse(null));
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
    return Nd4j.create(
        smallBatchProbabilities(batch), new long[] {batch.rows(), smallBatches.classes()}, 'c');
  }

  /** As {@link DigitClassifier#classify(INDArray)}, without an ND4J array around small batches. */
  @Override
  public Prediction[] classify(INDArray batch) {
    if (!readsHere(batch)) {
      return DigitClassifier.super.classify(batch);
    }
    return Prediction.ofRows(smallBatchProbabilities(batch), smallBatches.classes());
  }

  private boolean readsHere(INDArray batch) {
    return smallBatches != null
        && batch.rank() == 2
        && batch.rows() <= SmallBatchForwardPass.MAX_ROWS
        && batch.columns() == smallBatches.inputs();
  }

  private float[] smallBatchProbabilities(INDArray batch) {
    return smallBatches.probabilities(DigitClassifier.rowMajor(batch), (int) batch.rows());
  }

  @Override
  public DigitClassifier copy() {
    return new NetworkClassifier(withFasterLayers(network.clone()), smallBatches);
  }
}
