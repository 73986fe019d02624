package org.digitocr.train;

import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * Starts a network from a trained one's weights, so that adding a class costs a few epochs of
 * fine-tuning instead of a whole training run. The fresh network must have the same layers; when it
 * has more output classes (a ten-digit model growing a "not a digit" class), the trained classes
 * keep their weights and the new ones keep their fresh initialisation.
 */
public final class WarmStart {
  private WarmStart() {}

  public static void copyWeights(MultiLayerNetwork trained, MultiLayerNetwork fresh) {
    if (trained.getnLayers() != fresh.getnLayers()) {
      throw new IllegalArgumentException(
          "the model to start from has "
              + trained.getnLayers()
              + " layers, the one to train "
              + fresh.getnLayers()
              + ": use the same --arch and --hidden");
    }
    int last = fresh.getnLayers() - 1;
    for (int i = 0; i < last; i++) {
      Layer from = trained.getLayer(i);
      Layer to = fresh.getLayer(i);
      if (from.numParams() != to.numParams()) {
        throw new IllegalArgumentException(
            "layer "
                + i
                + " differs from the model to start from: use the same --arch and --hidden");
      }
      if (to.numParams() > 0) { // pooling layers have no parameters (params() is null)
        to.setParams(from.params().dup());
      }
    }
    Layer from = trained.getLayer(last);
    Layer to = fresh.getLayer(last);
    INDArray fromWeights = from.getParam("W");
    INDArray toWeights = to.getParam("W");
    long classes = fromWeights.columns();
    if (fromWeights.rows() != toWeights.rows() || classes > toWeights.columns()) {
      throw new IllegalArgumentException(
          "the output layer of the model to start from does not fit the one to train");
    }
    toWeights.get(NDArrayIndex.all(), NDArrayIndex.interval(0, classes)).assign(fromWeights);
    to.getParam("b")
        .get(NDArrayIndex.all(), NDArrayIndex.interval(0, classes))
        .assign(from.getParam("b"));
  }
}
