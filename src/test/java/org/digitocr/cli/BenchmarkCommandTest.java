package org.digitocr.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.List;
import org.deeplearning4j.util.ModelSerializer;
import org.digitocr.mnist.MnistTestData;
import org.digitocr.model.MlpFactory;
import org.digitocr.runtime.Natives;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The benchmark on a small slice of MNIST: its JSON has the documented figures, all measured. */
class BenchmarkCommandTest {
  @TempDir Path dir;

  @Test
  void jsonHasEveryFigurePositive() throws Exception {
    Path data = MnistTestData.dir();
    Natives.configureNd4j();
    Path model = dir.resolve("small.zip");
    ModelSerializer.writeModel(
        MlpFactory.build(List.of(32, 16), 0.2, 0.001, 1), model.toFile(), false);

    CliRun run =
        CliRun.of(
            "benchmark",
            "--json",
            "--data",
            data.toString(),
            "--model",
            model.toString(),
            "--train-size",
            "2000",
            "--test-size",
            "512",
            "--epochs",
            "1",
            "--repeats",
            "1",
            "--startup-runs",
            "1",
            "--warm-up-pages",
            "1",
            "--pages",
            "1");

    assertEquals(0, run.exitCode(), run.err());
    JsonNode figures = new ObjectMapper().readTree(run.out());
    for (String key :
        List.of(
            "train_seconds_per_epoch",
            "cnn_train_seconds_per_epoch",
            "infer_digits_per_second_batch1",
            "infer_digits_per_second_batch256",
            "startup_seconds",
            "scan_pages_per_second",
            "scan_jobs_pages_per_second")) {
      assertTrue(figures.path(key).isNumber(), key + " missing in " + run.out());
      double value = figures.get(key).doubleValue();
      assertTrue(value > 0 && Double.isFinite(value), key + " = " + value);
    }
  }

  @Test
  void missingModelIsOneLineNamingIt() {
    Path absent = dir.resolve("absent.zip");
    CliRun run =
        CliRun.of(
            "benchmark",
            "--data",
            MnistTestData.dir().toString(),
            "--model",
            absent.toString(),
            "--train-size",
            "256",
            "--test-size",
            "256",
            "--epochs",
            "1",
            "--repeats",
            "1",
            "--startup-runs",
            "1");
    assertEquals(DigitOcr.EXIT_FATAL, run.exitCode());
    assertEquals(1, run.errLines().size(), run.err());
    assertTrue(run.err().startsWith("digit-ocr: " + absent), run.err());
  }
}
