package org.digitocr.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.digitocr.mnist.MnistFiles;
import org.digitocr.mnist.MnistSet;
import org.digitocr.model.DigitClassifier;
import org.digitocr.model.Prediction;
import org.digitocr.normalize.SingleDigitNormalizer;
import org.digitocr.page.LoadOptions;
import org.digitocr.page.PageLoader;
import org.digitocr.page.PageSource;
import org.digitocr.pipeline.ErrorKind;
import org.digitocr.pipeline.InputException;
import org.digitocr.runtime.Natives;
import org.digitocr.train.Montage;
import org.opencv.core.Mat;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(
    name = "predict",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = {
      "Classify single-digit images, or MNIST test digits, and draw them with the digit read.",
      "Images may be any size, dark on light or light on dark; each is normalised the MNIST way"
          + " (cropped to the ink, fitted into 20x20, centred by mass in 28x28).",
      "Exit status 1 if some image could not be read (the others are still classified)."
    })
public final class PredictCommand implements Callable<Integer> {
  private static final int FIGURE_COLUMNS = 8;
  private final SingleDigitNormalizer normalizer = new SingleDigitNormalizer();

  @Spec CommandSpec spec;

  @Parameters(paramLabel = "IMAGE", arity = "0..*", description = "Images of one digit each.")
  List<Path> images = new ArrayList<>();

  @Option(
      names = "--mnist-test",
      paramLabel = "INDICES",
      split = ",",
      description = {
        "MNIST test digits by 0-based index: 7, or START:END with START included and END"
            + " excluded as in Python (1:5 is 1, 2, 3, 4); several separated by commas."
      })
  List<String> mnistTest = new ArrayList<>();

  @Mixin ModelOption model;

  @Mixin MnistDataOption data;

  @Option(
      names = "--out",
      paramLabel = "FILE",
      defaultValue = "output/predictions.png",
      description = "Figure of the digits with their predicted labels (default: ${DEFAULT-VALUE}).")
  Path out;

  /** One thing to classify: its name, the 28x28 digit the model sees, its label if known. */
  private record Item(String name, Mat digit, Integer label) {}

  @Override
  public Integer call() throws Exception {
    if (images.isEmpty() && mnistTest.isEmpty()) {
      throw new ParameterException(spec.commandLine(), "give image files or --mnist-test");
    }
    Natives.loadOpenCv();
    Natives.configureNd4j();
    PrintWriter stdout = spec.commandLine().getOut();
    PrintWriter stderr = spec.commandLine().getErr();
    DigitClassifier classifier = model.load();
    List<Item> items = new ArrayList<>();
    if (!mnistTest.isEmpty()) {
      MnistSet test = MnistFiles.test(data.dir());
      for (int index : indices(mnistTest, test.size())) {
        items.add(new Item("mnist-test:" + index, test.image(index), (int) test.labels()[index]));
      }
    }
    boolean allRead = true;
    for (Path image : images) {
      try {
        items.add(new Item(image.toString(), readDigit(image), null));
      } catch (InputException e) {
        stderr.println("digit-ocr: " + e.getMessage());
        allRead = false;
      }
    }
    if (items.isEmpty()) {
      stderr.flush();
      return 1;
    }
    Prediction[] predictions = classifier.classify(items.stream().map(Item::digit).toList());
    List<Montage.Tile> tiles = new ArrayList<>();
    int nameWidth = items.stream().mapToInt(i -> i.name().length()).max().orElse(0);
    for (int i = 0; i < items.size(); i++) {
      Item item = items.get(i);
      Prediction p = predictions[i];
      String known = item.label() == null ? "" : "  (labelled " + item.label() + ")";
      stdout.printf(
          "%-" + nameWidth + "s  %d  %.4f%s%n", item.name(), p.digit(), p.confidence(), known);
      tiles.add(
          new Montage.Tile(
              item.digit(),
              String.format(
                  "%s%nread %d (%.1f%%)",
                  Path.of(item.name()).getFileName(), p.digit(), 100 * p.confidence())));
    }
    Montage.write(tiles, FIGURE_COLUMNS, "Digits read by " + model.choice(), out);
    stdout.println("Figure: " + out);
    stdout.flush();
    return allRead ? 0 : 1;
  }

  /** Indices named by {@code 7} or {@code 1:5} (end excluded), checked against the set's size. */
  static List<Integer> indices(List<String> specs, int size) {
    List<Integer> indices = new ArrayList<>();
    for (String spec : specs) {
      String[] ends = spec.trim().split(":", -1);
      int from;
      int to;
      try {
        from = Integer.parseInt(ends[0].trim());
        to = ends.length == 1 ? from + 1 : Integer.parseInt(ends[1].trim());
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException(
            "--mnist-test " + spec + ": expected an index such as 7 or a range such as 1:5");
      }
      if (ends.length > 2 || from < 0 || to > size || from >= to) {
        throw new IllegalArgumentException(
            "--mnist-test " + spec + ": indices must satisfy 0 <= START < END <= " + size);
      }
      for (int i = from; i < to; i++) {
        indices.add(i);
      }
    }
    return indices;
  }

  /** The file's first page as the classifier's 28x28 input. */
  private Mat readDigit(Path file) throws InputException {
    try (PageSource source = PageLoader.open(file, LoadOptions.DEFAULT)) {
      Mat image = source.page(1).image();
      Optional<Mat> digit = normalizer.normalize(image);
      image.release();
      return digit.orElseThrow(() -> new InputException(file.toString(), ErrorKind.NO_INK));
    }
  }
}
