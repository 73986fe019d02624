package org.digitocr.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.List;
import java.util.Map;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.digitocr.runtime.Natives;
import org.digitocr.train.EpochStats;
import org.digitocr.train.TrainingConfig;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

class ModelStoreTest {
  @TempDir Path dir;

  @BeforeAll
  static void natives() {
    Natives.configureNd4j();
  }

  @Test
  void savedModelGivesIdenticalOutputsAfterLoading() throws IOException {
    MultiLayerNetwork network = MlpFactory.build(List.of(64, 32), 0.2, 0.001, 5);
    Path file = dir.resolve("models").resolve("small.zip");
    ModelStore.save(network, metadata(network), file);

    INDArray batch = Nd4j.rand(org.nd4j.linalg.api.buffer.DataType.FLOAT, 50, 784);
    INDArray before = network.output(batch, false);
    INDArray after = ModelStore.load(file).probabilities(batch);
    assertEquals(before, after);
    assertEquals(0.25, ModelStore.readMetadata(file).testAccuracy());
  }

  @Test
  void savedFilesAreWorldReadableAndNoTemporaryFileIsLeft() throws IOException {
    MultiLayerNetwork network = MlpFactory.build(List.of(16), 0.2, 0.001, 5);
    Path file = dir.resolve("shared.zip");
    ModelStore.save(network, metadata(network), file);
    for (Path saved : List.of(file, ModelStore.metadataFile(file))) {
      assertTrue(
          Files.getPosixFilePermissions(saved).contains(PosixFilePermission.OTHERS_READ),
          saved + " " + Files.getPosixFilePermissions(saved));
    }
    try (var files = Files.list(dir)) {
      assertEquals(
          List.of("shared.json", "shared.zip"),
          files.map(p -> p.getFileName().toString()).sorted().toList());
    }
  }

  @Test
  void modelBytesLoadToTheSameNetworkAndBrokenBytesGiveOneLine() throws IOException {
    MultiLayerNetwork network = MlpFactory.build(List.of(32), 0.2, 0.001, 5);
    Path file = dir.resolve("shipped.zip");
    ModelStore.save(network, metadata(network), file);

    INDArray batch = Nd4j.rand(org.nd4j.linalg.api.buffer.DataType.FLOAT, 20, 784);
    INDArray fromFile = ModelStore.load(file).probabilities(batch);
    assertEquals(
        fromFile, ModelStore.load("broadcast", Files.readAllBytes(file)).probabilities(batch));
    IOException broken =
        assertThrows(IOException.class, () -> ModelStore.load("broadcast", new byte[] {1, 2, 3}));
    assertTrue(
        broken.getMessage().startsWith("broadcast: not a readable model"), broken.getMessage());
    assertTrue(!broken.getMessage().contains("\n"), broken.getMessage());
  }

  @Test
  void missingOrBrokenModelGivesOneLineNamingTheFile() throws IOException {
    Path absent = dir.resolve("absent.zip");
    IOException missing = assertThrows(IOException.class, () -> ModelStore.load(absent));
    assertTrue(missing.getMessage().startsWith(absent + ": "), missing.getMessage());
    Path broken = Files.writeString(dir.resolve("broken.zip"), "not a model");
    IOException unreadable = assertThrows(IOException.class, () -> ModelStore.load(broken));
    assertTrue(unreadable.getMessage().startsWith(broken + ": "), unreadable.getMessage());
    assertTrue(!unreadable.getMessage().contains("\n"), unreadable.getMessage());
  }

  private static ModelMetadata metadata(MultiLayerNetwork network) {
    TrainingConfig config = TrainingConfig.tutorial();
    return new ModelMetadata(
        "small",
        "mlp",
        network.numParams(),
        config,
        Map.of(),
        List.of(new EpochStats(1, 1.0, 2.0, 0.2, 2.1, 0.25)),
        2.1,
        0.25,
        1.0,
        Map.of("java", "17"),
        "2026-01-01T00:00:00Z",
        "train");
  }
}
