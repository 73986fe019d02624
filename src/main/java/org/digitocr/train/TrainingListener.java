package org.digitocr.train;

/** Hears about training progress; the CLI turns it into a progress bar and epoch lines. */
public interface TrainingListener {
  default void onEpochStart(int epoch, int batches) {}

  default void onBatch(int epoch, int batch) {}

  default void onEpochEnd(EpochStats stats) {}

  TrainingListener SILENT = new TrainingListener() {};

  /** This listener, then {@code next}. */
  default TrainingListener andThen(TrainingListener next) {
    TrainingListener first = this;
    return new TrainingListener() {
      @Override
      public void onEpochStart(int epoch, int batches) {
        first.onEpochStart(epoch, batches);
        next.onEpochStart(epoch, batches);
      }

      @Override
      public void onBatch(int epoch, int batch) {
        first.onBatch(epoch, batch);
        next.onBatch(epoch, batch);
      }

      @Override
      public void onEpochEnd(EpochStats stats) {
        first.onEpochEnd(stats);
        next.onEpochEnd(stats);
      }
    };
  }
}
