package org.digitocr.page;

import java.util.List;
import org.opencv.core.Mat;
import org.opencv.imgproc.Imgproc;

/**
 * Turns a decoded page into ink ready for segmentation: greyscale, any preparation steps (photo
 * flattening), binarisation, deskew, removal of ruled lines and form boxes, and of specks.
 */
public final class PageCleaner {
  /** Blobs smaller than this fraction of the page's shorter side, squared, are specks. */
  static final double SPECK_FRACTION = 1 / 400.0;

  private final List<PagePreparation> preparations;
  private final Binarizer binarizer = new Binarizer();
  private final Deskewer deskewer = new Deskewer();
  private final FormLineRemover lineRemover = new FormLineRemover();

  public PageCleaner() {
    this(List.of());
  }

  public PageCleaner(List<PagePreparation> preparations) {
    this.preparations = List.copyOf(preparations);
  }

  public CleanPage clean(Mat image) {
    GreyPage page = new GreyPage(toGrey(image), CoordinateMap.identity());
    for (PagePreparation preparation : preparations) {
      GreyPage prepared = preparation.apply(page);
      if (page.grey() != image && prepared.grey() != page.grey()) {
        page.grey().release();
      }
      page = prepared;
    }
    Binarizer.Result binary = binarizer.binarize(page.grey());
    double degrees = deskewer.estimateDegrees(binary.levelled(), binary.threshold());
    CoordinateMap toOriginal = page.toOriginal();
    Mat ink;
    if (Deskewer.negligible(degrees)) {
      degrees = 0;
      ink = binary.ink(binary.levelled());
    } else {
      // Rotating the grey page, not the binary one, keeps thin ruled lines unbroken.
      Deskewer.Rotated level = deskewer.rotate(binary.levelled(), degrees);
      ink = binary.ink(level.image());
      level.image().release();
      toOriginal = level.toBefore().andThen(toOriginal);
    }
    if (binary.levelled() != image) {
      binary.levelled().release();
    }
    if (page.grey() != image) {
      page.grey().release();
    }
    Mat withoutLines = lineRemover.remove(ink);
    ink.release();
    double speckSide = Math.min(withoutLines.cols(), withoutLines.rows()) * SPECK_FRACTION;
    InkComponents components =
        InkComponents.find(withoutLines, (int) Math.ceil(speckSide * speckSide));
    return new CleanPage(
        withoutLines, components, toOriginal, degrees, binary.method(), page.warnings());
  }

  private static Mat toGrey(Mat image) {
    if (image.channels() == 1) {
      return image;
    }
    Mat grey = new Mat();
    Imgproc.cvtColor(
        image, grey, image.channels() == 4 ? Imgproc.COLOR_BGRA2GRAY : Imgproc.COLOR_BGR2GRAY);
    return grey;
  }
}
