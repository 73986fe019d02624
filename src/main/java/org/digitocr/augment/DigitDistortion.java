package org.digitocr.augment;

import java.util.Random;
import org.opencv.core.Mat;

/** One kind of random change to a 28x28 light-on-dark digit (CV_32F, 0..1), made in place. */
public interface DigitDistortion {
  void apply(Mat digit, Random random);
}
