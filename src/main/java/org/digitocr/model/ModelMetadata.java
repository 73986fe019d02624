package org.digitocr.model;

import java.util.List;
import java.util.Map;
import org.digitocr.train.EpochStats;
import org.digitocr.train.TrainingConfig;

/** How a shipped model was trained and what it scored; stored as JSON beside the model. */
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
    String retrainCommand) {}
