package org.digitocr.train;

import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Remembers the parameters of the epoch with the lowest validation loss and says when to stop:
 * after {@code patience} epochs without improvement. {@link #restoreBest} puts the remembered
 * parameters back. With patience 0 it does nothing: every epoch runs and the last one is kept.
 */
public final class EarlyStopping {
  private final int patience;
  private double bestLoss = Double.POSITIVE_INFINITY;
  private int bestEpoch;
  private INDArray bestParams;

  public EarlyStopping(int patience) {
    if (patience < 0) {
      throw new IllegalArgumentException("patience must be >= 0, got " + patience);
    }
    this.patience = patience;
  }

  /** Records one epoch's validation loss; true when training should stop now. */
  public boolean shouldStop(int epoch, double validationLoss, MultiLayerNetwork network) {
    if (patience == 0) {
      return false;
    }
    if (validationLoss < bestLoss) {
      bestLoss = validationLoss;
      bestEpoch = epoch;
      bestParams = network.params().dup();
      return false;
    }
    return epoch - bestEpoch >= patience;
  }

  /** The epoch whose parameters {@link #restoreBest} restores; 0 when nothing is remembered. */
  public int bestEpoch() {
    return bestEpoch;
  }

  public void restoreBest(MultiLayerNetwork network) {
    if (bestParams != null) {
      network.setParams(bestParams);
    }
  }
}
