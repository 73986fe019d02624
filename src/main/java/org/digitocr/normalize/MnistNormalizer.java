package org.digitocr.normalize;

import org.opencv.core.Core;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.Rect;
import org.opencv.core.Scalar;
import org.opencv.core.Size;
import org.opencv.imgproc.Imgproc;
import org.opencv.imgproc.Moments;

/**
 * Makes a picture of one digit look like an MNIST digit, as NIST's digits were prepared: light ink
 * on a black background, cropped to the ink, scaled to fit a 20x20 box keeping its aspect ratio,
 * and placed in a 28x28 image with its centre of mass at the centre.
 */
public final class MnistNormalizer {
  public static final int SIDE = 28;
  private static final int BOX = 20;

  /** MNIST's centre of mass sits at pixel (14, 14), measured over its test set. */
  private static final double CENTRE = 14.0;

  /** Below this grey-level difference between ink and paper there is no digit to read. */
  private static final double MIN_CONTRAST = 40;

  /** Ink blobs smaller than this share of the largest are specks, not part of the digit. */
  private static final double SPECK_SHARE = 0.05;

  private MnistNormalizer() {}

  /**
   * @param grey an 8-bit single-channel picture of one digit, any size, dark on light or light on
   *     dark
   * @return a 28x28 8-bit image, light digit on black
   * @throws IllegalArgumentException if the picture holds no ink
   */
  public static Mat normalize(Mat grey) {
    if (grey.type() != CvType.CV_8UC1 || grey.empty()) {
      throw new IllegalArgumentException("expected a non-empty 8-bit grey image, got " + grey);
    }
    Mat ink = new Mat();
    Imgproc.threshold(grey, ink, 0, 255, Imgproc.THRESH_BINARY | Imgproc.THRESH_OTSU);
    Mat lightOnDark = grey.clone();
    if (lightBackground(ink)) {
      Core.bitwise_not(grey, lightOnDark);
      Core.bitwise_not(ink, ink);
    }
    stretchContrast(lightOnDark, ink);
    Rect box = inkBox(ink);
    Mat fitted = fitIntoBox(new Mat(lightOnDark, box));
    return centreOfMassCentred(fitted);
  }

  /**
   * Paper is what most of the border shows; the whole picture's majority would misjudge a thick
   * digit cropped tightly.
   */
  private static boolean lightBackground(Mat bright) {
    int rows = bright.rows();
    int cols = bright.cols();
    double brightBorder =
        Core.countNonZero(bright.row(0))
            + Core.countNonZero(bright.row(rows - 1))
            + Core.countNonZero(bright.col(0))
            + Core.countNonZero(bright.col(cols - 1));
    return brightBorder > (rows + cols);
  }

  /** Paper to 0 and typical ink to 255, as in MNIST, whatever the lighting and pen. */
  private static void stretchContrast(Mat lightOnDark, Mat ink) {
    Mat paper = new Mat();
    Core.bitwise_not(ink, paper);
    double paperLevel = Core.mean(lightOnDark, paper).val[0];
    double inkLevel = Core.mean(lightOnDark, ink).val[0];
    if (Core.countNonZero(ink) == 0 || inkLevel - paperLevel < MIN_CONTRAST) {
      throw new IllegalArgumentException("no ink found");
    }
    double gain = 255 / (inkLevel - paperLevel);
    lightOnDark.convertTo(lightOnDark, CvType.CV_8U, gain, -paperLevel * gain);
  }

  /** The bounding box of the ink, leaving out specks. */
  private static Rect inkBox(Mat ink) {
    Mat labels = new Mat();
    Mat stats = new Mat();
    int count = Imgproc.connectedComponentsWithStats(ink, labels, stats, new Mat(), 8);
    int largest = 0;
    for (int i = 1; i < count; i++) {
      largest = Math.max(largest, (int) stats.get(i, Imgproc.CC_STAT_AREA)[0]);
    }
    Rect box = null;
    for (int i = 1; i < count; i++) {
      if (stats.get(i, Imgproc.CC_STAT_AREA)[0] >= SPECK_SHARE * largest) {
        Rect part =
            new Rect(
                (int) stats.get(i, Imgproc.CC_STAT_LEFT)[0],
                (int) stats.get(i, Imgproc.CC_STAT_TOP)[0],
                (int) stats.get(i, Imgproc.CC_STAT_WIDTH)[0],
                (int) stats.get(i, Imgproc.CC_STAT_HEIGHT)[0]);
        box = box == null ? part : union(box, part);
      }
    }
    return box;
  }

  private static Rect union(Rect a, Rect b) {
    int x = Math.min(a.x, b.x);
    int y = Math.min(a.y, b.y);
    return new Rect(
        x,
        y,
        Math.max(a.x + a.width, b.x + b.width) - x,
        Math.max(a.y + a.height, b.y + b.height) - y);
  }

  private static Mat fitIntoBox(Mat digit) {
    double scale = (double) BOX / Math.max(digit.cols(), digit.rows());
    Size size =
        new Size(
            Math.max(1, Math.round(digit.cols() * scale)),
            Math.max(1, Math.round(digit.rows() * scale)));
    Mat fitted = new Mat();
    Imgproc.resize(
        digit, fitted, size, 0, 0, scale < 1 ? Imgproc.INTER_AREA : Imgproc.INTER_LINEAR);
    return fitted;
  }

  private static Mat centreOfMassCentred(Mat fitted) {
    Moments m = Imgproc.moments(fitted);
    double dx = Math.round(CENTRE - m.m10 / m.m00);
    double dy = Math.round(CENTRE - m.m01 / m.m00);
    Mat shift = new Mat(2, 3, CvType.CV_64F);
    shift.put(0, 0, 1, 0, dx, 0, 1, dy);
    Mat out = new Mat();
    Imgproc.warpAffine(
        fitted,
        out,
        shift,
        new Size(SIDE, SIDE),
        Imgproc.INTER_NEAREST,
        Core.BORDER_CONSTANT,
        Scalar.all(0));
    return out;
  }
}
