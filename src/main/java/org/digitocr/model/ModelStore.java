package org.digitocr.model;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.util.ModelSerializer;
import org.digitocr.output.AtomicFiles;

/**
 * Saves and loads models as {@code NAME.zip} (deeplearning4j, without updater state: a third of the
 * size, ten times faster to load, identical outputs) with {@code NAME.json} metadata beside.
 */
public final class ModelStore {
  /**
   * The tutorial's MLP trained with augmentation: same network and speed as {@code mlp.zip}, but it
   * reads generated pages and photos better (models/README.md has the figures).
   */
  public static final String DEFAULT_MODEL = "mlp-augmented.zip";

  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private ModelStore() {}

  /**
   * The CNN that re-reads the digits the default model is unsure of: slower, but it misreads a
   * third fewer of them (models/README.md).
   */
  public static final String DEFAULT_RECHECK_MODEL = "cnn.zip";

  /** The default model's readings less confident than this are rechecked. */
  public static final float DEFAULT_RECHECK_BELOW = 0.99f;

  /** {@link #DEFAULT_MODEL}, as {@link #shipped(String)} finds it. */
  public static Path defaultModel() {
    return shipped(DEFAULT_MODEL);
  }

  /** {@link #DEFAULT_RECHECK_MODEL}, as {@link #shipped(String)} finds it. */
  public static Path defaultRecheckModel() {
    return shipped(DEFAULT_RECHECK_MODEL);
  }

  /**
   * A shipped model: in {@code models/} under the working directory, else beside the installed jar
   * ({@code target/../models}).
   */
  static Path shipped(String name) {
    Path local = Path.of("models", name);
    if (Files.isRegularFile(local)) {
      return local;
    }
    try {
      Path jar =
          Path.of(ModelStore.class.getProtectionDomain().getCodeSource().getLocation().toURI());
      Path beside = jar.getParent().getParent().resolve("models").resolve(name);
      return Files.isRegularFile(beside) ? beside : local;
    } catch (Exception e) {
      return local;
    }
  }

  public static Path metadataFile(Path model) {
    String name = model.getFileName().toString();
    String stem = name.endsWith(".zip") ? name.substring(0, name.length() - 4) : name;
    return model.resolveSibling(stem + ".json");
  }

  /**
   * Writes model and metadata through temporary files, so a crash never leaves half a model; both
   * end up world-readable, as models are shared.
   */
  public static void save(MultiLayerNetwork network, ModelMetadata metadata, Path model)
      throws IOException {
    AtomicFiles.write(model, out -> ModelSerializer.writeModel(network, out, false));
    AtomicFiles.write(metadataFile(model), out -> JSON.writeValue(out, metadata));
  }

  public static MultiLayerNetwork loadNetwork(Path model) throws IOException {
    if (!Files.isRegularFile(model)) {
      throw new IOException(model + ": model not found (train one with: digit-ocr train)");
    }
    try {
      return ModelSerializer.restoreMultiLayerNetwork(model.toFile(), false);
    } catch (Exception e) {
      throw unreadable(model.toString(), e);
    }
  }

  public static DigitClassifier load(Path model) throws IOException {
    return NetworkClassifier.forInference(loadNetwork(model));
  }

  /**
   * A model held in memory (one shipped to Spark executors).
   *
   * @param name where the bytes came from, for messages
   */
  public static DigitClassifier load(String name, byte[] model) throws IOException {
    try {
      return NetworkClassifier.forInference(
          ModelSerializer.restoreMultiLayerNetwork(new ByteArrayInputStream(model), false));
    } catch (Exception e) {
      throw unreadable(name, e);
    }
  }

  private static IOException unreadable(String name, Exception e) {
    return new IOException(name + ": not a readable model (" + e.getMessage() + ")", e);
  }

  public static ModelMetadata readMetadata(Path model) throws IOException {
    Path file = metadataFile(model);
    try {
      return JSON.readValue(file.toFile(), ModelMetadata.class);
    } catch (IOException e) {
      throw new IOException(file + ": unreadable model metadata (" + e.getMessage() + ")", e);
    }
  }

  public static ObjectMapper json() {
    return JSON;
  }
}
