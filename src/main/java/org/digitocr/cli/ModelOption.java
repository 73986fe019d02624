package org.digitocr.cli;

import java.io.IOException;
import java.nio.file.Path;
import org.digitocr.model.DigitClassifier;
import org.digitocr.model.ModelChoice;
import org.digitocr.model.ModelStore;
import picocli.CommandLine.Option;

/**
 * {@code --model} and its checker, shared by every command that classifies. Left alone they give
 * the shipped reading (the default model, rechecked by the CNN); a model named with {@code --model}
 * reads alone unless {@code --recheck-model} is given too.
 */
public final class ModelOption {
  @Option(
      names = "--model",
      paramLabel = "FILE",
      description = "Model file (default: ${DEFAULT-VALUE}, the shipped model).")
  Path model = ModelStore.defaultModel();

  @Option(
      names = "--recheck-model",
      paramLabel = "FILE",
      description =
          "Model that re-reads the digits --model is unsure of, or none (default: "
              + ModelStore.DEFAULT_RECHECK_MODEL
              + " with the default --model, else none).")
  String recheckModel;

  @Option(
      names = "--recheck-below",
      paramLabel = "P",
      description =
          "Digits --model reads with less confidence are rechecked (default: ${DEFAULT-VALUE}).")
  float recheckBelow = ModelStore.DEFAULT_RECHECK_BELOW;

  public Path path() {
    return model;
  }

  public ModelChoice choice() {
    Path recheck;
    if (recheckModel == null) {
      recheck = model.equals(ModelStore.defaultModel()) ? ModelStore.defaultRecheckModel() : null;
    } else {
      recheck = recheckModel.equals("none") ? null : Path.of(recheckModel);
    }
    return new ModelChoice(model, recheck, recheckBelow);
  }

  public DigitClassifier load() throws IOException {
    return choice().load();
  }
}
