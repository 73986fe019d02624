package org.digitocr.train;

import java.io.IOException;
import java.nio.file.Path;
import org.digitocr.mnist.MnistFiles;
import org.digitocr.mnist.MnistSet;
import org.digitocr.synth.NotADigitGenerator;

/**
 * The sets one training run uses: what it learns from, what it is judged on after every epoch (the
 * validation split, or the tutorial's test set), and the test set scored at the end. With a
 * not-a-digit class, generated non-digits join the training and validation sets in the same
 * proportion, and a separate set of them, cut from test digits ({@code testNotADigits}, null
 * otherwise), measures how many are caught.
 */
public record TrainingData(
    MnistSet train, MnistSet heldOut, MnistSet test, MnistSet testNotADigits) {

  /** Seeds of the three generated sets, apart from the run's seed so they never coincide. */
  private static final long VALIDATION_SEED_OFFSET = 1_000_003;

  private static final long TEST_SEED_OFFSET = 2_000_003;

  public static TrainingData load(Path mnistDir, TrainingConfig config) throws IOException {
    MnistSet all = MnistFiles.train(mnistDir).first(config.trainSize());
    MnistSet test = MnistFiles.test(mnistDir).first(config.testSize());
    if (config.validatesOnTest()) {
      if (config.notADigit() > 0) {
        throw new IllegalArgumentException(
            "a not-a-digit class needs a validation split: it cannot be trained the tutorial's way");
      }
      return new TrainingData(all, test, test, null);
    }
    ValidationSplit split = ValidationSplit.lastDigits(all, config.validationSize());
    return withNotADigits(split.train(), split.validation(), test, config);
  }

  private static TrainingData withNotADigits(
      MnistSet train, MnistSet heldOut, MnistSet test, TrainingConfig config) {
    int marks = config.notADigit();
    if (marks == 0) {
      return new TrainingData(train, heldOut, test, null);
    }
    // halves and pairs of digits are cut from each set's own digits: nothing leaks across sets
    int heldOutMarks = (int) Math.round((double) marks * heldOut.size() / train.size());
    int testMarkCount = (int) Math.round((double) marks * test.size() / train.size());
    MnistSet trainMarks = new NotADigitGenerator(train, config.seed()).generate(marks);
    MnistSet testMarks =
        new NotADigitGenerator(test, config.seed() + TEST_SEED_OFFSET).generate(testMarkCount);
    MnistSet heldOutMarksSet =
        new NotADigitGenerator(heldOut, config.seed() + VALIDATION_SEED_OFFSET)
            .generate(heldOutMarks);
    return new TrainingData(train.plus(trainMarks), heldOut.plus(heldOutMarksSet), test, testMarks);
  }
}
