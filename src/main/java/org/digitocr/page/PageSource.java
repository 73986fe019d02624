package org.digitocr.page;

import org.digitocr.pipeline.InputException;

/**
 * An opened input, read page by page so that a PDF with thousands of pages is never held whole. Not
 * thread-safe.
 */
public interface PageSource extends AutoCloseable {

  int pageCount();

  /**
   * @param number 1-based
   * @throws InputException when this page cannot be decoded (a broken page inside a PDF, a
   *     truncated TIFF frame)
   */
  Page page(int number) throws InputException;

  @Override
  void close();
}
