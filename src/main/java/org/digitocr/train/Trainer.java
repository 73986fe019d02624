package org.digitocr.train;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.digitocr.augment.Augmenter;
import org.digitocr.mnist.MnistSet;
import org.digitocr.model.BlasTrainingStep;
import org.digitocr.model.CnnFactory;
import org.digitocr.model.MlpFactory;
import org.digitocr.model.NetworkClassifier;
import org.digitocr.runtime.Natives;
import org.digitocr.util.FloatMatrix;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * Trains as the tutorial's {@code model.fit} does: shuffled mini-batches every epoch, the held-out
 * set (the tutorial's test set, or a validation split) scored after each epoch. Optionally the
 * learning rate follows a schedule, the digits are distorted afresh every epoch, and training stops
 * early and keeps the epoch with the lowest held-out loss.
 */
public final class Trainer {

  /**
   * With augmentation the network never trains on the clean digits, so scoring a sample of them is
   * enough to watch for under- or overfitting, and spares a full pass over the training set.
   */
  static final int AUGMENTED_TRAIN_SCORE_SAMPLE = 10_000;

  /**
   * The trained network and its per-epoch history; {@code keptEpoch} is the epoch whose parameters
   * the network holds (the last, unless early stopping went back to a better one).
   */
  public record Result(
      MultiLayerNetwork network, List<EpochStats> history, double seconds, int keptEpoch) {}

  /** A fresh, initialised network for {@code config}. */
  public static MultiLayerNetwork newNetwork(TrainingConfig config) {
    return switch (config.architecture()) {
      case TrainingConfig.MLP ->
          MlpFactory.build(
              config.hidden(),
              config.dropout(),
              config.learningRate(),
              config.seed(),
              config.classes());
      case TrainingConfig.CNN ->
          CnnFactory.build(
              config.classes(), config.dropout(), config.learningRate(), config.seed());
      default ->
          throw new IllegalArgumentException(
              "unknown architecture '" + config.architecture() + "' (use mlp or cnn)");
    };
  }

  public Result train(MnistSet train, MnistSet test, TrainingConfig config) {
    return train(newNetwork(config), train, test, config, TrainingListener.SILENT);
  }

  public Result train(
      MultiLayerNetwork network,
      MnistSet train,
      MnistSet test,
      TrainingConfig config,
      TrainingListener listener) {
    int cores = Runtime.getRuntime().availableProcessors();
    int blasThreads = Natives.blasThreads();
    int elementwiseThreads = Natives.elementwiseThreads();
    // Training's products, and the scoring of whole sets after each epoch, are large enough for
    // OpenBLAS to split over every core; a CNN's convolutions, batch norm and pooling are ND4J's
    // own loops, worth every core too.
    Natives.setBlasThreads(cores);
    if (TrainingConfig.CNN.equals(config.architecture())) {
      Natives.setElementwiseThreads(cores);
    }
    try {
      return trainEpochs(network, train, test, config, listener);
    } finally {
      Natives.setBlasThreads(blasThreads);
      Natives.setElementwiseThreads(elementwiseThreads);
    }
  }

  private Result trainEpochs(
      MultiLayerNetwork network,
      MnistSet train,
      MnistSet test,
      TrainingConfig config,
      TrainingListener listener) {
    NetworkClassifier classifier = new NetworkClassifier(network);
    INDArray features = train.features();
    INDArray labels = train.oneHotLabels(config.classes());
    LearningRateSchedule schedule =
        LearningRateSchedule.parse(config.schedule(), config.learningRate(), config.epochs());
    boolean augmenting = config.augment() || config.pageCrops();
    Augmenter augmenter =
        augmenting ? Augmenter.of(config.augment(), config.pageCrops(), config.cleanShare()) : null;
    int n = train.size();
    // Scored on arrays made once: MnistSet.features() copies 47 million pixels into a new array.
    int trainScored = augmenting ? Math.min(n, AUGMENTED_TRAIN_SCORE_SAMPLE) : n;
    INDArray trainScoredFeatures =
        features.get(NDArrayIndex.interval(0, trainScored), NDArrayIndex.all());
    byte[] trainScoredLabels = Arrays.copyOf(train.labels(), trainScored);
    INDArray testFeatures = test.features();
    EarlyStopping stopping = new EarlyStopping(config.patience());
    ShuffledBatches shuffled = new ShuffledBatches(features, labels, config.batchSize());
    Random shuffler = new Random(config.seed());
    int[] order = new int[n];
    for (int i = 0; i < n; i++) {
      order[i] = i;
    }
    List<EpochStats> history = new ArrayList<>();
    long start = System.nanoTime();
    // The tutorial's MLP trains outside MultiLayerNetwork.fit, on the same arrays, 2.7x faster.
    try (BlasTrainingStep blasStep =
        BlasTrainingStep.supports(network) ? new BlasTrainingStep(network, config.seed()) : null) {
      for (int epoch = 1; epoch <= config.epochs(); epoch++) {
        long epochStart = System.nanoTime();
        listener.onEpochStart(epoch, shuffled.count());
        if (!schedule.isConstant()) {
          network.setLearningRate(schedule.rate(epoch));
        }
        shuffle(order, shuffler);
        shuffled.reorder(order);
        for (int b = 0; b < shuffled.count(); b++) {
          DataSet batch = shuffled.batch(b);
          if (augmenter != null) {
            batch =
                new DataSet(
                    distorted(
                        train,
                        Arrays.copyOfRange(
                            order,
                            b * config.batchSize(),
                            Math.min(n, (b + 1) * config.batchSize())),
                        augmenter,
                        config.seed(),
                        epoch),
                    batch.getLabels());
          }
          if (blasStep != null) {
            blasStep.fit(batch.getFeatures(), batch.getLabels());
          } else {
            network.fit(batch);
          }
          listener.onBatch(epoch, b + 1);
        }
        Score trainScore = Score.of(classifier, trainScoredFeatures, trainScoredLabels);
        Score testScore = Score.of(classifier, testFeatures, test.labels());
        EpochStats stats =
            new EpochStats(
                epoch,
                (System.nanoTime() - epochStart) / 1e9,
                trainScore.loss(),
                trainScore.accuracy(),
                testScore.loss(),
                testScore.accuracy());
        history.add(stats);
        listener.onEpochEnd(stats);
        if (stopping.shouldStop(epoch, testScore.loss(), network)) {
          break;
        }
      }
    }
    stopping.restoreBest(network);
    int kept = stopping.bestEpoch() > 0 ? stopping.bestEpoch() : history.size();
    return new Result(network, history, (System.nanoTime() - start) / 1e9, kept);
  }

  private static INDArray distorted(
      MnistSet train, int[] rows, Augmenter augmenter, long seed, int epoch) {
    float[] pixels = new float[rows.length * MnistSet.PIXELS];
    for (int i = 0; i < rows.length; i++) {
      System.arraycopy(
          train.pixels(), rows[i] * MnistSet.PIXELS, pixels, i * MnistSet.PIXELS, MnistSet.PIXELS);
      augmenter.distort(pixels, i * MnistSet.PIXELS, Augmenter.randomFor(seed, epoch, rows[i]));
    }
    return FloatMatrix.ofRows(pixels, rows.length, MnistSet.PIXELS);
  }

  private static void shuffle(int[] order, Random random) {
    for (int i = order.length - 1; i > 0; i--) {
      int j = random.nextInt(i + 1);
      int t = order[i];
      order[i] = order[j];
      order[j] = t;
    }
  }
}
