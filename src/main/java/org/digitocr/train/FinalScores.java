package org.digitocr.train;

import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.digitocr.model.ModelMetadata;
import org.digitocr.model.NetworkClassifier;

/**
 * The end of an honest training run: the temperature fitted on the validation split and folded into
 * the network, then the test set scored once (and, with a not-a-digit class, the generated test
 * marks).
 */
public record FinalScores(
    TemperatureScaling.Fit calibration,
    Score validation,
    Score test,
    ModelMetadata.NotADigitScores notADigit) {

  public static FinalScores calibrateAndTest(MultiLayerNetwork network, TrainingData sets) {
    TemperatureScaling.Fit calibration = TemperatureScaling.fit(network, sets.heldOut());
    TemperatureScaling.fold(network, calibration.temperature());
    NetworkClassifier classifier = new NetworkClassifier(network);
    ModelMetadata.NotADigitScores notADigit = null;
    if (sets.testNotADigits() != null) {
      notADigit =
          new ModelMetadata.NotADigitScores(
              sets.testNotADigits().size(),
              Score.of(classifier, sets.testNotADigits()).accuracy(),
              Score.notADigitShare(classifier, sets.test()));
    }
    return new FinalScores(
        calibration,
        Score.of(classifier, sets.heldOut()),
        Score.of(classifier, sets.test()),
        notADigit);
  }

  /** What to print: the calibration and, for eleven classes, the marks caught. */
  public String describe() {
    String text =
        String.format(
            "Temperature %.3f fitted on the validation split (exact NLL %.4f -> %.4f)%n",
            calibration.temperature(), calibration.nllBefore(), calibration.nllAfter());
    if (notADigit != null) {
      text +=
          String.format(
              "Not a digit: %.2f%% of %,d generated test marks caught, %.2f%% of test digits set"
                  + " aside%n",
              100 * notADigit.marksCaught(),
              notADigit.marks(),
              100 * notADigit.testDigitsSetAside());
    }
    return text;
  }
}
