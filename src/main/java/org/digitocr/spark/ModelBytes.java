package org.digitocr.spark;

import java.io.IOException;
import java.io.Serializable;
import java.nio.file.Files;
import java.nio.file.Path;
import org.digitocr.model.DigitClassifier;
import org.digitocr.model.ModelChoice;
import org.digitocr.model.ModelStore;
import org.digitocr.model.RecheckingClassifier;

/**
 * The model files of a {@link ModelChoice}, read on the driver and broadcast to the executors.
 *
 * @param recheck null when there is no checker
 */
record ModelBytes(byte[] model, byte[] recheck, float recheckBelow) implements Serializable {

  static ModelBytes read(ModelChoice choice) throws IOException {
    return new ModelBytes(
        read(choice.model()),
        choice.recheck() == null ? null : read(choice.recheck()),
        choice.recheckBelow());
  }

  private static byte[] read(Path model) throws IOException {
    if (!Files.isRegularFile(model)) {
      throw new IOException(model + ": model not found (train one with: digit-ocr train)");
    }
    return Files.readAllBytes(model);
  }

  /**
   * @param name where the bytes came from, for messages
   */
  DigitClassifier load(String name) throws IOException {
    DigitClassifier first = ModelStore.load(name, model);
    return recheck == null
        ? first
        : new RecheckingClassifier(first, ModelStore.load(name, recheck), recheckBelow);
  }
}
