package org.digitocr.model;

import java.io.IOException;
import java.nio.file.Path;
import org.digitocr.util.Sha256;

/**
 * The models that read pages: one, or a fast one with a checker for the digits it is unsure of.
 *
 * @param model the model file
 * @param recheck the checker's model file, or null for none (also when it is {@code model} itself)
 * @param recheckBelow {@code model}'s readings less confident than this are rechecked
 */
public record ModelChoice(Path model, Path recheck, float recheckBelow) {
  public ModelChoice {
    if (recheck != null
        && recheck.toAbsolutePath().normalize().equals(model.toAbsolutePath().normalize())) {
      recheck = null;
    }
    if (!(recheckBelow >= 0 && recheckBelow <= 1)) {
      throw new IllegalArgumentException("recheckBelow must be in [0, 1], got " + recheckBelow);
    }
  }

  /** The shipped reading: the default model, rechecked by the default checker. */
  public static ModelChoice shipped() {
    return new ModelChoice(
        ModelStore.defaultModel(),
        ModelStore.defaultRecheckModel(),
        ModelStore.DEFAULT_RECHECK_BELOW);
  }

  /** One model, no recheck. */
  public static ModelChoice single(Path model) {
    return new ModelChoice(model, null, ModelStore.DEFAULT_RECHECK_BELOW);
  }

  public DigitClassifier load() throws IOException {
    DigitClassifier first = ModelStore.load(model);
    return recheck == null
        ? first
        : new RecheckingClassifier(first, ModelStore.load(recheck), recheckBelow);
  }

  /**
   * The files' content hashes and the threshold: results read with an equal fingerprint are equal.
   */
  public String fingerprint() throws IOException {
    String first = Sha256.of(model);
    return recheck == null ? first : first + "+" + Sha256.of(recheck) + "@" + recheckBelow;
  }

  @Override
  public String toString() {
    return recheck == null
        ? model.toString()
        : model + ", rechecked by " + recheck + " below " + recheckBelow;
  }
}
