package org.digitocr.output;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.digitocr.pipeline.PageResult;

/**
 * One input's transcript: a line of text per line of digits, numbers separated by a space, {@code
 * ?} for uncertain digits; the pages of a multi-page input are separated by a form feed, as {@code
 * pdftotext} does.
 */
public final class Transcript {
  public static final char PAGE_BREAK = '\f';

  private Transcript() {}

  public static String of(List<PageResult> pages) {
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < pages.size(); i++) {
      if (i > 0) {
        text.append(PAGE_BREAK);
      }
      for (String line : pages.get(i).transcript()) {
        text.append(line).append('\n');
      }
    }
    return text.toString();
  }

  public static void write(Path file, List<PageResult> pages) throws IOException {
    AtomicFiles.writeString(file, of(pages));
  }
}
