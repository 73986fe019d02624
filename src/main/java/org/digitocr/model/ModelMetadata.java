package org.digitocr.model;

import java.util.List;
import java.util.Map;
import org.digitocr.train.EpochStats;
import org.digitocr.train.TrainingConfig;

/**
 * How a shipped model was trained and what it scored; stored as JSON beside the model.
 *
 * <p>{@code history} holds the held-out figures of every epoch: test figures when the model was
 * trained the tutorial's way, validation figures otherwise, in which case the test set was scored
 * only once, at the end ({@code testLoss}, {@code testAccuracy}: MNIST test digits only; a digit
 * called "not a digit" counts as wrong). {@code temperature} is null when the model was not
 * calibrated; otherwise the network's output layer already includes it. {@code notADigit} is null
 * for ten-class models.
 */
public record ModelMetadata(
    String name,
    String architecture,
    long parameters,
    TrainingConfig config,
    Map<String, String> dataSha256,
    List<EpochStats> history,
    double testLoss,
    double testAccuracy,
    double trainingSeconds,
    Map<String, String> libraries,
    String createdAt,
    String retrainCommand,
    int classes,
    int keptEpoch,
    Double validationLoss,
    Double validationAccuracy,
    Double temperature,
    NotADigitScores notADigit) {

  /**
   * How the eleventh class did on the test side: the share of generated non-digits (cut from test
   * digits, never trained on) it caught, and the share of MNIST test digits it wrongly set aside.
   */
  public record NotADigitScores(int marks, double marksCaught, double testDigitsSetAside) {}

  /**
   * This metadata with the figures of a calibration and the final test: what {@code train} records
   * at the end of a run, and {@code calibrate} for a checkpoint.
   */
  public ModelMetadata withFinalScores(
      String newName,
      double newTestLoss,
      double newTestAccuracy,
      double newValidationLoss,
      double newValidationAccuracy,
      double newTemperature,
      NotADigitScores newNotADigit) {
    return new ModelMetadata(
        newName,
        architecture,
        parameters,
        config,
        dataSha256,
        history,
        newTestLoss,
        newTestAccuracy,
        trainingSeconds,
        libraries,
        createdAt,
        retrainCommand,
        classes,
        keptEpoch,
        newValidationLoss,
        newValidationAccuracy,
        newTemperature,
        newNotADigit);
  }

  /** The tutorial model's metadata: ten classes, last epoch kept, no validation split. */
  public ModelMetadata(
      String name,
      String architecture,
      long parameters,
      TrainingConfig config,
      Map<String, String> dataSha256,
      List<EpochStats> history,
      double testLoss,
      double testAccuracy,
      double trainingSeconds,
      Map<String, String> libraries,
      String createdAt,
      String retrainCommand) {
    this(
        name,
        architecture,
        parameters,
        config,
        dataSha256,
        history,
        testLoss,
        testAccuracy,
        trainingSeconds,
        libraries,
        createdAt,
        retrainCommand,
        10,
        history.size(),
        null,
        null,
        null,
        null);
  }
}
