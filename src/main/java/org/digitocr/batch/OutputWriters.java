package org.digitocr.batch;

import java.io.IOException;
import java.util.List;
import org.digitocr.output.Failure;
import org.digitocr.page.Page;
import org.digitocr.pipeline.PageResult;

/**
 * The formats a run writes, as the batch runner sees them. All paths are relative to the output
 * folder, {@code /}-separated, and every file is written atomically.
 */
public interface OutputWriters {

  /**
   * Called once the output folder is locked, before any page is read: the place to clear what an
   * interrupted run left behind.
   */
  default void start() throws IOException {}

  /**
   * Writes what one page needs while its pixels are at hand (the annotated image). Called from
   * worker threads, for the pages of one input in any order.
   *
   * @return the files written
   */
  List<String> writePage(Input input, int pageCount, PageResult result, Page page)
      throws IOException;

  /**
   * The run is stopping before {@code input} is complete; the files {@link #writePage} reported are
   * deleted by the runner, anything else held for the input is to be released here.
   */
  default void abandon(Input input, int pageCount) throws IOException {}

  /**
   * Writes what covers a whole input (transcript, searchable PDF) once every page is read.
   *
   * @param pages the pages read, in page order (failed pages left out)
   * @return the files written
   */
  List<String> writeInput(Input input, int pageCount, List<PageResult> pages) throws IOException;

  /** The annotated image of a page, as {@link #writePage} names it; null if none is written. */
  String pageImage(Input input, int pageCount, int page);

  /**
   * Writes the files over all inputs (digits.csv, lines.csv, report.json).
   *
   * @param pages every page of every input read now or before, in input and page order; may be
   *     iterated more than once, each time reading from disk
   * @param failures in input and page order
   */
  void writeAggregates(Iterable<PageResult> pages, RunStats.Snapshot stats, List<Failure> failures)
      throws IOException;
}
