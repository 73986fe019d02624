package org.digitocr.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.digitocr.mnist.MnistFiles;
import org.digitocr.mnist.MnistSet;
import org.digitocr.model.DigitClassifier;
import org.digitocr.model.Prediction;
import org.digitocr.runtime.Natives;
import org.digitocr.train.EvaluationReport;
import org.digitocr.train.EvaluationWriter;
import org.digitocr.train.Evaluator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(
    name = "evaluate",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = {
      "Score a model on the MNIST test set: loss, accuracy, per-class precision/recall/F1.",
      "Writes evaluation.json, confusion.csv, confusion.png (heat map) and mistakes.png (the"
          + " most confidently wrong test digits) into --out."
    })
public final class EvaluateCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Mixin ModelOption model;

  @Mixin MnistDataOption data;

  @Option(
      names = "--out",
      paramLabel = "DIR",
      defaultValue = "output/evaluation",
      description = "Folder for the files written (default: ${DEFAULT-VALUE}).")
  Path out;

  @Option(
      names = "--mistakes",
      paramLabel = "N",
      defaultValue = "32",
      description = "Wrong digits shown in mistakes.png (default: ${DEFAULT-VALUE}).")
  int mistakes;

  @Option(names = "--json", description = "Print one JSON object instead of the table.")
  boolean json;

  @Override
  public Integer call() throws Exception {
    Natives.loadOpenCv();
    Natives.configureNd4j();
    MnistSet test = MnistFiles.test(data.dir());
    DigitClassifier classifier = model.load();
    EvaluationReport report = new Evaluator(mistakes).evaluate(classifier, test);
    EvaluationWriter.write(report, test, out);
    PrintWriter stdout = spec.commandLine().getOut();
    if (json) {
      stdout.println(EvaluationWriter.toJson(report));
    } else {
      printTable(report, stdout);
    }
    stdout.flush();
    return 0;
  }

  private void printTable(EvaluationReport report, PrintWriter stdout) {
    stdout.printf(
        "%s on %,d test digits: accuracy %.2f%%, loss %.4f%n",
        model.choice(), report.size(), 100 * report.accuracy(), report.loss());
    stdout.printf("%-6s %9s %9s %9s %8s%n", "class", "precision", "recall", "f1", "support");
    for (EvaluationReport.ClassScores c : report.perClass()) {
      stdout.printf(
          "%-6s %9.4f %9.4f %9.4f %8d%n",
          c.label(), c.precision(), c.recall(), c.f1(), c.support());
    }
    if (report.classes() > Prediction.NOT_A_DIGIT) {
      int setAside = 0;
      for (int truth = 0; truth < Prediction.NOT_A_DIGIT; truth++) {
        setAside += report.confusion()[truth][Prediction.NOT_A_DIGIT];
      }
      stdout.printf(
          "Not a digit (class %d): %,d test digits set aside (%.2f%%), counted as wrong above%n",
          Prediction.NOT_A_DIGIT, setAside, 100.0 * setAside / report.size());
    }
    stdout.println("Wrote evaluation.json, confusion.csv, confusion.png, mistakes.png to " + out);
  }
}
