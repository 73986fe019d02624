package org.digitocr.train;

import java.util.List;

/** The tutorial's user inputs, with its values as defaults. */
public record TrainingConfig(
    int epochs,
    int batchSize,
    int trainSize,
    int testSize,
    long seed,
    List<Integer> hidden,
    double dropout,
    double learningRate) {

  public static TrainingConfig tutorial() {
    return new TrainingConfig(25, 128, 60_000, 10_000, 9, List.of(512, 256), 0.2, 0.001);
  }
}
