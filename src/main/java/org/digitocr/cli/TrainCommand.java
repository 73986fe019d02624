package org.digitocr.cli;

import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.digitocr.mnist.MnistFiles;
import org.digitocr.mnist.MnistSet;
import org.digitocr.model.ModelMetadata;
import org.digitocr.model.ModelStore;
import org.digitocr.runtime.Natives;
import org.digitocr.train.EpochStats;
import org.digitocr.train.HistoryWriter;
import org.digitocr.train.ModelSummary;
import org.digitocr.train.Trainer;
import org.digitocr.train.TrainingConfig;
import org.digitocr.train.TrainingListener;
import org.digitocr.util.Sha256;
import org.nd4j.linalg.factory.Nd4j;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(
    name = "train",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = "Train the MLP on MNIST and save it with its metadata, history and plots.")
public final class TrainCommand implements Callable<Integer> {
  @Option(
      names = "--epochs",
      defaultValue = "25",
      description = "Epochs (default: ${DEFAULT-VALUE}).")
  int epochs;

  @Option(
      names = "--batch-size",
      defaultValue = "128",
      description = "Mini-batch size (default: ${DEFAULT-VALUE}).")
  int batchSize;

  @Option(
      names = "--train-size",
      defaultValue = "60000",
      description = "Training digits used, from the start of the set (default: ${DEFAULT-VALUE}).")
  int trainSize;

  @Option(
      names = "--test-size",
      defaultValue = "10000",
      description = "Test digits used (default: ${DEFAULT-VALUE}).")
  int testSize;

  @Option(
      names = "--seed",
      defaultValue = "9",
      description = "Random seed (default: ${DEFAULT-VALUE}).")
  long seed;

  @Option(
      names = "--hidden",
      defaultValue = "512,256",
      split = ",",
      description = "Hidden layer sizes (default: ${DEFAULT-VALUE}).")
  List<Integer> hidden;

  @Option(
      names = "--dropout",
      defaultValue = "0.2",
      description =
          "Dropout rate after each hidden layer, Keras convention: fraction dropped (default: ${DEFAULT-VALUE}).")
  double dropout;

  @Option(
      names = "--learning-rate",
      defaultValue = "0.001",
      description = "Adam learning rate (default: ${DEFAULT-VALUE}).")
  double learningRate;

  @Mixin MnistDataOption data;

  @Option(
      names = "--out",
      defaultValue = "models/mlp.zip",
      description =
          "Model file to write; metadata goes beside it as .json (default: ${DEFAULT-VALUE}).")
  Path out;

  @Option(
      names = "--history-dir",
      defaultValue = "output/training",
      description =
          "Folder for history.csv/json, accuracy.png, loss.png (default: ${DEFAULT-VALUE}).")
  Path historyDir;

  @Override
  public Integer call() throws Exception {
    if (!(dropout >= 0 && dropout < 1)) {
      throw new IllegalArgumentException("--dropout must be in [0, 1), got " + dropout);
    }
    Natives.configureNd4j();
    TrainingConfig config =
        new TrainingConfig(
            epochs, batchSize, trainSize, testSize, seed, hidden, dropout, learningRate);
    MnistSet train = MnistFiles.train(data.dir()).first(trainSize);
    MnistSet test = MnistFiles.test(data.dir()).first(testSize);
    System.out.printf("Training on %,d digits, testing on %,d%n", train.size(), test.size());

    MultiLayerNetwork network = Trainer.newNetwork(config);
    System.out.print(ModelSummary.of(network));
    Trainer.Result result =
        new Trainer().train(network, train, test, config, new ConsoleListener());
    EpochStats last = result.history().get(result.history().size() - 1);
    ModelStore.save(result.network(), metadata(config, result, last), out);
    HistoryWriter.write(result.history(), historyDir);
    System.out.printf(
        "Test loss %.4f, test accuracy %.2f%% after %.1f s. Model: %s; history and plots: %s%n",
        last.testLoss(), 100 * last.testAccuracy(), result.seconds(), out, historyDir);
    return 0;
  }

  private ModelMetadata metadata(TrainingConfig config, Trainer.Result result, EpochStats last)
      throws java.io.IOException {
    Map<String, String> sha = new LinkedHashMap<>();
    for (String name :
        List.of(
            "train-images-idx3-ubyte", "train-labels-idx1-ubyte",
            "t10k-images-idx3-ubyte", "t10k-labels-idx1-ubyte")) {
      Path file = data.dir().resolve(name);
      sha.put(name, java.nio.file.Files.isRegularFile(file) ? Sha256.of(file) : "(gzip or absent)");
    }
    Map<String, String> libraries = new LinkedHashMap<>();
    libraries.put("java", System.getProperty("java.version"));
    libraries.put(
        "deeplearning4j", MultiLayerNetwork.class.getPackage().getImplementationVersion());
    libraries.put("nd4j-backend", Nd4j.getBackend().getClass().getSimpleName());
    return new ModelMetadata(
        out.getFileName().toString().replaceFirst("\\.zip$", ""),
        "mlp",
        result.network().numParams(),
        config,
        sha,
        result.history(),
        last.testLoss(),
        last.testAccuracy(),
        result.seconds(),
        libraries,
        Instant.now().toString(),
        "java -jar target/digit-ocr.jar train --epochs "
            + config.epochs()
            + " --seed "
            + config.seed()
            + " --out "
            + out);
  }

  /** Progress bar within an epoch on a terminal, one line per epoch everywhere. */
  private static final class ConsoleListener implements TrainingListener {
    private ProgressBar bar;

    @Override
    public void onEpochStart(int epoch, int batches) {
      if (System.console() != null) {
        bar = new ProgressBarBuilder().setTaskName("epoch " + epoch).setInitialMax(batches).build();
      }
    }

    @Override
    public void onBatch(int epoch, int batch) {
      if (bar != null) {
        bar.stepTo(batch);
      }
    }

    @Override
    public void onEpochEnd(EpochStats e) {
      if (bar != null) {
        bar.close();
        bar = null;
      }
      System.out.printf(
          "Epoch %2d  %5.1f s  loss %.4f  accuracy %.4f  test_loss %.4f  test_accuracy %.4f%n",
          e.epoch(), e.seconds(), e.trainLoss(), e.trainAccuracy(), e.testLoss(), e.testAccuracy());
    }
  }
}
