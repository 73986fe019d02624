package org.digitocr.train;

/** Hears about training progress; the CLI turns it into a progress bar and epoch lines. */
public interface TrainingListener {
  default void onEpochStart(int epoch, int batches) {}

  default void onBatch(int epoch, int batch) {}

  default void onEpochEnd(EpochStats stats) {}

  TrainingListener SILENT = new TrainingListener() {};
}
