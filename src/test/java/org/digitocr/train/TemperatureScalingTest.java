package org.digitocr.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.List;
import java.util.Random;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.digitocr.mnist.MnistFiles;
import org.digitocr.mnist.MnistSet;
import org.digitocr.mnist.MnistTestData;
import org.digitocr.model.NetworkClassifier;
import org.digitocr.runtime.Natives;
import org.junit.jupiter.api.Test;

class TemperatureScalingTest {
  @Test
  void recoversTheTemperatureThatOverconfidentLogitsWereScaledBy() {
    // labels drawn from softmax(z): z is calibrated, 3z three times too confident
    Random random = new Random(5);
    int n = 4000;
    double[][] overconfident = new double[n][10];
    byte[] labels = new byte[n];
    for (int i = 0; i < n; i++) {
      double[] z = new double[10];
      double[] p = new double[10];
      double sum = 0;
      for (int c = 0; c < 10; c++) {
        z[c] = 2 * random.nextGaussian();
        p[c] = Math.exp(z[c]);
        sum += p[c];
      }
      double u = random.nextDouble() * sum;
      int label = 0;
      for (double acc = p[0]; acc < u; acc += p[++label]) {}
      labels[i] = (byte) label;
      for (int c = 0; c < 10; c++) {
        overconfident[i][c] = 3 * z[c];
      }
    }
    double t = TemperatureScaling.fit(overconfident, labels);
    assertEquals(3, t, 0.3);
    assertTrue(
        TemperatureScaling.nll(overconfident, labels, t)
            < TemperatureScaling.nll(overconfident, labels, 1));
  }

  @Test
  void foldedTemperatureLowersHeldOutLossAndKeepsAccuracy() throws IOException {
    Natives.configureNd4j();
    MnistSet all = MnistFiles.train(MnistTestData.dir()).first(4000);
    MnistSet train = all.range(0, 1000);
    MnistSet calibration = all.range(1000, 2500);
    MnistSet heldOut = all.range(2500, 4000);
    // no dropout and many passes over few digits: an overconfident network
    TrainingConfig config = new TrainingConfig(20, 50, 1000, 1500, 3, List.of(256), 0, 0.003);
    MultiLayerNetwork network = new Trainer().train(train, calibration, config).network();
    NetworkClassifier classifier = new NetworkClassifier(network);
    Score before = Score.of(classifier, heldOut);

    TemperatureScaling.Fit fit = TemperatureScaling.fit(network, calibration);
    double t = fit.temperature();
    assertTrue(fit.nllAfter() < fit.nllBefore());
    TemperatureScaling.fold(network, t);
    Score after = Score.of(classifier, heldOut);

    // measured here: T = 1.74, held-out loss 0.363 -> 0.315
    assertTrue(t > 1.2, "an overfitted network is overconfident: T = " + t);
    assertTrue(after.loss() < before.loss(), before.loss() + " -> " + after.loss());
    assertEquals(before.accuracy(), after.accuracy(), 1e-9);
  }
}
