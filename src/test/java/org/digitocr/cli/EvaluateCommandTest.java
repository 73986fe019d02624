package org.digitocr.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.digitocr.mnist.IdxFixtures;
import org.digitocr.model.MlpFactory;
import org.digitocr.model.ModelMetadata;
import org.digitocr.model.ModelStore;
import org.digitocr.train.TrainingConfig;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code evaluate} on a small generated test split with an untrained model. */
class EvaluateCommandTest {
  private static final int DIGITS = 40;

  @TempDir static Path dir;

  private static CliRun run;

  @BeforeAll
  static void evaluate() throws IOException {
    byte[] labels = new byte[DIGITS];
    for (int i = 0; i < DIGITS; i++) {
      labels[i] = (byte) (i % 10);
    }
    IdxFixtures.writeTestSplit(dir.resolve("data"), labels);
    MultiLayerNetwork network = MlpFactory.build(List.of(32), 0.2, 0.001, 3);
    Path model = dir.resolve("model.zip");
    ModelStore.save(
        network,
        new ModelMetadata(
            "untrained",
            "mlp",
            network.numParams(),
            TrainingConfig.tutorial(),
            Map.of(),
            List.of(),
            0,
            0,
            0,
            Map.of(),
            "",
            ""),
        model);
    run =
        CliRun.of(
            "evaluate",
            "--json",
            "--data",
            dir.resolve("data").toString(),
            "--model",
            model.toString(),
            "--out",
            dir.resolve("out").toString());
  }

  @Test
  void jsonHasScoresPerClassAndTheConfusionMatrix() throws IOException {
    assertEquals(0, run.exitCode(), run.err());
    assertEquals(1, run.outLines().size(), "one JSON object on one line");
    JsonNode json = new ObjectMapper().readTree(run.out());
    double accuracy = json.get("accuracy").asDouble();
    assertTrue(accuracy >= 0 && accuracy <= 1, "accuracy " + accuracy);
    assertTrue(json.get("loss").asDouble() > 0);
    JsonNode perClass = json.get("per_class");
    assertEquals(10, perClass.size());
    for (String key : List.of("label", "precision", "recall", "f1", "support")) {
      assertTrue(perClass.get(0).has(key), key);
    }
    JsonNode confusion = json.get("confusion");
    assertEquals(10, confusion.size());
    int total = 0;
    int correct = 0;
    for (int digit = 0; digit < 10; digit++) {
      assertEquals(10, confusion.get(digit).size());
      int row = 0;
      for (JsonNode count : confusion.get(digit)) {
        row += count.asInt();
      }
      assertEquals(DIGITS / 10, row, "digit " + digit + " occurs " + DIGITS / 10 + " times");
      total += row;
      correct += confusion.get(digit).get(digit).asInt();
    }
    assertEquals(DIGITS, total);
    assertEquals(correct / (double) DIGITS, accuracy, 1e-9);
  }

  @Test
  void writesJsonCsvHeatMapAndMontage() throws IOException {
    Path out = dir.resolve("out");
    assertEquals(
        new ObjectMapper().readTree(run.out()),
        new ObjectMapper().readTree(out.resolve("evaluation.json").toFile()));
    List<String> csv = Files.readAllLines(out.resolve("confusion.csv"));
    assertEquals(11, csv.size());
    assertEquals("true\\predicted,0,1,2,3,4,5,6,7,8,9", csv.get(0));
    for (String png : List.of("confusion.png", "mistakes.png")) {
      BufferedImage image = ImageIO.read(out.resolve(png).toFile());
      assertTrue(image.getWidth() >= 400 && image.getHeight() >= 100, png);
    }
  }
}
