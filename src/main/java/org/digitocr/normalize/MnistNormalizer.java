package org.digitocr.normalize;

import org.digitocr.page.Outlines;
import org.opencv.core.Core;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.Rect;
import org.opencv.core.Size;
import org.opencv.imgproc.Imgproc;
import org.opencv.imgproc.Moments;

/**
 * Brings a digit's ink into the form MNIST's digits have, which is what the classifier learnt: the
 * ink cropped, scaled with its aspect ratio kept so that its longer side is 20 pixels
 * (area-averaging gives the anti-aliased grey edges), and placed in a 28x28 field so that its
 * centre of mass falls on pixel 14 (MNIST's digits have their centre of mass there, within half a
 * pixel: the shift is a whole number of pixels). Strokes much thinner than MNIST's are first
 * thickened towards MNIST's width.
 *
 * <p>The ink may be binary (0/255) or graded (ink intensity, 0 paper to 255 full ink): graded ink
 * keeps the soft edges a scanner sees, which brings the result closer to MNIST.
 */
public final class MnistNormalizer {
  public static final int SIDE = 28;
  public static final int BOX = 20;

  /** Where MNIST digits' centre of mass lies (pixel index, both axes; measured: 14.00). */
  static final double CENTRE = 14;

  /** Ink fainter than this (of 255) is left out of the digit's bounding box. */
  public static final int FAINT = 50;

  /** Pixels brighter than this (of 255) are visible ink, as MNIST's over 0.2. */
  static final int VISIBLE = 51;

  /** Share of the visible pixels made full white. */
  static final double SATURATED_SHARE = 0.3;

  /** Ink at least this intense (of 255) counts as stroke when measuring stroke width. */
  static final int STROKE = 128;

  /**
   * Stroke width as twice ink area over outline length, in pixels of the 20-pixel box. MNIST test
   * digits: median 2.2, 5th percentile 1.45, 95th 3.4.
   */
  static final double MNIST_STROKE = 2.2;

  static final double THIN_STROKE = 1.45;
  static final double THICK_STROKE = 3.4;

  /**
   * A digit ready for the classifier.
   *
   * @param digit 28x28 8UC1, light digit on black
   * @param strokeWidth the ink's stroke width before adjustment, in pixels of the 20-pixel box
   */
  public record Normalized(Mat digit, double strokeWidth) {}

  /**
   * @param ink 8UC1 ink of one digit on a dark background (binary or graded), any size
   * @return 28x28 8UC1, light digit on black
   */
  public Mat normalize(Mat ink) {
    return measure(ink).digit();
  }

  /** {@link #normalize} that also reports the stroke width it measured. */
  public Normalized measure(Mat ink) {
    Mat visible = new Mat();
    Imgproc.threshold(ink, visible, FAINT, 255, Imgproc.THRESH_BINARY);
    Rect bounds = Imgproc.boundingRect(visible);
    visible.release();
    if (bounds.width == 0 || bounds.height == 0) {
      return new Normalized(Mat.zeros(SIDE, SIDE, CvType.CV_8UC1), 0);
    }
    Mat digit = ink.submat(bounds);
    int longer = Math.max(bounds.width, bounds.height);
    double strokeWidth = strokeWidth(digit) * BOX / longer;
    Mat adjusted = adjustStroke(digit, strokeWidth, longer);
    Mat fitted = fit(adjusted);
    if (adjusted != digit) {
      adjusted.release();
    }
    digit.release();
    saturate(fitted);
    Mat field = centre(fitted);
    fitted.release();
    return new Normalized(field, strokeWidth);
  }

  /** Scales the longer side to 20 pixels, keeping the aspect ratio. */
  private static Mat fit(Mat digit) {
    double scale = (double) BOX / Math.max(digit.cols(), digit.rows());
    int width = Math.max(1, (int) Math.round(digit.cols() * scale));
    int height = Math.max(1, (int) Math.round(digit.rows() * scale));
    Mat fitted = new Mat();
    int interpolation = scale < 1 ? Imgproc.INTER_AREA : Imgproc.INTER_LINEAR;
    Imgproc.resize(digit, fitted, new Size(width, height), 0, 0, interpolation);
    return fitted;
  }

