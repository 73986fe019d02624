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
 * only once, at the end ({@code testLoss}, {@code testAccuracy}). {@code temperature} is null when
 * the model was not calibrated; otherwise the network's output layer already includes it.
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
    Double temperature) {

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
        null);
  }
}
