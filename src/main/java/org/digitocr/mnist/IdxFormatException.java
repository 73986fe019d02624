package org.digitocr.mnist;

import java.io.IOException;
import java.nio.file.Path;

/** An IDX file that is missing, truncated or not what it claims to be. */
public class IdxFormatException extends IOException {
  public IdxFormatException(Path file, String reason) {
    super(file + ": " + reason);
  }
}
