package org.digitocr.batch;

import java.nio.file.Path;

/**
 * One file to read: where it is, and the name it goes by in the outputs ({@code /}-separated,
 * relative to the INPUT argument it was found under; the file name itself for a file argument).
 *
 * @param rejection why the file cannot be read at all (a dangling link, a FIFO, a missing path),
 *     found while walking; null for a file worth opening
 */
public record Input(Path file, String name, String rejection) {
  public static Input of(Path file, String name) {
    return new Input(file, name, null);
  }

  public static Input rejected(Path file, String name, String reason) {
    return new Input(file, name, reason);
  }

  public boolean isRejected() {
    return rejection != null;
  }
}
