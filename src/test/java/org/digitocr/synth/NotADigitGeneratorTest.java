package org.digitocr.synth;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;
import org.digitocr.mnist.MnistSet;
import org.digitocr.model.Prediction;
import org.digitocr.runtime.Natives;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.Point;
import org.opencv.core.Scalar;
import org.opencv.imgproc.Imgproc;

class NotADigitGeneratorTest {
  private static MnistSet digits;

  /** Ten digits drawn in OpenCV's handwriting-like font, light on dark, 28x28. */
  @BeforeAll
  static void drawDigits() {
    Natives.loadOpenCv();
    float[] pixels = new float[10 * MnistSet.PIXELS];
    byte[] labels = new byte[10];
    for (int d = 0; d < 10; d++) {
      Mat image = Mat.zeros(MnistSet.SIDE, MnistSet.SIDE, CvType.CV_32F);
      Imgproc.putText(
          image,
          String.valueOf(d),
          new Point(6, 23),
          Imgproc.FONT_HERSHEY_SCRIPT_SIMPLEX,
          0.8,
          Scalar.all(1),
          2);
      float[] one = new float[MnistSet.PIXELS];
      image.get(0, 0, one);
      System.arraycopy(one, 0, pixels, d * MnistSet.PIXELS, MnistSet.PIXELS);
      labels[d] = (byte) d;
    }
    digits = new MnistSet(pixels, labels);
  }

  @Test
  void everyKindMakesAnInkedCropNormalisedLikeAPageDigit() {
    NotADigitGenerator generator = new NotADigitGenerator(digits, 1);
    for (NotADigitGenerator.Kind kind : NotADigitGenerator.Kind.values()) {
      for (int i = 0; i < 5; i++) {
        Mat crop = generator.next(kind);
        assertEquals(MnistSet.SIDE, crop.rows(), kind.name());
        assertEquals(MnistSet.SIDE, crop.cols(), kind.name());
        assertEquals(CvType.CV_8UC1, crop.type());
        assertTrue(org.opencv.core.Core.countNonZero(crop) > 3, kind + " crop has no ink");
        // the normaliser fits the longer side to 20 pixels: nothing on the outer 2-pixel ring
        for (int x = 0; x < MnistSet.SIDE; x++) {
          assertEquals(0, crop.get(0, x)[0], kind + " touches the top edge");
          assertEquals(0, crop.get(MnistSet.SIDE - 1, x)[0], kind + " touches the bottom edge");
        }
      }
    }
  }

  @Test
  void generatedSetIsVariedAndLabelledNotADigit() {
    MnistSet marks = new NotADigitGenerator(digits, 2).generate(160);
    assertEquals(160, marks.size());
    Set<String> distinct = new HashSet<>();
    for (int i = 0; i < marks.size(); i++) {
      assertEquals(Prediction.NOT_A_DIGIT, marks.labels()[i]);
      distinct.add(java.util.Arrays.toString(marks.digit(i)));
    }
    assertTrue(distinct.size() >= 150, distinct.size() + " distinct crops of 160");
    // the kinds look different: their average crops are far apart
    int kinds = NotADigitGenerator.Kind.values().length;
    double[][] mean = new double[kinds][MnistSet.PIXELS];
    for (int i = 0; i < marks.size(); i++) {
      float[] crop = marks.digit(i);
      for (int p = 0; p < MnistSet.PIXELS; p++) {
        mean[i % kinds][p] += crop[p] / (marks.size() / kinds);
      }
    }
    for (int a = 0; a < kinds; a++) {
      for (int b = a + 1; b < kinds; b++) {
        double distance = 0;
        for (int p = 0; p < MnistSet.PIXELS; p++) {
          distance += Math.abs(mean[a][p] - mean[b][p]);
        }
        assertTrue(distance > 10, "kinds " + a + " and " + b + " look alike: " + distance);
      }
    }
  }

  @Test
  void sameSeedSameMarks() {
    MnistSet a = new NotADigitGenerator(digits, 7).generate(24);
    MnistSet b = new NotADigitGenerator(digits, 7).generate(24);
    assertArrayEquals(a.pixels(), b.pixels());
  }
}
