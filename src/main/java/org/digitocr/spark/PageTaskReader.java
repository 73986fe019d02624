package org.digitocr.spark;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.broadcast.Broadcast;
import org.digitocr.page.PageSource;
import org.digitocr.pipeline.InputException;
import org.digitocr.pipeline.PageOutcome;
import org.digitocr.pipeline.PageReader;
import org.digitocr.pipeline.ReadOptions;
import org.digitocr.runtime.Natives;

/**
 * The job's second stage: reads a partition's pages with one {@link PageReader} (a copy of this
 * executor's classifier). Pages come sorted by input, so each input is opened once per partition.
 */
final class PageTaskReader implements FlatMapFunction<Iterator<PageCounter.PageTask>, PageRead> {
  private static final long serialVersionUID = 1L;

  private final InputFiles files;
  private final Broadcast<ModelBytes> model;
  private final String modelName;
  private final ReadOptions read;

  PageTaskReader(
      InputFiles files, Broadcast<ModelBytes> model, String modelName, ReadOptions read) {
    this.files = files;
    this.model = model;
    this.modelName = modelName;
    this.read = read;
  }

  @Override
  public Iterator<PageRead> call(Iterator<PageCounter.PageTask> tasks) {
    if (!tasks.hasNext()) {
      return List.<PageRead>of().iterator();
    }
    PageReader reader = new PageReader(ExecutorModel.classifier(model, modelName).copy(), read);
    Natives.runOpenMpLoopsOnThisThread();
    List<PageRead> reads = new ArrayList<>();
    Opened opened = null;
    try {
      while (tasks.hasNext()) {
        PageCounter.PageTask task = tasks.next();
        InputListing.Found input = task.input().input();
        if (opened == null || !opened.path.equals(input.path())) {
          if (opened != null) {
            opened.close();
          }
          opened = open(input);
        }
        reads.add(new PageRead(task.order(), read(reader, opened, task)));
      }
    } finally {
      if (opened != null) {
        opened.close();
      }
    }
    return reads.iterator();
  }

  private static PageOutcome read(PageReader reader, Opened opened, PageCounter.PageTask task) {
    String name = task.input().input().name();
    if (opened.source == null) {
      int page = task.input().pages() > 1 ? task.page() : 0;
      return new PageOutcome(null, PageOutcome.failure(name, page, opened.error));
    }
    return PageOutcome.read(reader, name, opened.source, task.page());
  }

  /** The input being read, or why it cannot be opened again (changed since it was counted). */
  private record Opened(String path, PageSource source, Throwable error) {
    void close() {
      if (source != null) {
        source.close();
      }
    }
  }

  private Opened open(InputListing.Found input) {
    try {
      return new Opened(input.path(), files.open(input.path(), input.shown()), null);
    } catch (InputException | RuntimeException | OutOfMemoryError e) {
      return new Opened(input.path(), null, e);
    }
  }
}
