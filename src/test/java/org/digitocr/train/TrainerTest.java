package org.digitocr.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.digitocr.mnist.MnistFiles;
import org.digitocr.mnist.MnistSet;
import org.digitocr.mnist.MnistTestData;
import org.digitocr.model.NetworkClassifier;
import org.digitocr.runtime.Natives;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Short training runs on the start of MNIST: learning happens, and the same seed repeats it. */
class TrainerTest {
  private static final TrainingConfig SHORT =
      new TrainingConfig(2, 64, 3000, 1000, 9, List.of(128, 64), 0.2, 0.001);

  private static MnistSet train;
  private static MnistSet test;
  private static Trainer.Result first;

  @BeforeAll
  static void trainOnce() throws IOException {
    Natives.configureNd4j();
    train = MnistFiles.train(MnistTestData.dir()).first(SHORT.trainSize());
    test = MnistFiles.test(MnistTestData.dir()).first(SHORT.testSize());
    first = new Trainer().train(train, test, SHORT);
  }

  @Test
  void shortRunClearlyBeatsChance() {
    assertEquals(SHORT.epochs(), first.history().size());
    EpochStats last = first.history().get(SHORT.epochs() - 1);
    // Chance is 10%; 3,000 digits and two epochs reach 85% here.
    assertTrue(last.testAccuracy() > 0.75, "test accuracy " + last.testAccuracy());
    // Guessing uniformly would cost ln(10) = 2.3 per digit.
    assertTrue(last.trainLoss() < Math.log(10) / 3, "train loss " + last.trainLoss());
  }

  /**
   * The history holds the kept network's own scores on the whole training and test sets. Scored
   * now, with OpenBLAS on one thread rather than every core as in training, the products sum in
   * another order: the losses agree to 1e-7.
   */
  @Test
  void theKeptEpochIsScoredOnTheWholeSets() {
    EpochStats kept = first.history().get(first.keptEpoch() - 1);
    NetworkClassifier classifier = new NetworkClassifier(first.network());
    Score onTrain = Score.of(classifier, train);
    Score onTest = Score.of(classifier, test);
    assertEquals(onTrain.loss(), kept.trainLoss(), 1e-7);
    assertEquals(onTrain.accuracy(), kept.trainAccuracy(), 1e-9);
    assertEquals(onTest.loss(), kept.testLoss(), 1e-7);
    assertEquals(onTest.accuracy(), kept.testAccuracy(), 1e-9);
  }

  @Test
  void sameSeedGivesIdenticalWeights() {
    Trainer.Result again = new Trainer().train(train, test, SHORT);
    assertEquals(first.network().params(), again.network().params());
    assertEquals(first.history().get(1).testLoss(), again.history().get(1).testLoss());
  }

  /** OpenBLAS splits training's products over every core, and is back on one thread after. */
  @Test
  void trainingsProductsUseEveryCore() {
    Set<Integer> threadsWhileTraining = new HashSet<>();
    TrainingConfig oneEpoch =
        new TrainingConfig(1, 64, 3000, 1000, 9, List.of(128, 64), 0.2, 0.001);
    new Trainer()
        .train(
            Trainer.newNetwork(oneEpoch),
            train,
            test,
            oneEpoch,
            new TrainingListener() {
              @Override
              public void onBatch(int epoch, int batch) {
                threadsWhileTraining.add(Natives.blasThreads());
              }
            });
    assertEquals(Set.of(Runtime.getRuntime().availableProcessors()), threadsWhileTraining);
    assertEquals(1, Natives.blasThreads());
  }

  @Test
  void otherSeedGivesOtherWeights() {
    TrainingConfig otherSeed =
        new TrainingConfig(1, 64, 3000, 1000, 10, List.of(128, 64), 0.2, 0.001);
    Trainer.Result other = new Trainer().train(train, test, otherSeed);
    assertNotEquals(first.network().params(), other.network().params());
  }
}
