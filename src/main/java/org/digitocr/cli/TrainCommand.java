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
import org.digitocr.mnist.MnistSet;
import org.digitocr.model.ModelMetadata;
import org.digitocr.model.ModelStore;
import org.digitocr.runtime.Natives;
import org.digitocr.train.EpochStats;
import org.digitocr.train.FinalScores;
import org.digitocr.train.HistoryWriter;
import org.digitocr.train.LearningRateSchedule;
import org.digitocr.train.ModelSummary;
import org.digitocr.train.Score;
import org.digitocr.train.Trainer;
import org.digitocr.train.TrainingConfig;
import org.digitocr.train.TrainingData;
import org.digitocr.train.TrainingListener;
import org.digitocr.train.WarmStart;
import org.digitocr.util.Sha256;
import org.nd4j.linalg.factory.Nd4j;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(
    name = "train",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = {
      "Train a model on MNIST and save it with its metadata, history and plots.",
      "By default the last 5,000 training digits are held out to choose"
          + " the epoch and calibrate the confidence, and the test set is scored once at the end;"
          + " --validate-on-test trains exactly as the tutorial does."
    })
public final class TrainCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

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
      names = "--arch",
      defaultValue = TrainingConfig.MLP,
      description = "mlp (the tutorial's) or cnn (default: ${DEFAULT-VALUE}).")
  String architecture;

  @Option(
      names = "--validation-split",
      defaultValue = "5000",
      description =
          "Digits held out from the end of the training set for model selection and"
              + " calibration (default: ${DEFAULT-VALUE}).")
  int validationSplit;

  @Option(
      names = "--validate-on-test",
      description =
          "The tutorial's way: train on all training digits and score the test set every epoch"
              + " (no validation split, no calibration).")
  boolean validateOnTest;

  @Option(
      names = "--patience",
      defaultValue = "0",
      description =
          "Stop after this many epochs without a lower held-out loss and keep the best epoch;"
              + " 0 runs every epoch and keeps the last (default: ${DEFAULT-VALUE}).")
  int patience;

  @Option(
      names = "--lr-schedule",
      defaultValue = LearningRateSchedule.CONSTANT,
      description =
          "Learning rate per epoch: constant, cosine (down to 1%% of --learning-rate) or exp:G"
              + " (times G every epoch) (default: ${DEFAULT-VALUE}).")
  String schedule;

  @Option(
      names = "--augment",
      description =
          "Distort the training digits afresh every epoch: elastic, stroke thickness, rotation,"
              + " scale, shear, shift.")
  boolean augment;

  @Option(
      names = "--page-crops",
      description =
          "Every epoch, redraw half of the training digits as the page reader sees handwriting:"
              + " binarised at a random threshold and normalised again.")
  boolean pageCrops;

  @Option(
      names = "--clean-share",
      defaultValue = "0",
      description =
          "With --augment or --page-crops, leave this share of the training digits undistorted"
              + " each epoch (default: ${DEFAULT-VALUE}).")
  double cleanShare;

  @Option(
      names = "--not-a-digit",
      defaultValue = "0",
      description =
          "Generate this many non-digits (printed text, punctuation, rules, box corners, blots,"
              + " halves and pairs of digits) and train an eleventh class, not a digit, on them;"
              + " 0 keeps ten classes (default: ${DEFAULT-VALUE}).")
  int notADigit;

  @Option(
      names = "--init-from",
      paramLabel = "FILE",
      description =
          "Start from this trained model's weights (same --arch and --hidden) instead of random"
              + " ones, e.g. to add the not-a-digit class to a trained ten-digit model.")
  Path initFrom;

  @Option(
      names = "--checkpoint",
      description =
          "After every epoch that lowers the held-out loss, save the network so far (with its"
              + " metadata, test set not scored) to this file, to keep if the run is stopped;"
              + " finish it with the calibrate command.")
  Path checkpoint;

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
    if (!(cleanShare >= 0 && cleanShare < 1)) {
      throw new IllegalArgumentException("--clean-share must be in [0, 1), got " + cleanShare);
    }
    Natives.configureNd4j();
    TrainingConfig config =
        new TrainingConfig(
            epochs,
            batchSize,
            trainSize,
            testSize,
            seed,
            hidden,
            dropout,
            learningRate,
            architecture,
            validateOnTest ? 0 : validationSplit,
            patience,
            schedule,
            augment,
            pageCrops,
            cleanShare,
            notADigit);
    LearningRateSchedule.parse(schedule, learningRate, epochs);
    TrainingData sets = TrainingData.load(data.dir(), config);
    MnistSet train = sets.train();
    MnistSet heldOut = sets.heldOut();
    MnistSet test = sets.test();
    String heldOutName = config.validatesOnTest() ? "test" : "validation";
    System.out.printf(
        "Training on %,d images, %s on %,d%s%n",
        train.size(),
        heldOutName,
        heldOut.size(),
        config.notADigit() > 0 ? " (both with generated non-digits)" : "");

    MultiLayerNetwork network = Trainer.newNetwork(config);
    if (initFrom != null) {
      WarmStart.copyWeights(ModelStore.loadNetwork(initFrom), network);
      System.out.println("Starting from the weights of " + initFrom);
    }
    System.out.print(ModelSummary.of(network));
    TrainingListener listener = new ConsoleListener(heldOutName);
    if (checkpoint != null) {
      listener = listener.andThen(new Checkpoint(network, config));
    }
    Trainer.Result result = new Trainer().train(network, train, heldOut, config, listener);
    EpochStats kept = result.history().get(result.keptEpoch() - 1);
    ModelMetadata metadata;
    if (config.validatesOnTest()) {
      metadata =
          metadata(
              config,
              result.network(),
              result.history(),
              result.seconds(),
              result.keptEpoch(),
              kept.testLoss(),
              kept.testAccuracy(),
              null,
              null,
              null);
    } else {
      FinalScores scores = FinalScores.calibrateAndTest(result.network(), sets);
      System.out.printf("Kept epoch %d. %s", result.keptEpoch(), scores.describe());
      metadata =
          metadata(
              config,
              result.network(),
              result.history(),
              result.seconds(),
              result.keptEpoch(),
              scores.test().loss(),
              scores.test().accuracy(),
              scores.validation(),
              scores.calibration().temperature(),
              scores.notADigit());
    }
    ModelStore.save(result.network(), metadata, out);
    HistoryWriter.write(result.history(), historyDir, heldOutName);
    System.out.printf(
        "Test loss %.4f, test accuracy %.2f%% after %.1f s. Model: %s; history and plots: %s%n",
        metadata.testLoss(), 100 * metadata.testAccuracy(), result.seconds(), out, historyDir);
    return 0;
  }

  private ModelMetadata metadata(
      TrainingConfig config,
      MultiLayerNetwork network,
      List<EpochStats> history,
      double seconds,
      int keptEpoch,
      double testLoss,
      double testAccuracy,
      Score validation,
      Double temperature,
      ModelMetadata.NotADigitScores notADigitScores)
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
        config.architecture(),
        network.numParams(),
        config,
        sha,
        List.copyOf(history),
        testLoss,
        testAccuracy,
        seconds,
        libraries,
        Instant.now().toString(),
        "java -jar target/digit-ocr.jar "
            + String.join(" ", spec.commandLine().getParseResult().originalArgs()),
        config.classes(),
        keptEpoch,
        validation == null ? null : validation.loss(),
        validation == null ? null : validation.accuracy(),
        temperature,
        notADigitScores);
  }

  /**
   * Saves the network whenever its held-out loss is the lowest yet, so a long run stopped early
   * still leaves its best model; the test set is not scored (NaN) and no temperature is fitted.
   */
  private final class Checkpoint implements TrainingListener {
    private final MultiLayerNetwork network;
    private final TrainingConfig config;
    private final List<EpochStats> history = new java.util.ArrayList<>();
    private final long start = System.nanoTime();
    private double bestLoss = Double.POSITIVE_INFINITY;

    Checkpoint(MultiLayerNetwork network, TrainingConfig config) {
      this.network = network;
      this.config = config;
    }

    @Override
    public void onEpochEnd(EpochStats stats) {
      history.add(stats);
      if (stats.testLoss() < bestLoss) {
        bestLoss = stats.testLoss();
        try {
          ModelStore.save(
              network,
              metadata(
                  config,
                  network,
                  history,
                  (System.nanoTime() - start) / 1e9,
                  stats.epoch(),
                  Double.NaN,
                  Double.NaN,
                  null,
                  null,
                  null),
              checkpoint);
        } catch (java.io.IOException e) {
          throw new java.io.UncheckedIOException(e);
        }
      }
    }
  }

  /** Progress bar within an epoch on a terminal, one line per epoch everywhere. */
  private static final class ConsoleListener implements TrainingListener {
    private final String heldOut;
    private ProgressBar bar;

    ConsoleListener(String heldOut) {
      this.heldOut = heldOut.equals("test") ? "test" : "val";
    }

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
          "Epoch %2d  %5.1f s  loss %.4f  accuracy %.4f  %s_loss %.4f  %s_accuracy %.4f%n",
          e.epoch(),
          e.seconds(),
          e.trainLoss(),
          e.trainAccuracy(),
          heldOut,
          e.testLoss(),
          heldOut,
          e.testAccuracy());
    }
  }
}
