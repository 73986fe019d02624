package org.digitocr.spark;

import java.io.IOException;
import java.io.UncheckedIOException;
import org.apache.spark.broadcast.Broadcast;
import org.digitocr.model.DigitClassifier;
import org.digitocr.runtime.Natives;

/**
 * The classifier of this JVM (an executor, or the driver in local mode), loaded once from the
 * broadcast model bytes the first time a task needs it; tasks take a {@link DigitClassifier#copy()}
 * each, as they run in parallel threads.
 */
final class ExecutorModel {
  private static long loadedBroadcast = -1;
  private static DigitClassifier loaded;

  private ExecutorModel() {}

  /**
   * The natives this JVM needs to read pages; idempotent. Its tasks run side by side, one per core,
   * as {@code scan}'s workers do, and read each page's digits in one part as they do, so a page
   * reads the same as in {@code scan}.
   */
  static void prepareNatives() {
    Natives.loadOpenCv();
    Natives.configureNd4j();
    Natives.setBatchThreads(1);
  }

  /**
   * @param name where the model came from, for messages
   */
  static synchronized DigitClassifier classifier(Broadcast<ModelBytes> model, String name) {
    if (loaded == null || loadedBroadcast != model.id()) {
      prepareNatives();
      try {
        loaded = model.value().load(name);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      loadedBroadcast = model.id();
    }
    return loaded;
  }
}
