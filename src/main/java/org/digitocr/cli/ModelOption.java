package org.digitocr.cli;

import java.io.IOException;
import java.nio.file.Path;
import org.digitocr.model.DigitClassifier;
import org.digitocr.model.ModelStore;
import picocli.CommandLine.Option;

/** {@code --model}, shared by every command that classifies; defaults to the shipped model. */
public final class ModelOption {
  @Option(
      names = "--model",
      paramLabel = "FILE",
      description = "Model file (default: ${DEFAULT-VALUE}, the shipped model).")
  Path model = ModelStore.defaultModel();

  public Path path() {
    return model;
  }

  public DigitClassifier load() throws IOException {
    return ModelStore.load(model);
  }
}
