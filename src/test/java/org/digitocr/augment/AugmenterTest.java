package org.digitocr.augment;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import org.digitocr.mnist.MnistSet;
import org.digitocr.runtime.Natives;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.Point;
import org.opencv.core.Scalar;
import org.opencv.imgproc.Imgproc;

class AugmenterTest {
  private static final int SIDE = MnistSet.SIDE;

  @BeforeAll
  static void openCv() {
    Natives.loadOpenCv();
  }

  /** Digit-like drawings filling MNIST's 20x20 box, and one already touching a 1-pixel margin. */
  private static List<float[]> drawings() {
    Mat eight = Mat.zeros(SIDE, SIDE, CvType.CV_32F);
    Imgproc.circle(eight, new Point(14, 9), 5, Scalar.all(1), 2);
    Imgproc.circle(eight, new Point(14, 19), 5, Scalar.all(1), 2);
    Mat seven = Mat.zeros(SIDE, SIDE, CvType.CV_32F);
    Imgproc.line(seven, new Point(4, 4), new Point(23, 4), Scalar.all(1), 3);
    Imgproc.line(seven, new Point(23, 4), new Point(10, 24), Scalar.all(1), 3);
    Mat wide = Mat.zeros(SIDE, SIDE, CvType.CV_32F);
    Imgproc.rectangle(wide, new Point(1, 6), new Point(26, 21), Scalar.all(1), 2);
    return List.of(pixels(eight), pixels(seven), pixels(wide));
  }

  private static float[] pixels(Mat image) {
    float[] pixels = new float[MnistSet.PIXELS];
    image.get(0, 0, pixels);
    return pixels;
  }

  @Test
  void distortedDigitsStayWhole() {
    Augmenter augmenter = Augmenter.standard();
    for (float[] drawing : drawings()) {
      double ink = sum(drawing);
      for (int index = 0; index < 300; index++) {
        float[] digit = drawing.clone();
        augmenter.distort(digit, 0, Augmenter.randomFor(9, 1, index));
        for (int i = 0; i < SIDE; i++) {
          assertEquals(0, digit[i], "ink cut at the top edge, digit " + index);
          assertEquals(0, digit[(SIDE - 1) * SIDE + i], "ink cut at the bottom edge");
          assertEquals(0, digit[i * SIDE], "ink cut at the left edge");
          assertEquals(0, digit[i * SIDE + SIDE - 1], "ink cut at the right edge");
        }
        // a thinner pen keeps at least half of the ink and scale 0.8 keeps 64% of the rest, so a
        // digit keeps about a third of its ink, less what resampling blurs away (24% measured)
        assertTrue(
            sum(digit) > 0.2 * ink, "digit " + index + " kept " + sum(digit) / ink + " of its ink");
        for (float v : digit) {
          assertTrue(v >= 0 && v <= 1.0001f, "pixel " + v);
        }
      }
    }
  }

  @Test
  void sameSeedEpochAndIndexGiveTheSameDistortion() {
    float[] drawing = drawings().get(0);
    float[] a = drawing.clone();
    float[] b = drawing.clone();
    Augmenter.standard().distort(a, 0, Augmenter.randomFor(9, 3, 17));
    Augmenter.standard().distort(b, 0, Augmenter.randomFor(9, 3, 17));
    assertArrayEquals(a, b);
    assertFalse(Arrays.equals(drawing, a), "the digit was distorted");
  }

  @Test
  void otherEpochsAndSeedsGiveOtherDistortions() {
    float[] drawing = drawings().get(1);
    Augmenter augmenter = Augmenter.standard();
    float[] base = drawing.clone();
    augmenter.distort(base, 0, Augmenter.randomFor(9, 1, 0));
    float[] nextEpoch = drawing.clone();
    augmenter.distort(nextEpoch, 0, Augmenter.randomFor(9, 2, 0));
    float[] otherSeed = drawing.clone();
    augmenter.distort(otherSeed, 0, Augmenter.randomFor(10, 1, 0));
    assertFalse(Arrays.equals(base, nextEpoch));
    assertFalse(Arrays.equals(base, otherSeed));
  }

