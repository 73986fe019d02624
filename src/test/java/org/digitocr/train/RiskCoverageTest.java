package org.digitocr.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.List;
import org.digitocr.mnist.MnistFiles;
import org.digitocr.mnist.MnistSet;
import org.digitocr.mnist.MnistTestData;
import org.digitocr.model.DigitClassifier;
import org.digitocr.model.ModelStore;
import org.digitocr.runtime.Natives;
import org.junit.jupiter.api.Test;

class RiskCoverageTest {
  @Test
  void higherThresholdsKeepFewerAndBetterDigits() throws IOException {
    Natives.configureNd4j();
    MnistSet test = MnistFiles.test(MnistTestData.dir()).first(3000);
    DigitClassifier shipped = ModelStore.load(ModelStore.defaultModel());
    List<RiskCoverage.Row> rows =
        RiskCoverage.of(shipped, test, new double[] {0, 0.9, 0.99, 0.9999999, 1.01});

    RiskCoverage.Row all = rows.get(0);
    assertEquals(3000, all.kept());
    assertEquals(0, all.rejected());
    assertEquals(Score.of(shipped, test).accuracy(), all.keptAccuracy(), 1e-12);
    for (int i = 1; i < 4; i++) {
      RiskCoverage.Row looser = rows.get(i - 1);
      RiskCoverage.Row stricter = rows.get(i);
      assertTrue(stricter.kept() < looser.kept(), "threshold " + stricter.threshold());
      assertTrue(stricter.keptAccuracy() >= looser.keptAccuracy());
      assertEquals(1 - stricter.kept() / 3000.0, stricter.rejected(), 1e-12);
      assertTrue(stricter.meanConfidence() >= stricter.threshold());
    }
    RiskCoverage.Row none = rows.get(4);
    assertEquals(0, none.kept());
    assertEquals(1, none.rejected());
    assertTrue(Double.isNaN(none.keptAccuracy()));
  }
}
