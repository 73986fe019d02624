package org.digitocr.page;

import org.opencv.core.Core;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.Size;
import org.opencv.imgproc.Imgproc;

/**
 * Evens out the light on a photographed page before binarisation: shadows, vignetting and light
 * falling off across the sheet. The paper's own brightness is estimated everywhere by closing the
 * page (a maximum then minimum filter wider than any pen stroke, which lifts the writing out) on a
 * reduced copy, smoothed, and divided out; the paper comes out white and the ink keeps its contrast
 * to the paper around it.
 */
public final class IlluminationCorrector {
  private static final int WORKING_SIDE = 600;

  /** The closing kernel as a share of the page's longer side: several stroke widths. */
  private static final double KERNEL_SHARE = 1 / 40.0;

  /** An 8-bit grey page with even light; the input is not changed. */
  public Mat correct(Mat grey) {
    if (grey.type() != CvType.CV_8UC1) {
      throw new IllegalArgumentException("expected an 8-bit grey page, got " + grey);
    }
    Mat small = Thumbnail.atMost(grey, WORKING_SIDE);
    int kernel = oddAtLeast3(KERNEL_SHARE * Math.max(small.cols(), small.rows()));
    Mat paper = new Mat();
    Imgproc.morphologyEx(
        small,
        paper,
        Imgproc.MORPH_CLOSE,
        Imgproc.getStructuringElement(Imgproc.MORPH_ELLIPSE, new Size(kernel, kernel)));
    if (small != grey) {
      small.release();
    }
    Imgproc.GaussianBlur(paper, paper, new Size(kernel, kernel), 0);
    Mat background = new Mat();
    Imgproc.resize(paper, background, grey.size(), 0, 0, Imgproc.INTER_LINEAR);
    // a black background would divide by zero; one grey level is dark enough
    Core.max(background, new org.opencv.core.Scalar(1), background);
    Mat even = new Mat();
    Core.divide(grey, background, even, 255.0);
    return even;
  }

  private static int oddAtLeast3(double size) {
    int rounded = Math.max(3, (int) Math.round(size));
    return rounded % 2 == 1 ? rounded : rounded + 1;
  }
}