  @Test
  void affineShiftMovesTheInk() {
    // no rotation, scale, or shear: only a shift, here always 3 px right and down
    RandomAffine shift = new RandomAffine(0, 1, 1, 0, 3);
    float[] drawing = drawings().get(0);
    Mat digit = new Mat(SIDE, SIDE, CvType.CV_32F);
    digit.put(0, 0, drawing);
    java.util.Random alwaysMax =
        new java.util.Random() {
          @Override
          public double nextDouble() {
            return 1;
          }
        };
    shift.apply(digit, alwaysMax);
    float[] shifted = pixels(digit);
    assertEquals(sum(drawing), sum(shifted), 1e-3);
    assertEquals(centreX(drawing) + 3, centreX(shifted), 1e-3);
  }

  @Test
  void pageCropStyleRedrawsTheDigitAsTheNormaliserDoes() {
    PageCropStyle style = new PageCropStyle();
    for (float[] drawing : drawings().subList(0, 2)) {
      for (int index = 0; index < 20; index++) {
        Mat digit = new Mat(SIDE, SIDE, CvType.CV_32F);
        digit.put(0, 0, drawing);
        style.apply(digit, Augmenter.randomFor(9, 1, index));
        float[] crop = pixels(digit);
        // MnistNormalizer: the ink's longer side is 20 pixels (an edge row can average down to
        // nothing), its centre of mass at (14, 14)
        int top = SIDE;
        int bottom = -1;
        for (int i = 0; i < crop.length; i++) {
          if (crop[i] > 0) {
            top = Math.min(top, i / SIDE);
            bottom = Math.max(bottom, i / SIDE);
          }
        }
        assertEquals(19.5, bottom - top + 1, 0.5, "height of the ink");
        assertEquals(14, centreX(crop), 1.0);
      }
    }
  }

  @Test
  void pageCropsAreAddedWithoutChangingTheOtherDistortions() {
    float[] drawing = drawings().get(0);
    float[] plain = drawing.clone();
    Augmenter.standard().distort(plain, 0, Augmenter.randomFor(9, 1, 5));
    float[] again = drawing.clone();
    Augmenter.of(true, false, 0).distort(again, 0, Augmenter.randomFor(9, 1, 5));
    assertArrayEquals(plain, again);
    float[] pageStyle = drawing.clone();
    Augmenter.of(false, true, 0).distort(pageStyle, 0, Augmenter.randomFor(9, 1, 0));
    float[] pageStyleAgain = drawing.clone();
    Augmenter.of(false, true, 0).distort(pageStyleAgain, 0, Augmenter.randomFor(9, 1, 0));
    assertArrayEquals(pageStyle, pageStyleAgain);
  }

  @Test
  void neighbouringDigitsDrawIndependentCoins() {
    int below = 0;
    int digits = 1000;
    for (int index = 0; index < digits; index++) {
      if (Augmenter.randomFor(9, 1, index).nextDouble() < 0.5) {
        below++;
      }
    }
    assertEquals(0.5, below / (double) digits, 0.05, below + " of " + digits);
  }

  @Test
  void aCleanShareLeavesThatShareOfDigitsAsTheyAre() {
    float[] drawing = drawings().get(0);
    Augmenter halfClean = Augmenter.of(true, false, 0.5);
    int untouched = 0;
    int digits = 400;
    for (int index = 0; index < digits; index++) {
      float[] pixels = drawing.clone();
      halfClean.distort(pixels, 0, Augmenter.randomFor(9, 1, index));
      if (Arrays.equals(pixels, drawing)) {
        untouched++;
      }
    }
    assertEquals(0.5, untouched / (double) digits, 0.08, untouched + " of " + digits);
  }

  private static double sum(float[] pixels) {
    double sum = 0;
    for (float v : pixels) {
      sum += v;
    }
    return sum;
  }

  private static double centreX(float[] pixels) {
    double mass = 0;
    double x = 0;
    for (int i = 0; i < pixels.length; i++) {
      mass += pixels[i];
      x += pixels[i] * (i % SIDE);
    }
    return x / mass;
  }
}
