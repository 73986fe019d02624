package org.digitocr.augment;

import java.util.Random;
import org.digitocr.normalize.MnistNormalizer;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.Size;
import org.opencv.imgproc.Imgproc;

/**
 * Redraws an MNIST digit the way the page reader hands handwriting to the classifier: written
 * larger, binarised at a random ink threshold, then cropped, scaled and centred by the same {@link
 * MnistNormalizer}. MNIST's own digits are grey-edged and never binarised; without this a network
 * meets page crops only among the generated non-digits, which are all made this way, and learns
 * that their look means "not a digit".
 */
public final class PageCropStyle implements DigitDistortion {
  private final MnistNormalizer normalizer = new MnistNormalizer();
  private final Mat large = new Mat();
  private final Mat ink = new Mat();

  @Override
  public void apply(Mat digit, Random random) {
    double scale = 2 + 2 * random.nextDouble();
    double threshold = 0.25 + 0.35 * random.nextDouble();
    Imgproc.resize(digit, large, new Size(), scale, scale, Imgproc.INTER_LINEAR);
    Imgproc.threshold(large, ink, threshold, 255, Imgproc.THRESH_BINARY);
    ink.convertTo(ink, CvType.CV_8U);
    Mat crop = normalizer.normalize(ink);
    crop.convertTo(digit, CvType.CV_32F, 1 / 255.0);
    crop.release();
  }
}
