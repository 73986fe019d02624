package org.digitocr.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.file.Path;
import org.digitocr.model.ModelChoice;
import org.digitocr.model.ModelStore;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

class ModelOptionTest {
  @Command
  static final class Reading {
    @Mixin ModelOption model;
  }

  private static ModelChoice choice(String... args) {
    Reading reading = new Reading();
    new CommandLine(reading).parseArgs(args);
    return reading.model.choice();
  }

  @Test
  void theShippedReadingIsTheDefaultModelReviewedByTheCnn() {
    ModelChoice shipped = choice();
    assertEquals(ModelStore.defaultModel(), shipped.model());
    assertEquals(ModelStore.defaultRecheckModel(), shipped.recheck());
    assertEquals(ModelStore.DEFAULT_RECHECK_BELOW, shipped.recheckBelow());
  }

  @Test
  void aModelNamedReadsAloneUnlessACheckerIsNamedToo() {
    assertNull(choice("--model", "models/mlp.zip").recheck());
    ModelChoice rechecked =
        choice(
            "--model",
            "models/mlp.zip",
            "--recheck-model",
            "models/cnn.zip",
            "--recheck-below",
            "0.9");
    assertEquals(Path.of("models/cnn.zip"), rechecked.recheck());
    assertEquals(0.9f, rechecked.recheckBelow());
  }

  @Test
  void noReviewWhenTurnedOffOrWhenTheCheckerIsTheModelItself() {
    assertNull(choice("--recheck-model", "none").recheck());
    assertNull(choice("--model", "models/cnn.zip", "--recheck-model", "models/cnn.zip").recheck());
  }
}
