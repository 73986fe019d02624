package org.digitocr.output;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.digitocr.pipeline.PageResult;

/**
 * The plain-text transcript of one input: one line of text per line of digits, groups separated by
 * spaces, {@code ?} for uncertain digits. Multi-page inputs get a {@code --- page N ---} line
 * before each page.
 */
public final class TranscriptWriter {
  private TranscriptWriter() {}

  public static String transcript(List<PageResult> pages) {
    StringBuilder text = new StringBuilder();
    boolean multiPage = pages.size() > 1 || (pages.size() == 1 && pages.get(0).page() > 1);
    for (PageResult page : pages) {
      if (multiPage) {
        text.append("--- page ").append(page.page()).append(" ---\n");
      }
      page.transcript().forEach(line -> text.append(line).append('\n'));
    }
    return text.toString();
  }

  public static void write(Path file, List<PageResult> pages) throws IOException {
    AtomicFiles.writeString(file, transcript(pages));
  }
}
