package org.digitocr.page;

/**
 * A step run on the grey page before binarisation, such as finding and flattening the paper in a
 * photo or evening out its light. A step that moves pixels returns a page whose {@code toOriginal}
 * includes its own transform.
 */
@FunctionalInterface
public interface PagePreparation {
  GreyPage apply(GreyPage page);
}
