package org.digitocr.train;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * A training set's mini-batches in one shuffled copy of the set: each epoch copies the rows into
 * the new order once, and the batches are fixed row ranges of that copy. Nothing is allocated per
 * batch, where gathering rows into new arrays for every batch cost an allocation, a page-faulting
 * copy and a dozen native calls each time.
 */
final class ShuffledBatches {
  private final INDArray features;
  private final INDArray labels;
  private final INDArray shuffledFeatures;
  private final INDArray shuffledLabels;
  private final DataSet[] batches;

  /**
   * @param features one example per row
   * @param labels one row per example, in the same order
   */
  ShuffledBatches(INDArray features, INDArray labels, int batchSize) {
    this.features = features;
    this.labels = labels;
    this.shuffledFeatures = Nd4j.createUninitialized(features.dataType(), features.shape());
    this.shuffledLabels = Nd4j.createUninitialized(labels.dataType(), labels.shape());
    long n = features.rows();
    batches = new DataSet[(int) ((n + batchSize - 1) / batchSize)];
    for (int b = 0; b < batches.length; b++) {
      long from = (long) b * batchSize;
      long to = Math.min(n, from + batchSize);
      batches[b] =
          new DataSet(
              shuffledFeatures.get(NDArrayIndex.interval(from, to), NDArrayIndex.all()),
              shuffledLabels.get(NDArrayIndex.interval(from, to), NDArrayIndex.all()));
    }
  }

  int count() {
    return batches.length;
  }

  /** Row {@code i} of the copy becomes row {@code order[i]} of the set. */
  void reorder(int[] order) {
    Nd4j.pullRows(features, shuffledFeatures, 1, order);
    Nd4j.pullRows(labels, shuffledLabels, 1, order);
  }

  /** Batch {@code b} in the current order; its contents change with the next {@link #reorder}. */
  DataSet batch(int b) {
    return batches[b];
  }
}
