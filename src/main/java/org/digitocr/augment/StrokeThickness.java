package org.digitocr.augment;

import java.util.Random;
import org.opencv.core.Core;
import org.opencv.core.Mat;
import org.opencv.core.Size;
import org.opencv.imgproc.Imgproc;

/**
 * Pens differ: a third of the digits get a stroke one pixel thicker (dilated), a third one pixel
 * thinner (eroded), a third stay as written. A digit already so thin that thinning would remove
 * more than half of its ink stays as written: it would no longer be a digit.
 */
public final class StrokeThickness implements DigitDistortion {
  private static final double MIN_INK_KEPT = 0.5;
  private final Mat kernel = Imgproc.getStructuringElement(Imgproc.MORPH_RECT, new Size(2, 2));
  private final Mat thinner = new Mat();

  @Override
  public void apply(Mat digit, Random random) {
    switch (random.nextInt(3)) {
      case 0 -> Imgproc.dilate(digit, digit, kernel);
      case 1 -> {
        Imgproc.erode(digit, thinner, kernel);
        if (Core.sumElems(thinner).val[0] >= MIN_INK_KEPT * Core.sumElems(digit).val[0]) {
          thinner.copyTo(digit);
        }
      }
      default -> {}
    }
  }
}
