package org.digitocr.segment;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.digitocr.layout.Box;

/** The height a page's handwriting is written at. */
final class HandwritingHeight {
  static final double SHARE = 0.7;

  private HandwritingHeight() {}

  /**
   * The median height of the marks weighted by their box area, so that the many small letters of a
   * form's print do not outweigh fewer, larger handwritten digits; 0 for no marks.
   */
  static double of(List<Box> marks) {
    List<Box> boxes = new ArrayList<>(marks);
    boxes.sort(Comparator.comparingInt(Box::height));
    double total = boxes.stream().mapToDouble(Box::area).sum();
    double seen = 0;
    for (Box box : boxes) {
      seen += box.area();
      if (seen >= SHARE * total) {
        return box.height();
      }
    }
    return 0;
  }
}
