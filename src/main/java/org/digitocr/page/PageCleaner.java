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
      page = preparation.apply(page);
    }
    Binarizer.Result binary = binarizer.binarize(page.grey());
    if (page.grey() != image) {
      page.grey().release();
    }
    Deskewer.Result level = deskewer.deskew(binary.ink());
    FormLineRemover.Result withoutLines = lineRemover.remove(level.ink());
    if (level.ink() != binary.ink()) {
      level.ink().release();
    }
    binary.ink().release();
    withoutLines.lines().release();
    Mat ink = withoutLines.ink();
    double speckSide = Math.min(ink.cols(), ink.rows()) * SPECK_FRACTION;
    InkComponents components = InkComponents.find(ink, (int) Math.ceil(speckSide * speckSide));
    return new CleanPage(
        ink,
        components,
        level.toBefore().andThen(page.toOriginal()),
        level.degrees(),
        binary.method());
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
