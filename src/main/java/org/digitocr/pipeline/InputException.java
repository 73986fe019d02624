package org.digitocr.pipeline;

/**
 * An input that cannot be read. The message is one line naming the file and the reason, fit to show
 * the user as it is.
 */
public final class InputException extends Exception {
  private final String file;
  private final ErrorKind kind;

  public InputException(String file, ErrorKind kind) {
    this(file, kind, null, null);
  }

  /**
   * @param detail what exactly was wrong, appended in parentheses; may be null
   */
  public InputException(String file, ErrorKind kind, String detail) {
    this(file, kind, detail, null);
  }

  public InputException(String file, ErrorKind kind, String detail, Throwable cause) {
    super(message(file, kind, detail), cause);
    this.file = file;
    this.kind = kind;
  }

  public String file() {
    return file;
  }

  public ErrorKind kind() {
    return kind;
  }

  private static String message(String file, ErrorKind kind, String detail) {
    String text = file + ": " + kind.reason();
    if (detail != null && !detail.isBlank()) {
      text += " (" + detail.replaceAll("\\s+", " ").strip() + ")";
    }
    return text;
  }
}
