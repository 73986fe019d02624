package org.digitocr.page;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.opencv.core.Mat;

/**
 * The photo stage in front of binarisation: finds the sheet of paper, flattens it and evens out its
 * light; the page's coordinate map then leads from the flat page back to the photo. When there is
 * no sheet to flatten the image is read whole, with a warning unless it is a scan (paper up to the
 * frame) in {@link PageDetection#AUTO} mode.
 */
public final class PhotoPreparation implements PagePreparation {
  private final PageDetection mode;
  private final PaperFinder finder = new PaperFinder();
  private final PerspectiveFlattener flattener = new PerspectiveFlattener();
  private final IlluminationCorrector light = new IlluminationCorrector();

  public PhotoPreparation(PageDetection mode) {
    this.mode = mode;
  }

  @Override
  public GreyPage apply(GreyPage page) {
    if (mode == PageDetection.OFF) {
      return page;
    }
    PaperFinder.PaperSearch search = finder.find(page.grey());
    double minConfidence = mode == PageDetection.ON ? 0 : PaperFinder.CONFIDENT;
    Optional<SheetOutline> sheet = search.sheetWithConfidence(minConfidence);
    if (sheet.isPresent()) {
      PerspectiveFlattener.FlattenedPage flat = flattener.flatten(page.grey(), sheet.get());
      Mat even = light.correct(flat.page());
      flat.page().release();
      return new GreyPage(even, flat.toPhoto().andThen(page.toOriginal()), page.warnings());
    }
    if (search.paperFillsFrame() && mode == PageDetection.AUTO) {
      return page;
    }
    List<String> warnings = new ArrayList<>(page.warnings());
    warnings.add(
        search.sheet().isPresent()
            ? String.format(
                "no sheet of paper found with confidence (best outline %.2f); read the whole image",
                search.sheet().get().confidence())
            : "no sheet of paper found; read the whole image");
    return new GreyPage(page.grey(), page.toOriginal(), warnings);
  }
}
