package org.digitocr.model;

import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.ndarray.INDArray;

/** A {@link DigitClassifier} backed by a deeplearning4j network. */
public final class NetworkClassifier implements DigitClassifier {
  private final MultiLayerNetwork network;

  /**
   * Its layers are swapped for ones that compute the same, faster: {@link PlainMaxPooling}, {@link
   * ConvolutionSkippingRecompute} and {@link DenseSkippingRecompute}; its batch-norm layers train
   * with {@link NchwBatchNormHelper}.
   */
  public NetworkClassifier(MultiLayerNetwork network) {
    this.network =
        NchwBatchNormHelper.install(
            DenseSkippingRecompute.install(
                ConvolutionSkippingRecompute.install(PlainMaxPooling.install(network))));
  }

  public MultiLayerNetwork network() {
    return network;
  }

  @Override
  public INDArray probabilities(INDArray batch) {
    return network.output(batch, false);
  }

  @Override
  public DigitClassifier copy() {
    return new NetworkClassifier(network.clone());
  }
}
