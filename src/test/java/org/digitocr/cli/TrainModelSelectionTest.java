package org.digitocr.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.digitocr.mnist.MnistTestData;
import org.digitocr.model.ModelMetadata;
import org.digitocr.model.ModelStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code train} with a validation split by default, and the tutorial's way on request. */
class TrainModelSelectionTest {
  @TempDir Path dir;

  private CliRun train(String... extra) {
    String[] common = {
      "train",
      "--data",
      MnistTestData.dir().toString(),
      "--train-size",
      "2000",
      "--test-size",
      "500",
      "--hidden",
      "64",
      "--epochs",
      "2",
      "--out",
      dir.resolve("m.zip").toString(),
      "--history-dir",
      dir.resolve("h").toString()
    };
    String[] args = java.util.Arrays.copyOf(common, common.length + extra.length);
    System.arraycopy(extra, 0, args, common.length, extra.length);
    return CliRun.of(args);
  }

  @Test
  void validationSplitChoosesTheEpochAndCalibratesAndTheTestSetIsScoredOnce() throws IOException {
    CliRun run = train("--validation-split", "400", "--lr-schedule", "exp:0.5", "--patience", "3");
    assertEquals(0, run.exitCode(), run.err());
    ModelMetadata metadata = ModelStore.readMetadata(dir.resolve("m.zip"));
    assertEquals(1600, metadata.config().trainSize() - metadata.config().validationSize());
    assertEquals(2, metadata.history().size());
    assertTrue(metadata.keptEpoch() >= 1 && metadata.keptEpoch() <= 2);
    assertNotNull(metadata.temperature());
    assertNotNull(metadata.validationAccuracy());
    // chance is 10%; 26 small batches reached 66% here
    assertTrue(metadata.testAccuracy() > 0.4, "test accuracy " + metadata.testAccuracy());
    assertTrue(
        Files.readString(dir.resolve("h/history.csv"))
            .lines()
            .findFirst()
            .orElseThrow()
            .endsWith("validation_loss,validation_accuracy"));
    assertTrue(metadata.retrainCommand().contains("--validation-split 400"));
  }

  @Test
  void calibratingTheLastCheckpointGivesWhatTheRunEndedWith() throws IOException {
    Path checkpoint = dir.resolve("checkpoint/c.zip");
    CliRun trained = train("--validation-split", "400", "--checkpoint", checkpoint.toString());
    assertEquals(0, trained.exitCode(), trained.err());
    ModelMetadata unfinished = ModelStore.readMetadata(checkpoint);
    assertNull(unfinished.temperature());
    assertTrue(Double.isNaN(unfinished.testAccuracy()), "test set not scored yet");
    assertEquals(2, unfinished.keptEpoch(), "the second epoch lowered the validation loss");

    Path finished = dir.resolve("finished.zip");
    CliRun run =
        CliRun.of(
            "calibrate",
            "--model",
            checkpoint.toString(),
            "--data",
            MnistTestData.dir().toString(),
            "--out",
            finished.toString());
    assertEquals(0, run.exitCode(), run.err());
    ModelMetadata calibrated = ModelStore.readMetadata(finished);
    ModelMetadata endOfRun = ModelStore.readMetadata(dir.resolve("m.zip"));
    assertEquals(endOfRun.temperature(), calibrated.temperature(), 1e-9);
    assertEquals(endOfRun.testAccuracy(), calibrated.testAccuracy());
    assertEquals(endOfRun.testLoss(), calibrated.testLoss(), 1e-9);

    CliRun again =
        CliRun.of(
            "calibrate", "--model", finished.toString(), "--out", dir.resolve("x.zip").toString());
    assertEquals(DigitOcr.EXIT_FATAL, again.exitCode());
    assertTrue(again.err().contains("already calibrated"), again.err());
  }

  @Test
  void validateOnTestTrainsTheTutorialWay() throws IOException {
    CliRun run = train("--validate-on-test");
    assertEquals(0, run.exitCode(), run.err());
    ModelMetadata metadata = ModelStore.readMetadata(dir.resolve("m.zip"));
    assertEquals(0, metadata.config().validationSize());
    assertNull(metadata.temperature());
    assertEquals(metadata.history().get(1).testAccuracy(), metadata.testAccuracy());
    assertTrue(
        Files.readString(dir.resolve("h/history.csv"))
            .lines()
            .findFirst()
            .orElseThrow()
            .endsWith("test_loss,test_accuracy"));
  }

  @Test
  void badScheduleIsOneLineAndWritesNothing() {
    CliRun run = train("--lr-schedule", "linear");
    assertEquals(DigitOcr.EXIT_FATAL, run.exitCode());
    assertEquals(1, run.errLines().size(), run.err());
    assertTrue(run.err().contains("constant, cosine or exp:G"), run.err());
    assertTrue(Files.notExists(dir.resolve("m.zip")));
  }
}
