package org.digitocr.bench;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import org.digitocr.mnist.MnistSet;
import org.digitocr.model.DigitClassifier;
import org.digitocr.model.ModelStore;
import org.digitocr.runtime.Natives;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Run in a fresh JVM by {@link StartupProbe}: does what every classifying command does first (set
 * up ND4J, load the model, classify a digit) and prints the seconds since the JVM started.
 */
public final class ModelReady {
  static final String PREFIX = "model-ready-seconds=";

  private ModelReady() {}

  public static void main(String[] args) throws Exception {
    Natives.configureNd4j();
    DigitClassifier classifier = ModelStore.load(Path.of(args[0]));
    classifier.classify(Nd4j.zeros(DataType.FLOAT, 1, MnistSet.PIXELS));
    long millis = System.currentTimeMillis() - ManagementFactory.getRuntimeMXBean().getStartTime();
    System.out.println(PREFIX + millis / 1e3);
  }
}