  /**
   * Brightens faint ink so that, as in MNIST, the cores of the strokes are full white: in MNIST
   * about 45% of a digit's visible pixels (over 0.2) are saturated, at least 28% in nine digits of
   * ten. A thin stroke that a scanner blurred to grey is stretched until 30% are.
   */
  private static void saturate(Mat fitted) {
    int[] counts = new int[256];
    byte[] pixels = new byte[(int) fitted.total()];
    fitted.get(0, 0, pixels);
    int visible = 0;
    for (byte p : pixels) {
      int v = p & 0xFF;
      if (v > VISIBLE) {
        counts[v]++;
        visible++;
      }
    }
    int seen = 0;
    int level = 255;
    while (level > VISIBLE && (seen += counts[level]) < SATURATED_SHARE * visible) {
      level--;
    }
    if (level < 255 && level > VISIBLE) {
      fitted.convertTo(fitted, CvType.CV_8U, 255.0 / level);
    }
  }

  /** Places the fitted digit so that its centre of mass is at (14, 14), whole pixels. */
  private static Mat centre(Mat fitted) {
    Moments m = Imgproc.moments(fitted);
    double comX = m.m00 > 0 ? m.m10 / m.m00 : fitted.cols() / 2.0;
    double comY = m.m00 > 0 ? m.m01 / m.m00 : fitted.rows() / 2.0;
    int left = (int) Math.round(CENTRE - comX);
    int top = (int) Math.round(CENTRE - comY);
    left = Math.max(0, Math.min(SIDE - fitted.cols(), left));
    top = Math.max(0, Math.min(SIDE - fitted.rows(), top));
    // Framed in black, rather than copied into a view of a black field: one Mat instead of two.
    Mat field = new Mat();
    Core.copyMakeBorder(
        fitted,
        field,
        top,
        SIDE - fitted.rows() - top,
        left,
        SIDE - fitted.cols() - left,
        Core.BORDER_CONSTANT);
    return field;
  }

  /** Thickens strokes far thinner than MNIST's, at the crop's own resolution. */
  private static Mat adjustStroke(Mat digit, double width, int longer) {
    int pixels = (int) Math.round((MNIST_STROKE - width) / 2 * longer / BOX);
    if (width >= THIN_STROKE || pixels <= 0) {
      return digit;
    }
    Mat thicker = new Mat();
    Core.copyMakeBorder(digit, thicker, pixels, pixels, pixels, pixels, Core.BORDER_CONSTANT);
    int size = 2 * pixels + 1;
    Imgproc.dilate(
        thicker,
        thicker,
        Imgproc.getStructuringElement(Imgproc.MORPH_ELLIPSE, new Size(size, size)));
    return thicker;
  }

  /**
   * Twice the stroke area over the length of its outline: the width of a long stroke, in the ink's
   * own pixels.
   */
  static double strokeWidth(Mat digit) {
    Mat stroke = new Mat();
    Imgproc.threshold(digit, stroke, STROKE - 1, 255, Imgproc.THRESH_BINARY);
    double perimeter = 0;
    for (int[] outline : Outlines.of(stroke, Imgproc.RETR_LIST).points()) {
      perimeter += closedLength(outline);
    }
    double area = Core.countNonZero(stroke);
    stroke.release();
    return perimeter > 0 ? 2 * area / perimeter : 0;
  }

  /**
   * The length of a closed outline exactly as {@code Imgproc.arcLength} measures it (each step's
   * length in float, summed in a double), from its integer points: Java's arcLength takes only
   * float points, and a float copy of every outline cost a Mat.
   *
   * @param xy the outline's points as x, y pairs
   */
  static double closedLength(int[] xy) {
    if (xy.length == 0) {
      return 0;
    }
    double length = 0;
    float previousX = xy[xy.length - 2];
    float previousY = xy[xy.length - 1];
    for (int i = 0; i < xy.length; i += 2) {
      float dx = xy[i] - previousX;
      float dy = xy[i + 1] - previousY;
      length += (float) Math.sqrt(dx * dx + dy * dy);
      previousX = xy[i];
      previousY = xy[i + 1];
    }
    return length;
  }
}
