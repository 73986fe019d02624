package org.digitocr.train;

/** One line of the training history. Train figures are measured in inference mode. */
public record EpochStats(
    int epoch,
    double seconds,
    double trainLoss,
    double trainAccuracy,
    double testLoss,
    double testAccuracy) {}
