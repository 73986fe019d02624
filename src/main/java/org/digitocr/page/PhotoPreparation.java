package org.digitocr.page;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.Scalar;

/**
 * The photo stage in front of binarisation. Images that cannot show a page (too small, black, white
 * all over) are turned away. Then, unless page detection is off: the sheet of paper is found,
 * flattened, sharpened and its light evened out, and the page's coordinate map leads from the flat
 * page back to the photo. Without a sheet, an image with hardly any blank paper is not a page; a
 * scan (paper up to the frame) is read as it is; any other image is read whole, with a warning.
 *
 * <p>A turned-away image continues as a small blank page, so that it yields a valid, empty result.
 */
public final class PhotoPreparation implements PagePreparation {
  /** Below this share of blank paper (and with no sheet found) an image is not a page. */
  static final double MIN_PAPER_SHARE = 0.1;

  private final PageDetection mode;
  private final ImageScreening screening = new ImageScreening();
  private final PaperFinder finder = new PaperFinder();
  private final PerspectiveFlattener flattener = new PerspectiveFlattener();
  private final Sharpener sharpener = new Sharpener();
  private final IlluminationCorrector light = new IlluminationCorrector();

  public PhotoPreparation(PageDetection mode) {
    this.mode = mode;
  }

  @Override
  public GreyPage apply(GreyPage page) {
    Mat thumbnail = Thumbnail.of(page.grey());
    try {
      return prepare(page, thumbnail);
    } finally {
      if (thumbnail != page.grey()) {
        thumbnail.release();
      }
    }
  }

  private GreyPage prepare(GreyPage page, Mat thumbnail) {
    Optional<String> problem = screening.problem(page.grey(), thumbnail);
    if (problem.isPresent()) {
      return blank(page, problem.get());
    }
    if (mode == PageDetection.OFF) {
      return page;
    }
    Optional<SheetOutline> outline = finder.find(page.grey(), thumbnail);
    double minConfidence = mode == PageDetection.ON ? 0 : PaperFinder.CONFIDENT;
    Optional<SheetOutline> sheet = outline.filter(s -> s.confidence() >= minConfidence);
    if (sheet.isPresent()) {
      PerspectiveFlattener.FlattenedPage flat = flattener.flatten(page.grey(), sheet.get());
      Mat sharp = sharpener.sharpen(flat.page());
      flat.page().release();
      Mat even = light.correct(sharp);
      sharp.release();
      return new GreyPage(even, flat.toPhoto().andThen(page.toOriginal()), page.warnings());
    }
    PaperCoverage paper = PaperCoverage.of(thumbnail);
    if (paper.share() < MIN_PAPER_SHARE) {
      return blank(
          page,
          String.format(
              Locale.ROOT,
              "no paper found: the image does not look like a page (%.0f%% blank paper)",
              100 * paper.share()));
    }
    if (paper.fillsFrame()) {
      return mode == PageDetection.AUTO
          ? page
          : warned(page, "no sheet edges found: the paper fills the image; read it whole");
    }
    return warned(
        page,
        outline.isPresent()
            ? String.format(
                Locale.ROOT,
                "no sheet of paper found with confidence (best outline %.2f); read the whole image",
                outline.get().confidence())
            : "no sheet of paper found; read the whole image");
  }

  private static GreyPage warned(GreyPage page, String warning) {
    List<String> warnings = new ArrayList<>(page.warnings());
    warnings.add(warning);
    return new GreyPage(page.grey(), page.toOriginal(), warnings);
  }

  private static GreyPage blank(GreyPage page, String warning) {
    Mat paper =
        new Mat(ImageScreening.MIN_SIDE, ImageScreening.MIN_SIDE, CvType.CV_8UC1, Scalar.all(255));
    return warned(new GreyPage(paper, page.toOriginal(), page.warnings()), warning);
  }
}
