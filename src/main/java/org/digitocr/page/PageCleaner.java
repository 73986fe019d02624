package org.digitocr.page;

import java.util.Arrays;
import java.util.List;
import org.opencv.core.Core;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.MatOfFloat;
import org.opencv.core.MatOfInt;
import org.opencv.core.Scalar;
import org.opencv.imgproc.Imgproc;

/**
 * Turns a decoded page into ink ready for segmentation: greyscale, any preparation steps (photo
 * flattening), binarisation, deskew, removal of ruled lines and form boxes, and of specks.
 */
public final class PageCleaner {
  /** Blobs smaller than this fraction of the page's shorter side, squared, are specks. */
  static final double SPECK_FRACTION = 1 / 400.0;

  /**
   * Pixels with less than this share of full ink are paper: paper noise, and the blur a scanner
   * puts into the small holes of loops, which MNIST's digits show black.
   */
  static final double NO_INK = 0.15;

  /** The darkest this share of the ink pixels is taken as full ink. */
  static final double FULL_INK_SHARE = 0.3;

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
    Mat level = binary.levelled();
    if (Deskewer.negligible(degrees)) {
      degrees = 0;
    } else {
      // Rotating the grey page, not the binary one, keeps thin ruled lines unbroken.
      Deskewer.Rotated rotated = deskewer.rotate(binary.levelled(), degrees);
      level = rotated.image();
      toOriginal = rotated.toBefore().andThen(toOriginal);
    }
    Mat ink = binary.ink(level);
    Mat faintInk = binary.faintInk(level);
    Mat intensity = intensity(level, binary.threshold(), binary.paper());
    release(level, image);
    release(binary.levelled(), image);
    release(page.grey(), image);

    boolean inkFound = Core.hasNonZero(ink);
    FormLineRemover.Result withoutLines = lineRemover.remove(ink, faintInk);
    ink.release();
    faintInk.release();
    eraseLines(intensity, withoutLines);
    double speckSide = Math.min(intensity.cols(), intensity.rows()) * SPECK_FRACTION;
    InkComponents components =
        InkComponents.find(withoutLines.ink(), (int) Math.ceil(speckSide * speckSide));
    withoutLines.ink().release();
    return new CleanPage(
        intensity,
        components,
        toOriginal,
        degrees,
        binary.method(),
        page.warnings(),
        inkFound,
        withoutLines.ruledLines());
  }

  /**
   * How much ink each pixel holds, 0 (paper) to 255 (the page's typical full stroke): the grey
   * levels stretched between the paper and the darker part of the ink, as MNIST's digits span black
   * to white. Soft edges stay soft.
   */
  static Mat intensity(Mat grey, double threshold, double paper) {
    Mat hist = new Mat();
    Imgproc.calcHist(
        List.of(grey), new MatOfInt(0), new Mat(), hist, new MatOfInt(256), new MatOfFloat(0, 256));
    float[] counts = new float[256];
    hist.get(0, 0, counts);
    hist.release();
    // The ink is the grey levels at or below the threshold (as Binarizer's ink: OpenCV thresholds
    // 8-bit images at the threshold's floor), so its histogram is the page's up to there.
    int aboveInk = (int) Math.max(0, Math.min(counts.length, Math.floor(threshold) + 1));
    Arrays.fill(counts, aboveInk, counts.length, 0);
    double total = 0;
    for (float count : counts) {
      total += count;
    }
    int full = 0;
    double seen = 0;
    while (full < 255 && (seen += counts[full]) < FULL_INK_SHARE * total) {
      full++;
    }
    double range = Math.max(1, paper - full);
    Mat table = new Mat(1, 256, CvType.CV_8UC1);
    byte[] levels = new byte[256];
    for (int g = 0; g < 256; g++) {
      double share = (paper - g) / range;
      levels[g] =
          (byte) (int) Math.round(255 * Math.max(0, Math.min(1, (share - NO_INK) / (1 - NO_INK))));
    }
    table.put(0, 0, levels);
    Mat intensity = new Mat();
    Core.LUT(grey, table, intensity);
    table.release();
    return intensity;
  }

  /** Clears removed lines, and their soft fringe, from the intensity image. */
  private static void eraseLines(Mat intensity, FormLineRemover.Result withoutLines) {
    Mat erase = new Mat();
    Imgproc.dilate(withoutLines.removed(), erase, Kernels.rect(3, 3));
    Core.subtract(erase, withoutLines.ink(), erase);
    // setTo returns another header on the intensity's pixels: left to its finalizer, it would keep
    // them allocated long after the page is done.
    intensity.setTo(Scalar.all(0), erase).release();
    erase.release();
    withoutLines.removed().release();
  }

  private static void release(Mat mat, Mat keep) {
    if (mat != keep) {
      mat.release();
    }
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
