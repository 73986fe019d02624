package org.digitocr.train;

import java.util.List;

/**
 * What {@code train} was asked to do. The first eight fields are the tutorial's user inputs; the
 * rest choose the architecture and how the model is selected.
 *
 * @param architecture {@code mlp} (the tutorial's) or {@code cnn}
 * @param validationSize digits held out from the end of the training set to choose the epoch and
 *     fit the temperature; 0 means the tutorial's way, the test set scored every epoch
 * @param patience epochs without a better validation loss before training stops; 0 never stops
 * @param schedule learning rate per epoch, see {@link LearningRateSchedule#parse}
 * @param augment whether every epoch sees freshly distorted training digits
 * @param pageCrops whether every epoch redraws half of the training digits as page crops
 * @param cleanShare the share of training digits left undistorted each epoch when augmenting, so
 *     that the network also sees digits as MNIST's test set draws them
 * @param notADigit generated non-digits added to the training set as an eleventh class
 */
public record TrainingConfig(
    int epochs,
    int batchSize,
    int trainSize,
    int testSize,
    long seed,
    List<Integer> hidden,
    double dropout,
    double learningRate,
    String architecture,
    int validationSize,
    int patience,
    String schedule,
    boolean augment,
    boolean pageCrops,
    double cleanShare,
    int notADigit) {

  public static final String MLP = "mlp";
  public static final String CNN = "cnn";

  /** The tutorial's settings: test set as validation data, no schedule, no augmentation. */
  public TrainingConfig(
      int epochs,
      int batchSize,
      int trainSize,
      int testSize,
      long seed,
      List<Integer> hidden,
      double dropout,
      double learningRate) {
    this(
        epochs,
        batchSize,
        trainSize,
        testSize,
        seed,
        hidden,
        dropout,
        learningRate,
        MLP,
        0,
        0,
        LearningRateSchedule.CONSTANT,
        false,
        false,
        0,
        0);
  }

  public static TrainingConfig tutorial() {
    return new TrainingConfig(25, 128, 60_000, 10_000, 9, List.of(512, 256), 0.2, 0.001);
  }

  /** The same settings for another architecture ({@link #MLP} or {@link #CNN}). */
  public TrainingConfig withArchitecture(String otherArchitecture) {
    return new TrainingConfig(
        epochs,
        batchSize,
        trainSize,
        testSize,
        seed,
        hidden,
        dropout,
        learningRate,
        otherArchitecture,
        validationSize,
        patience,
        schedule,
        augment,
        pageCrops,
        cleanShare,
        notADigit);
  }

  /** True when the test set stands in for validation data, as in the tutorial. */
  public boolean validatesOnTest() {
    return validationSize == 0;
  }

  /** Output classes: ten digits, plus "not a digit" when trained on generated non-digits. */
  public int classes() {
    return notADigit > 0 ? 11 : 10;
  }
}
