package org.digitocr.train;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.digitocr.mnist.MnistSet;
import org.digitocr.model.ModelStore;
import org.digitocr.output.AtomicFiles;

/**
 * Writes an evaluation into a folder: {@code evaluation.json}, {@code confusion.csv}, {@code
 * confusion.png} (heat map) and {@code mistakes.png} (the most confidently wrong digits).
 */
public final class EvaluationWriter {
  private static final ObjectMapper JSON =
      ModelStore.json().copy().setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE);
  private static final int MONTAGE_COLUMNS = 8;

  private EvaluationWriter() {}

  /**
   * The report as one line of JSON with snake_case keys (accuracy, loss, per_class, confusion…).
   */
  public static String toJson(EvaluationReport report) throws JsonProcessingException {
    return JSON.writer().without(SerializationFeature.INDENT_OUTPUT).writeValueAsString(report);
  }

  /**
   * @param data the set the report was made on, for the images of the mistakes
   */
  public static void write(EvaluationReport report, MnistSet data, Path dir) throws IOException {
    AtomicFiles.write(dir.resolve("evaluation.json"), out -> JSON.writeValue(out, report));
    AtomicFiles.write(dir.resolve("confusion.csv"), out -> writeConfusionCsv(report, out));
    ConfusionHeatMap.write(
        report.confusion(),
        labels(report),
        String.format(
            "Confusion matrix: %,d test digits, accuracy %.2f%%",
            report.size(), 100 * report.accuracy()),
        dir.resolve("confusion.png"));
    List<Montage.Tile> tiles = new ArrayList<>();
    for (EvaluationReport.Mistake m : report.mostConfidentMistakes()) {
      tiles.add(
          new Montage.Tile(
              data.image(m.index()),
              String.format(
                  "#%d true %d\nread %d (%.1f%%)",
                  m.index(), m.trueClass(), m.predictedClass(), 100 * m.confidence())));
    }
    int errors = report.size() - trace(report.confusion());
    Montage.write(
        tiles,
        MONTAGE_COLUMNS,
        String.format(
            "The %d most confidently wrong of %,d errors in %,d test digits",
            tiles.size(), errors, report.size()),
        dir.resolve("mistakes.png"));
  }

  private static List<String> labels(EvaluationReport report) {
    return report.perClass().stream().map(EvaluationReport.ClassScores::label).toList();
  }

  private static void writeConfusionCsv(EvaluationReport report, OutputStream out)
      throws IOException {
    List<String> header = new ArrayList<>();
    header.add("true\\predicted");
    header.addAll(labels(report));
    Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
    CSVPrinter csv =
        CSVFormat.DEFAULT.builder().setHeader(header.toArray(String[]::new)).get().print(writer);
    for (int truth = 0; truth < report.classes(); truth++) {
      List<Object> row = new ArrayList<>();
      row.add(labels(report).get(truth));
      for (int count : report.confusion()[truth]) {
        row.add(count);
      }
      csv.printRecord(row);
    }
    csv.flush();
  }

  private static int trace(int[][] confusion) {
    int sum = 0;
    for (int c = 0; c < confusion.length; c++) {
      sum += confusion[c][c];
    }
    return sum;
  }
}
