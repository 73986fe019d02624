package org.digitocr.train;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.digitocr.model.ModelStore;
import org.digitocr.output.AtomicFiles;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.style.Styler;

/** Writes the training history as CSV and JSON and plots accuracy and loss per epoch. */
public final class HistoryWriter {
  private HistoryWriter() {}

  public static void write(List<EpochStats> history, Path dir) throws IOException {
    write(history, dir, "test");
  }

  /**
   * @param heldOut what the per-epoch held-out figures were measured on: "test" (the tutorial's
   *     way) or "validation"
   */
  public static void write(List<EpochStats> history, Path dir, String heldOut) throws IOException {
    AtomicFiles.write(dir.resolve("history.csv"), out -> writeCsv(history, heldOut, out));
    AtomicFiles.write(
        dir.resolve("history.json"), out -> ModelStore.json().writeValue(out, history));
    double[] epochs = history.stream().mapToDouble(EpochStats::epoch).toArray();
    plot(
        dir.resolve("accuracy.png"),
        "Model accuracy",
        Styler.LegendPosition.InsideSE,
        "accuracy",
        epochs,
        history.stream().mapToDouble(EpochStats::trainAccuracy).toArray(),
        history.stream().mapToDouble(EpochStats::testAccuracy).toArray(),
        heldOut);
    plot(
        dir.resolve("loss.png"),
        "Model loss",
        Styler.LegendPosition.InsideNE,
        "loss",
        epochs,
        history.stream().mapToDouble(EpochStats::trainLoss).toArray(),
        history.stream().mapToDouble(EpochStats::testLoss).toArray(),
        heldOut);
  }

  private static void writeCsv(List<EpochStats> history, String heldOut, OutputStream out)
      throws IOException {
    Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
    CSVPrinter csv =
        CSVFormat.DEFAULT
            .builder()
            .setHeader(
                "epoch",
                "seconds",
                "train_loss",
                "train_accuracy",
                heldOut + "_loss",
                heldOut + "_accuracy")
            .get()
            .print(writer);
    for (EpochStats e : history) {
      csv.printRecord(
          e.epoch(), e.seconds(), e.trainLoss(), e.trainAccuracy(), e.testLoss(), e.testAccuracy());
    }
    csv.flush();
  }

  private static void plot(
      Path png,
      String title,
      Styler.LegendPosition legend,
      String yLabel,
      double[] epochs,
      double[] train,
      double[] test,
      String heldOut)
      throws IOException {
    XYChart chart =
        new XYChartBuilder()
            .width(800)
            .height(600)
            .title(title)
            .xAxisTitle("epoch")
            .yAxisTitle(yLabel)
            .build();
    chart.getStyler().setLegendPosition(legend);
    chart.addSeries("train", epochs, train);
    chart.addSeries(heldOut, epochs, test);
    AtomicFiles.write(
        png, out -> BitmapEncoder.saveBitmap(chart, out, BitmapEncoder.BitmapFormat.PNG));
  }
}
