package org.digitocr.spark;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Row;
import org.digitocr.page.PageSource;
import org.digitocr.pipeline.InputException;
import org.digitocr.pipeline.PageOutcome;
import org.digitocr.pipeline.PageReader;
import org.digitocr.pipeline.ReadOptions;

/**
 * The job's second stage: reads a partition's pages with one {@link PageReader} (a copy of this
 * executor's classifier). Pages come sorted by input, so each input is opened once per partition.
 */
final class PageTaskReader implements MapPartitionsFunction<Row, PageRead> {
  private static final long serialVersionUID = 1L;

  private final InputFiles files;
  private final Broadcast<byte[]> model;
  private final String modelName;
  private final ReadOptions read;

  PageTaskReader(InputFiles files, Broadcast<byte[]> model, String modelName, ReadOptions read) {
    this.files = files;
    this.model = model;
    this.modelName = modelName;
    this.read = read;
  }

  /**
   * @param tasks rows of {@link PageCounter#SCHEMA} with a {@code page} column added
   */
  @Override
  public Iterator<PageRead> call(Iterator<Row> tasks) {
    if (!tasks.hasNext()) {
      return List.<PageRead>of().iterator();
    }
    PageReader reader = new PageReader(ExecutorModel.classifier(model, modelName).copy(), read);
    List<PageRead> reads = new ArrayList<>();
    Opened opened = null;
    try {
      while (tasks.hasNext()) {
        Row task = tasks.next();
        String path = task.getAs("path");
        String file = task.getAs("file");
        int pages = task.getAs("pages");
        int page = task.getAs("page");
        if (opened == null || !opened.path.equals(path)) {
          if (opened != null) {
            opened.close();
          }
          opened = open(path, task.getAs("shown"));
        }
        PageOutcome outcome =
            opened.source == null
                ? new PageOutcome(
                    null, PageOutcome.failure(file, pages > 1 ? page : 0, opened.error))
                : PageOutcome.read(reader, file, opened.source, page);
        reads.add(new PageRead(task.getAs("argument"), task.getAs("key"), page, outcome));
      }
    } finally {
      if (opened != null) {
        opened.close();
      }
    }
    return reads.iterator();
  }

  /** The input being read, or why it cannot be opened again (changed since it was counted). */
  private record Opened(String path, PageSource source, Throwable error) {
    void close() {
      if (source != null) {
        source.close();
      }
    }
  }

  private Opened open(String path, String shown) {
    try {
      return new Opened(path, files.open(path, shown), null);
    } catch (InputException | RuntimeException | OutOfMemoryError e) {
      return new Opened(path, null, e);
    }
  }
}
