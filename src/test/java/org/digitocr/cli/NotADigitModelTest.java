package org.digitocr.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import org.digitocr.mnist.MnistTestData;
import org.digitocr.model.ModelMetadata;
import org.digitocr.model.ModelStore;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A model with the eleventh class, trained and evaluated through the command line. */
class NotADigitModelTest {
  @TempDir static Path dir;
  private static Path model;

  @BeforeAll
  static void trainSmallElevenClassModel() {
    model = dir.resolve("nad.zip");
    CliRun run =
        CliRun.of(
            "train",
            "--data",
            MnistTestData.dir().toString(),
            "--train-size",
            "3000",
            "--validation-split",
            "500",
            "--test-size",
            "1000",
            "--not-a-digit",
            "600",
            "--hidden",
            "64",
            "--epochs",
            "3",
            "--out",
            model.toString(),
            "--history-dir",
            dir.resolve("h").toString());
    assertEquals(0, run.exitCode(), run.err());
  }

  @Test
  void metadataReportsTheMarksCaughtAndTheDigitsSetAside() throws IOException {
    ModelMetadata metadata = ModelStore.readMetadata(model);
    assertEquals(11, metadata.classes());
    ModelMetadata.NotADigitScores scores = metadata.notADigit();
    assertNotNull(scores);
    assertEquals(240, scores.marks(), "600 marks for 2,500 digits: 240 for 1,000 test digits");
    // three short epochs already catch most marks and lose few digits (measured: 70% and 8%)
    assertTrue(scores.marksCaught() > 0.5, "caught " + scores.marksCaught());
    assertTrue(scores.testDigitsSetAside() < 0.2, "set aside " + scores.testDigitsSetAside());
  }

  @Test
  void evaluateReportsTheNotADigitClassSeparately() {
    CliRun run =
        CliRun.of(
            "evaluate",
            "--model",
            model.toString(),
            "--data",
            MnistTestData.dir().toString(),
            "--out",
            dir.resolve("eval").toString());
    assertEquals(0, run.exitCode(), run.err());
    assertTrue(run.out().contains("Not a digit (class 10): "), run.out());
  }

  @Test
  void tutorialWayCannotTrainTheEleventhClass() {
    CliRun run =
        CliRun.of(
            "train",
            "--data",
            MnistTestData.dir().toString(),
            "--validate-on-test",
            "--not-a-digit",
            "100",
            "--out",
            dir.resolve("never.zip").toString());
    assertEquals(DigitOcr.EXIT_FATAL, run.exitCode());
    assertTrue(run.err().contains("needs a validation split"), run.err());
  }
}
