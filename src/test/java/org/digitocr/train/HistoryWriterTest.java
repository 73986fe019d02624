package org.digitocr.train;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.digitocr.model.ModelStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HistoryWriterTest {
  @TempDir Path dir;

  private static final List<EpochStats> HISTORY =
      List.of(
          new EpochStats(1, 6.1, 0.25, 0.92, 0.12, 0.96),
          new EpochStats(2, 6.0, 0.10, 0.97, 0.09, 0.97),
          new EpochStats(3, 5.9, 0.07, 0.98, 0.08, 0.98));

  @Test
  void writesCsvJsonAndBothPlots() throws IOException {
    Path out = dir.resolve("history");
    HistoryWriter.write(HISTORY, out);

    List<String> csv = Files.readAllLines(out.resolve("history.csv"));
    assertEquals("epoch,seconds,train_loss,train_accuracy,test_loss,test_accuracy", csv.get(0));
    assertEquals(4, csv.size());
    assertEquals("3,5.9,0.07,0.98,0.08,0.98", csv.get(3));

    EpochStats[] json =
        ModelStore.json().readValue(out.resolve("history.json").toFile(), EpochStats[].class);
    assertEquals(HISTORY, List.of(json));

    for (String plot : List.of("accuracy.png", "loss.png")) {
      BufferedImage image = ImageIO.read(out.resolve(plot).toFile());
      assertEquals(800, image.getWidth(), plot);
      assertEquals(600, image.getHeight(), plot);
    }
    try (var files = Files.list(out)) {
      assertEquals(4, files.count(), "no temporary files left");
    }
  }
}
