package org.digitocr.pipeline;

import java.io.IOException;
import java.io.Serializable;
import org.digitocr.output.Failure;
import org.digitocr.page.Page;
import org.digitocr.page.PageSource;

/**
 * One page of an input read into its result, or the failure that stopped it. {@link #read} is the
 * per-page step every runner shares (the local batch runner, the Spark job): bytes decoded into a
 * page, the page read, any error turned into a failure row, so they all read pages and report
 * failures alike.
 *
 * @param result null if the page failed
 * @param failure null if the page was read
 */
public record PageOutcome(PageResult result, Failure failure) implements Serializable {
  /** The failure kind of an error no {@link ErrorKind} foresaw (a bug, not a bad input). */
  public static final String INTERNAL = "INTERNAL";

  /** The failure kind of a page read but whose own outputs could not be written. */
  public static final String WRITE_FAILED = "WRITE_FAILED";

  /** What a runner does with a page read while its pixels are still at hand. */
  @FunctionalInterface
  public interface PixelUse {
    void accept(PageResult result, Page page) throws IOException;
  }

  /**
   * Decodes page {@code number} of {@code source} and reads it; nothing is thrown, whatever the
   * page holds.
   *
   * @param name the input's name in results and messages
   */
  public static PageOutcome read(PageReader reader, String name, PageSource source, int number) {
    return read(reader, name, source, number, (result, page) -> {});
  }

  /**
   * As {@link #read(PageReader, String, PageSource, int)}, and hands the result with the page's
   * pixels to {@code use} (which may write files from them) before they are released.
   */
  public static PageOutcome read(
      PageReader reader, String name, PageSource source, int number, PixelUse use) {
    int page = source.pageCount() > 1 ? number : 0;
    Page decoded = null;
    try {
      decoded = source.page(number);
      PageResult result = reader.read(name, decoded);
      use.accept(result, decoded);
      return new PageOutcome(result, null);
    } catch (IOException e) {
      return new PageOutcome(
          null, new Failure(name, page, WRITE_FAILED, where(name, page) + ": " + e));
    } catch (InputException | RuntimeException | OutOfMemoryError e) {
      return new PageOutcome(null, failure(name, page, e));
    } finally {
      if (decoded != null) {
        decoded.image().release();
      }
    }
  }

  /**
   * The failure of an input as a whole, or of one page of it.
   *
   * @param page 1-based, or 0 for the whole input (or its only page)
   * @param error an {@link InputException}, or anything else that went wrong reading it
   */
  public static Failure failure(String name, int page, Throwable error) {
    if (error instanceof InputException input) {
      return new Failure(name, page, input.kind().name(), input.getMessage());
    }
    return new Failure(
        name, page, INTERNAL, where(name, page) + ": cannot be read (" + error + ")");
  }

  private static String where(String name, int page) {
    return name + (page > 0 ? ": page " + page : "");
  }
}
