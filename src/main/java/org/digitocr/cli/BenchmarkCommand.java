package org.digitocr.cli;

import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.digitocr.bench.Benchmark;
import org.digitocr.bench.Figure;
import org.digitocr.bench.InferenceProbe;
import org.digitocr.bench.Probe;
import org.digitocr.bench.ScanProbe;
import org.digitocr.bench.StartupProbe;
import org.digitocr.bench.TrainingProbe;
import org.digitocr.mnist.MnistFiles;
import org.digitocr.mnist.MnistSet;
import org.digitocr.model.DigitClassifier;
import org.digitocr.model.ModelStore;
import org.digitocr.runtime.Natives;
import org.digitocr.synth.PageGenerator;
import org.digitocr.train.TrainingConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(
    name = "benchmark",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = {
      "Measure the program's speed: start-up to a ready model (fresh JVMs), inference at batch 1"
          + " and 256, generated A4 pages read per second (one worker, then scan --jobs with one"
          + " worker per core in a fresh JVM), seconds per training epoch. Medians of repeats.",
      "Other processes on the machine slow every figure down; the load average is printed beside"
          + " them."
    })
public final class BenchmarkCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Mixin ModelOption model;

  @Mixin MnistDataOption data;

  @Option(names = "--json", description = "Print one JSON object with the figures.")
  boolean json;

  @Option(
      names = "--epochs",
      paramLabel = "N",
      defaultValue = "3",
      description = "Training epochs timed (default: ${DEFAULT-VALUE}).")
  int epochs;

  @Option(
      names = "--cnn-epochs",
      paramLabel = "N",
      defaultValue = "1",
      description = "CNN training epochs timed, 0 for none (default: ${DEFAULT-VALUE}).")
  int cnnEpochs;

  @Option(
      names = "--train-size",
      paramLabel = "N",
      defaultValue = "60000",
      description = "Training digits per epoch (default: ${DEFAULT-VALUE}).")
  int trainSize;

  @Option(
      names = "--test-size",
      paramLabel = "N",
      defaultValue = "10000",
      description = "Test digits classified and scored (default: ${DEFAULT-VALUE}).")
  int testSize;

  @Option(
      names = "--repeats",
      paramLabel = "N",
      defaultValue = "3",
      description =
          "Timed repeats per batch size, each at least a second of passes over the test digits"
              + " (default: ${DEFAULT-VALUE}).")
  int repeats;

  @Option(
      names = "--startup-runs",
      paramLabel = "N",
      defaultValue = "3",
      description = "Fresh JVMs started to time start-up (default: ${DEFAULT-VALUE}).")
  int startupRuns;

  @Option(
      names = "--pages",
      paramLabel = "N",
      defaultValue = "40",
      description =
          "Generated A4 pages one worker reads to time the scan pipeline; scan --jobs then reads"
              + " these and the warm-up pages (default: ${DEFAULT-VALUE}).")
  int pages;

  @Option(
      names = "--warm-up-pages",
      paramLabel = "N",
      defaultValue = "30",
      description =
          "Generated pages read before the scan is timed, while the JIT compiles the pipeline"
              + " (default: ${DEFAULT-VALUE}).")
  int warmUpPages;

  @Override
  public Integer call() throws Exception {
    requirePositive("--epochs", epochs);
    requirePositive("--train-size", trainSize);
    requirePositive("--test-size", testSize);
    requirePositive("--repeats", repeats);
    requirePositive("--startup-runs", startupRuns);
    requirePositive("--pages", pages);
    requireNotNegative("--cnn-epochs", cnnEpochs);
    requireNotNegative("--warm-up-pages", warmUpPages);
    Natives.loadOpenCv();
    Natives.configureNd4j();
    MnistSet train = MnistFiles.train(data.dir()).first(trainSize);
    MnistSet test = MnistFiles.test(data.dir()).first(testSize);
    // Inference is timed for --model alone (issue 8's figures are the MLP's); pages are read as
    // scan reads them, with the checker.
    DigitClassifier classifier = ModelStore.load(model.path());
    double loadBefore = loadAverage();
    List<Probe> probes =
        new ArrayList<>(
            List.of(
                new StartupProbe(model.choice(), startupRuns),
                new InferenceProbe(classifier, test, repeats),
                new ScanProbe(
                    model.choice(),
                    DigitOcr.class.getName(),
                    PageGenerator.fromMnistTest(data.dir()),
                    warmUpPages,
                    pages),
                new TrainingProbe(train, test, epochs, TrainingConfig.MLP)));
    if (cnnEpochs > 0) {
      probes.add(new TrainingProbe(train, test, cnnEpochs, TrainingConfig.CNN));
    }
    PrintWriter err = spec.commandLine().getErr();
    List<Figure> figures =
        Benchmark.run(
            probes,
            what -> {
              err.println("benchmark: " + what);
              err.flush();
            });
    PrintWriter out = spec.commandLine().getOut();
    if (json) {
      out.println(ModelStore.json().writeValueAsString(Benchmark.json(figures)));
    } else {
      for (Figure f : figures) {
        out.printf("%-62s %12s %s%n", f.label(), format(f.value()), f.unit());
      }
      out.printf(
          "%d cores; OpenBLAS threads %d (training: %d), threads a batch is read on %d,"
              + " element-wise threads %d; native memory from %s; load average %.1f before,"
              + " %.1f after%n",
          Runtime.getRuntime().availableProcessors(),
          Natives.blasThreads(),
          Runtime.getRuntime().availableProcessors(),
          Natives.batchThreads(),
          Natives.elementwiseThreads(),
          Natives.memoryAllocator(),
          loadBefore,
          loadAverage());
    }
    out.flush();
    return 0;
  }

  private static String format(double value) {
    return value >= 100 ? String.format("%,.0f", value) : String.format("%.3f", value);
  }

  private static double loadAverage() {
    return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
  }

  private static void requireNotNegative(String option, int value) {
    if (value < 0) {
      throw new IllegalArgumentException(option + " must be 0 or more, got " + value);
    }
  }

  private static void requirePositive(String option, int value) {
    if (value < 1) {
      throw new IllegalArgumentException(option + " must be at least 1, got " + value);
    }
  }
}
