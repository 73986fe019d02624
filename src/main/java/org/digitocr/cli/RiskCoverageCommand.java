package org.digitocr.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import org.digitocr.mnist.MnistFiles;
import org.digitocr.mnist.MnistSet;
import org.digitocr.model.ModelStore;
import org.digitocr.runtime.Natives;
import org.digitocr.train.RiskCoverage;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(
    name = "risk-coverage",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = {
      "What scan's --min-confidence does, measured on the MNIST test set: for each threshold,"
          + " the accuracy of the digits kept and the share set aside.",
      "Prints a Markdown table (or JSON with --json)."
    })
public final class RiskCoverageCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Mixin ModelOption model;

  @Mixin MnistDataOption data;

  @Option(
      names = "--thresholds",
      split = ",",
      defaultValue = "0,0.5,0.8,0.9,0.95,0.99,0.999",
      description = "Confidence thresholds (default: ${DEFAULT-VALUE}).")
  double[] thresholds;

  @Option(names = "--json", description = "Print one JSON array instead of the table.")
  boolean json;

  @Override
  public Integer call() throws Exception {
    Natives.configureNd4j();
    MnistSet test = MnistFiles.test(data.dir());
    List<RiskCoverage.Row> rows = RiskCoverage.of(model.load(), test, thresholds);
    PrintWriter out = spec.commandLine().getOut();
    if (json) {
      out.println(ModelStore.json().writeValueAsString(rows));
    } else {
      Double temperature = calibration();
      out.printf(
          "%s on %,d MNIST test digits (%s)%n%n",
          model.choice(),
          test.size(),
          temperature == null
              ? "not calibrated"
              : String.format("calibrated: temperature %.3f", temperature));
      out.println(
          "| min confidence | digits kept | accuracy of kept | set aside | mean confidence of kept |");
      out.println("|---:|---:|---:|---:|---:|");
      for (RiskCoverage.Row row : rows) {
        out.printf(
            "| %s | %,d | %.2f%% | %.2f%% | %.2f%% |%n",
            row.threshold(),
            row.kept(),
            100 * row.keptAccuracy(),
            100 * row.rejected(),
            100 * row.meanConfidence());
      }
    }
    out.flush();
    return 0;
  }

  /** The fitted temperature, or null when the model was not calibrated or has no metadata. */
  private Double calibration() {
    try {
      return ModelStore.readMetadata(model.path()).temperature();
    } catch (java.io.IOException e) {
      return null;
    }
  }
}
