package org.digitocr.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.digitocr.model.ModelMetadata;
import org.digitocr.model.ModelStore;
import org.digitocr.runtime.Natives;
import org.digitocr.train.FinalScores;
import org.digitocr.train.TrainingData;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(
    name = "calibrate",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = {
      "Finish a model that train --checkpoint saved before the run ended: fit the temperature on"
          + " its validation split, fold it in and score the test set once, as train does at the"
          + " end of a run.",
      "The split (and any generated non-digits) are rebuilt from the settings in the model's"
          + " metadata."
    })
public final class CalibrateCommand implements Callable<Integer> {
  @Option(
      names = "--model",
      paramLabel = "FILE",
      required = true,
      description = "The checkpoint to finish.")
  Path model;

  @Mixin MnistDataOption data;

  @Option(
      names = "--out",
      paramLabel = "FILE",
      required = true,
      description = "Model file to write; metadata goes beside it as .json.")
  Path out;

  @Override
  public Integer call() throws Exception {
    Natives.configureNd4j();
    ModelMetadata metadata = ModelStore.readMetadata(model);
    if (metadata.temperature() != null) {
      throw new IllegalArgumentException(
          model + ": already calibrated (temperature " + metadata.temperature() + ")");
    }
    if (metadata.config().validatesOnTest()) {
      throw new IllegalArgumentException(
          model + ": trained the tutorial's way, with no validation split to calibrate on");
    }
    MultiLayerNetwork network = ModelStore.loadNetwork(model);
    FinalScores scores =
        FinalScores.calibrateAndTest(network, TrainingData.load(data.dir(), metadata.config()));
    String name = out.getFileName().toString().replaceFirst("\\.zip$", "");
    ModelStore.save(
        network,
        metadata.withFinalScores(
            name,
            scores.test().loss(),
            scores.test().accuracy(),
            scores.validation().loss(),
            scores.validation().accuracy(),
            scores.calibration().temperature(),
            scores.notADigit()),
        out);
    System.out.print(scores.describe());
    System.out.printf(
        "Test loss %.4f, test accuracy %.2f%% (epoch %d). Model: %s%n",
        scores.test().loss(), 100 * scores.test().accuracy(), metadata.keptEpoch(), out);
    return 0;
  }
}
