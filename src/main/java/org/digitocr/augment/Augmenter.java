package org.digitocr.augment;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.digitocr.mnist.MnistSet;
import org.digitocr.runtime.Natives;
import org.opencv.core.CvType;
import org.opencv.core.Mat;

/**
 * Distorts training digits afresh every epoch, step by step, each step applied to a share of the
 * digits: by default elastic wobble (half of the digits), pen thickness, then rotation, scale,
 * shear and shift that keep the digit inside its 28x28 frame; optionally first a redrawing of half
 * of the digits as page crops.
 *
 * <p>Each digit's distortion depends only on the seed, the epoch and the digit's index in the
 * training set, so a run is reproducible however the batches are cut. Not thread-safe (it reuses
 * its OpenCV buffers); give each thread its own.
 */
public final class Augmenter {
  static {
    Natives.loadOpenCv();
  }

  private static final double HALF = 0.5;
  private final List<Step> steps;
  private final double cleanShare;
  private final Mat digit = new Mat(MnistSet.SIDE, MnistSet.SIDE, CvType.CV_32F);
  private final float[] buffer = new float[MnistSet.PIXELS];

  /**
   * A distortion applied to {@code share} of the digits (a share of 1 draws no random number, so
   * that adding such a step does not change the others' draws).
   */
  public record Step(DigitDistortion distortion, double share) {}

  /**
   * @param cleanShare the share of digits left as they are (0 distorts every digit and draws no
   *     random number for it)
   */
  public Augmenter(List<Step> steps, double cleanShare) {
    this.steps = steps;
    this.cleanShare = cleanShare;
  }

  /**
   * @param distort the distortions of the issue: elastic (alpha 34 as Simard's, sigma 5 rather than
   *     4: a smoother wobble that keeps thin digits legible) on half of the digits, stroke
   *     thickness, then rotation ±15°, scale 0.8–1.2, shear ±0.3 and shift ±3 px
   * @param pageCrops first redraw half of the digits as page crops ({@link PageCropStyle})
   * @param cleanShare the share of digits left undistorted
   */
  public static Augmenter of(boolean distort, boolean pageCrops, double cleanShare) {
    List<Step> steps = new ArrayList<>();
    if (pageCrops) {
      steps.add(new Step(new PageCropStyle(), HALF));
    }
    if (distort) {
      steps.add(new Step(new ElasticDistortion(34, 5), HALF));
      steps.add(new Step(new StrokeThickness(), 1));
      steps.add(new Step(new RandomAffine(15, 0.8, 1.2, 0.3, 3), 1));
    }
    return new Augmenter(steps, cleanShare);
  }

  /** The distortions of {@code --augment}. */
  public static Augmenter standard() {
    return of(true, false, 0);
  }

  /**
   * The random source for one digit in one epoch. The seed goes through SplitMix64's finaliser
   * because {@link Random}'s first draws from neighbouring seeds are nearly equal: unmixed, the
   * coin for a share was the same for long runs of digits.
   */
  public static Random randomFor(long seed, int epoch, int index) {
    long mixed = seed * 0x9E3779B97F4A7C15L + epoch * 0xC2B2AE3D27D4EB4FL + index;
    mixed = (mixed ^ (mixed >>> 30)) * 0xBF58476D1CE4E5B9L;
    mixed = (mixed ^ (mixed >>> 27)) * 0x94D049BB133111EBL;
    return new Random(mixed ^ (mixed >>> 31));
  }

  /** Distorts the 784 pixels at {@code offset} in {@code pixels} in place. */
  public void distort(float[] pixels, int offset, Random random) {
    System.arraycopy(pixels, offset, buffer, 0, MnistSet.PIXELS);
    digit.put(0, 0, buffer);
    distort(digit, random);
    digit.get(0, 0, buffer);
    System.arraycopy(buffer, 0, pixels, offset, MnistSet.PIXELS);
  }

  /** Distorts a 28x28 CV_32F digit in place. */
  public void distort(Mat digit, Random random) {
    if (cleanShare > 0 && random.nextDouble() < cleanShare) {
      return;
    }
    for (Step step : steps) {
      if (step.share() >= 1 || random.nextDouble() < step.share()) {
        step.distortion().apply(digit, random);
      }
    }
  }
}
