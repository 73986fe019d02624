package org.digitocr.augment;

import java.util.Random;
import org.opencv.core.Core;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.MatOfPoint;
import org.opencv.core.Rect;
import org.opencv.core.Scalar;
import org.opencv.imgproc.Imgproc;

/**
 * Rotates, scales, shears and shifts a digit about the centre of its ink, then keeps all of the ink
 * inside the frame: the shift is limited (and, if the digit grew too big, the scale reduced) so
 * that no ink reaches the outermost ring of pixels, as in MNIST.
 */
public final class RandomAffine implements DigitDistortion {
  private final double maxDegrees;
  private final double minScale;
  private final double maxScale;
  private final double maxShear;
  private final double maxShift;
  private final Mat ink = new Mat();
  private final Mat out = new Mat();
  private final MatOfPoint points = new MatOfPoint();

  /**
   * @param maxShear largest horizontal shear factor (x moves by {@code shear * y})
   */
  public RandomAffine(
      double maxDegrees, double minScale, double maxScale, double maxShear, double maxShift) {
    this.maxDegrees = maxDegrees;
    this.minScale = minScale;
    this.maxScale = maxScale;
    this.maxShear = maxShear;
    this.maxShift = maxShift;
  }

  @Override
  public void apply(Mat digit, Random random) {
    double angle = Math.toRadians(uniform(random, -maxDegrees, maxDegrees));
    double scale = uniform(random, minScale, maxScale);
    double shear = uniform(random, -maxShear, maxShear);
    double shiftX = uniform(random, -maxShift, maxShift);
    double shiftY = uniform(random, -maxShift, maxShift);

    Core.compare(digit, Scalar.all(0), ink, Core.CMP_GT);
    Core.findNonZero(ink, points);
    if (points.empty()) {
      return;
    }
    Rect box = Imgproc.boundingRect(points);
    // where interpolation can spread ink: up to one pixel beyond the centres of the inked pixels
    double left = box.x - 1;
    double top = box.y - 1;
    double right = box.x + box.width;
    double bottom = box.y + box.height;
    double cx = (left + right) / 2;
    double cy = (top + bottom) / 2;

    // linear part: rotation · scale · shear
    double cos = Math.cos(angle);
    double sin = Math.sin(angle);
    double a = scale * cos;
    double b = scale * (cos * shear - sin);
    double c = scale * sin;
    double d = scale * (sin * shear + cos);

    double[] xs = new double[4];
    double[] ys = new double[4];
    double[][] corners = {{left, top}, {right, top}, {left, bottom}, {right, bottom}};
    for (int i = 0; i < 4; i++) {
      double x = corners[i][0] - cx;
      double y = corners[i][1] - cy;
      xs[i] = a * x + b * y;
      ys[i] = c * x + d * y;
    }
    // that spread must end at or before the centres of the edge pixels
    double roomX = (digit.cols() - 1) / 2.0;
    double roomY = (digit.rows() - 1) / 2.0;
    double fit = Math.min(1, Math.min(roomX / max(xs), roomY / max(ys)));
    a *= fit;
    b *= fit;
    c *= fit;
    d *= fit;

    // the ink centre moves by the shift, limited so that the ink box stays inside the frame
    double tx = clamp(cx + shiftX, -fit * min(xs), digit.cols() - 1 - fit * max(xs));
    double ty = clamp(cy + shiftY, -fit * min(ys), digit.rows() - 1 - fit * max(ys));

    Mat matrix = new Mat(2, 3, CvType.CV_64F);
    matrix.put(0, 0, a, b, tx - a * cx - b * cy, c, d, ty - c * cx - d * cy);
    Imgproc.warpAffine(
        digit,
        out,
        matrix,
        digit.size(),
        Imgproc.INTER_LINEAR,
        Core.BORDER_CONSTANT,
        Scalar.all(0));
    matrix.release();
    out.copyTo(digit);
  }

  private static double uniform(Random random, double low, double high) {
    return low + (high - low) * random.nextDouble();
  }

  private static double clamp(double value, double low, double high) {
    return Math.max(low, Math.min(high, value));
  }

  private static double min(double[] values) {
    double m = values[0];
    for (double v : values) {
      m = Math.min(m, v);
    }
    return m;
  }

  private static double max(double[] values) {
    double m = values[0];
    for (double v : values) {
      m = Math.max(m, v);
    }
    return m;
  }
}
