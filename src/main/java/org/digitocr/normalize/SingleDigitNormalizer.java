package org.digitocr.normalize;

import java.util.List;
import java.util.Optional;
import org.digitocr.layout.Box;
import org.digitocr.page.Binarizer;
import org.digitocr.page.InkComponents;
import org.opencv.core.Core;
import org.opencv.core.Mat;
import org.opencv.imgproc.Imgproc;

/**
 * Prepares a picture holding one digit — any size, dark on light or light on dark — for the
 * classifier: it finds the ink, leaves out specks, and hands the rest to {@link MnistNormalizer}.
 */
public final class SingleDigitNormalizer {
  /** Blobs smaller than this share of the largest blob are specks, not parts of the digit. */
  static final double SPECK_SHARE = 0.05;

  private final Binarizer binarizer = new Binarizer();
  private final MnistNormalizer normalizer = new MnistNormalizer();

  /**
   * @param image 8-bit grey, BGR or BGRA
   * @return the 28x28 digit, light on black; empty when the picture holds no ink
   */
  public Optional<Mat> normalize(Mat image) {
    Mat darkOnLight = darkOnLightGrey(image);
    Mat ink = binarizer.binarize(darkOnLight).ink();
    InkComponents blobs = InkComponents.find(ink, 1);
    int largest =
        blobs.components().stream().mapToInt(InkComponents.Component::area).max().orElse(0);
    List<InkComponents.Component> parts =
        blobs.components().stream().filter(c -> c.area() >= SPECK_SHARE * largest).toList();
    if (parts.isEmpty()) {
      return Optional.empty();
    }
    Mat digit = blobs.mask(new Box(0, 0, ink.cols(), ink.rows()), parts);
    Mat normalized = normalizer.normalize(digit);
    digit.release();
    ink.release();
    blobs.release();
    return Optional.of(normalized);
  }

  /**
   * The picture in grey with dark ink on light paper, as the binariser expects. The paper is what
   * most of the border shows: a thick digit cropped tightly may cover most of the picture.
   */
  private static Mat darkOnLightGrey(Mat image) {
    Mat grey = new Mat();
    switch (image.channels()) {
      case 1 -> image.copyTo(grey);
      case 3 -> Imgproc.cvtColor(image, grey, Imgproc.COLOR_BGR2GRAY);
      case 4 -> Imgproc.cvtColor(image, grey, Imgproc.COLOR_BGRA2GRAY);
      default -> throw new IllegalArgumentException(image.channels() + "-channel image");
    }
    Mat light = new Mat();
    Imgproc.threshold(grey, light, 0, 255, Imgproc.THRESH_BINARY | Imgproc.THRESH_OTSU);
    int border = 2 * (grey.rows() + grey.cols());
    int lightBorder =
        Core.countNonZero(light.row(0))
            + Core.countNonZero(light.row(grey.rows() - 1))
            + Core.countNonZero(light.col(0))
            + Core.countNonZero(light.col(grey.cols() - 1));
    light.release();
    if (2 * lightBorder < border) {
      Core.bitwise_not(grey, grey);
    }
    return grey;
  }
}
