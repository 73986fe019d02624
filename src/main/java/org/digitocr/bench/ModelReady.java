package org.digitocr.bench;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import org.digitocr.mnist.MnistSet;
import org.digitocr.model.DigitClassifier;
import org.digitocr.model.ModelChoice;
import org.digitocr.runtime.Natives;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Run in a fresh JVM by {@link StartupProbe}: does what every classifying command does first (set
 * up ND4J, load the model and its checker if any, classify a digit) and prints the seconds since
 * the JVM started. Arguments: the model file, then optionally the checker's and its threshold.
 */
public final class ModelReady {
  static final String PREFIX = "model-ready-seconds=";

  private ModelReady() {}

  public static void main(String[] args) throws Exception {
    Natives.configureNd4j();
    ModelChoice choice =
        args.length > 1
            ? new ModelChoice(Path.of(args[0]), Path.of(args[1]), Float.parseFloat(args[2]))
            : ModelChoice.single(Path.of(args[0]));
    DigitClassifier classifier = choice.load();
    classifier.classify(Nd4j.zeros(DataType.FLOAT, 1, MnistSet.PIXELS));
    long millis = System.currentTimeMillis() - ManagementFactory.getRuntimeMXBean().getStartTime();
    System.out.println(PREFIX + millis / 1e3);
  }
}
