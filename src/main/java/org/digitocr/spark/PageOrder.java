package org.digitocr.spark;

import java.io.Serializable;
import java.util.Comparator;

/**
 * Where a page, or a whole input ({@code page} 0), sorts: in the local runner's order, by INPUT
 * argument, then by the input's name as its folder walk meets it, then by page.
 *
 * @param argument index of the INPUT argument the input was found under
 * @param key the input's name within its argument, made to sort as the folder walk meets it
 */
record PageOrder(int argument, String key, int page)
    implements Comparable<PageOrder>, Serializable {
  private static final Comparator<PageOrder> ORDER =
      Comparator.comparingInt(PageOrder::argument)
          .thenComparing(PageOrder::key)
          .thenComparingInt(PageOrder::page);

  /** The order of the input as a whole. */
  PageOrder input() {
    return new PageOrder(argument, key, 0);
  }

  @Override
  public int compareTo(PageOrder other) {
    return ORDER.compare(this, other);
  }
}
