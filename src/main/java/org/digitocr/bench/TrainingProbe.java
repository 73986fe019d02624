package org.digitocr.bench;

import java.util.List;
import org.digitocr.mnist.MnistSet;
import org.digitocr.train.EpochStats;
import org.digitocr.train.Trainer;
import org.digitocr.train.TrainingConfig;
import org.digitocr.train.TrainingListener;

/**
 * Seconds per training epoch (batch 128) of the tutorial MLP or of the CNN, through the same {@link
 * Trainer} the train command uses. The reported figure is the pass over the training set, the part
 * PyTorch's and Keras' epoch times measure; the trainer's per-epoch scoring of both sets in
 * inference mode is reported beside it.
 */
public final class TrainingProbe implements Probe {
  private final MnistSet train;
  private final MnistSet test;
  private final int epochs;
  private final String architecture;

  /**
   * @param architecture {@link TrainingConfig#MLP} or {@link TrainingConfig#CNN}
   */
  public TrainingProbe(MnistSet train, MnistSet test, int epochs, String architecture) {
    this.train = train;
    this.test = test;
    this.epochs = epochs;
    this.architecture = architecture;
  }

  @Override
  public List<Figure> measure(Progress progress) {
    TrainingConfig tutorial = TrainingConfig.tutorial();
    TrainingConfig config =
        new TrainingConfig(
                epochs,
                tutorial.batchSize(),
                train.size(),
                test.size(),
                tutorial.seed(),
                tutorial.hidden(),
                tutorial.dropout(),
                tutorial.learningRate())
            .withArchitecture(architecture);
    progress.step(
        String.format(
            "training the %s %d epochs on %,d digits, batch %d",
            architecture, epochs, train.size(), config.batchSize()));
    EpochTimer timer = new EpochTimer(epochs);
    new Trainer().train(Trainer.newNetwork(config), train, test, config, timer);
    return List.of(
        Figure.reported(
            TrainingConfig.MLP.equals(architecture)
                ? "train_seconds_per_epoch"
                : architecture + "_train_seconds_per_epoch",
            String.format(
                "%s training epoch, %,d digits, batch %d",
                architecture, train.size(), config.batchSize()),
            "s",
            Median.of(timer.fitSeconds)),
        Figure.detail("  CPU time of that epoch, all threads", "s", Median.of(timer.fitCpuSeconds)),
        Figure.detail(
            String.format("scoring %,d + %,d digits after each epoch", train.size(), test.size()),
            "s",
            Median.of(timer.scoreSeconds)));
  }

  /** Splits each epoch at its last batch: fitting before, scoring after. */
  private static final class EpochTimer implements TrainingListener {
    private final double[] fitSeconds;
    private final double[] fitCpuSeconds;
    private final double[] scoreSeconds;
    private long epochStart;
    private long epochStartCpu;
    private long fitEnd;
    private int batches;

    EpochTimer(int epochs) {
      fitSeconds = new double[epochs];
      fitCpuSeconds = new double[epochs];
      scoreSeconds = new double[epochs];
    }

    @Override
    public void onEpochStart(int epoch, int batches) {
      this.batches = batches;
      epochStart = System.nanoTime();
      epochStartCpu = CpuClock.nanos();
    }

    @Override
    public void onBatch(int epoch, int batch) {
      if (batch == batches) {
        fitEnd = System.nanoTime();
        fitCpuSeconds[epoch - 1] = (CpuClock.nanos() - epochStartCpu) / 1e9;
      }
    }

    @Override
    public void onEpochEnd(EpochStats stats) {
      fitSeconds[stats.epoch() - 1] = (fitEnd - epochStart) / 1e9;
      scoreSeconds[stats.epoch() - 1] = (System.nanoTime() - fitEnd) / 1e9;
    }
  }
}
