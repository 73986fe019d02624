package org.digitocr.spark;

import java.io.Serializable;
import java.util.stream.IntStream;
import org.apache.spark.api.java.function.Function;
import org.digitocr.output.Failure;
import org.digitocr.page.PageSource;
import org.digitocr.pipeline.InputException;
import org.digitocr.pipeline.PageOutcome;

/**
 * The job's first stage: opens each input to count its pages (headers only, nothing decoded), so
 * that the pages, not the files, are then spread over the executors. An input that cannot be opened
 * comes out with no pages and its failure.
 */
final class PageCounter implements Function<InputListing.Found, PageCounter.Counted> {
  private static final long serialVersionUID = 1L;

  /**
   * An input with its page count, or the failure that stopped it being opened.
   *
   * @param failure null if the input opened
   */
  record Counted(InputListing.Found input, int pages, Failure failure) implements Serializable {

    /** One task per page. */
    Iterable<PageTask> tasks() {
      return IntStream.rangeClosed(1, pages).mapToObj(page -> new PageTask(this, page))::iterator;
    }
  }

  /** A page to read. */
  record PageTask(Counted input, int page) implements Serializable {
    PageOrder order() {
      return input.input().order(page);
    }
  }

  private final InputFiles files;

  PageCounter(InputFiles files) {
    this.files = files;
  }

  @Override
  public Counted call(InputListing.Found input) {
    try (PageSource source = files.open(input.path(), input.shown())) {
      return new Counted(input, source.pageCount(), null);
    } catch (InputException | RuntimeException | OutOfMemoryError e) {
      return new Counted(input, 0, PageOutcome.failure(input.name(), 0, e));
    }
  }
}
