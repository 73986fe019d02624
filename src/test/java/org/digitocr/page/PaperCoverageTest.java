package org.digitocr.page;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.digitocr.runtime.Natives;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.opencv.core.Mat;

class PaperCoverageTest {
  @BeforeAll
  static void loadOpenCv() {
    Natives.loadOpenCv();
  }

  @Test
  void aScanIsPaperUpToTheFrame() {
    PaperCoverage scan = PaperCoverage.of(DrawnScenes.scan());
    assertTrue(scan.fillsFrame(), scan.toString());
    assertTrue(scan.share() > 0.5, scan.toString());
  }

  @Test
  void aSheetOnATableIsPaperInTheMiddleOnly() {
    PaperCoverage photo = PaperCoverage.of(DrawnSheet.photo());
    assertFalse(photo.fillsFrame(), photo.toString());
    // the margin round the printed box: the box cuts the paper inside it off
    assertTrue(photo.share() > PhotoPreparation.MIN_PAPER_SHARE, photo.toString());
  }

  @Test
  void scenesWithoutPaperHaveLittleOfIt() {
    for (Mat scene : new Mat[] {DrawnScenes.mottle(), DrawnScenes.grain(), DrawnScenes.shapes()}) {
      PaperCoverage coverage = PaperCoverage.of(DrawnScenes.grey(scene));
      assertTrue(coverage.share() < PhotoPreparation.MIN_PAPER_SHARE, coverage.toString());
    }
  }
}
