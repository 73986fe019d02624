package org.digitocr.train;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.digitocr.mnist.MnistSet;
import org.digitocr.model.MlpFactory;
import org.digitocr.model.NetworkClassifier;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Trains the MLP as the tutorial's {@code model.fit} does: shuffled mini-batches every epoch, the
 * test set scored after each epoch.
 */
public final class Trainer {

  /** The trained network and its per-epoch history. */
  public record Result(MultiLayerNetwork network, List<EpochStats> history, double seconds) {}

  /** A fresh, initialised network for {@code config}. */
  public static MultiLayerNetwork newNetwork(TrainingConfig config) {
    return MlpFactory.build(
        config.hidden(), config.dropout(), config.learningRate(), config.seed());
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
    NetworkClassifier classifier = new NetworkClassifier(network);
    INDArray features = train.features();
    INDArray labels = train.oneHotLabels();
    INDArray testFeatures = test.features();
    int n = train.size();
    ShuffledBatches shuffled = new ShuffledBatches(features, labels, config.batchSize());
    Random shuffler = new Random(config.seed());
    int[] order = new int[n];
    for (int i = 0; i < n; i++) {
      order[i] = i;
    }
    List<EpochStats> history = new ArrayList<>();
    long start = System.nanoTime();
    for (int epoch = 1; epoch <= config.epochs(); epoch++) {
      long epochStart = System.nanoTime();
      listener.onEpochStart(epoch, shuffled.count());
      shuffle(order, shuffler);
      shuffled.reorder(order);
      for (int b = 0; b < shuffled.count(); b++) {
        network.fit(shuffled.batch(b));
        listener.onBatch(epoch, b + 1);
      }
      Score trainScore = Score.of(classifier, features, train.labels());
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
    }
    return new Result(network, history, (System.nanoTime() - start) / 1e9);
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
