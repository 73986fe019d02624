package org.digitocr.pipeline;

/** Why an input could not be read; each kind carries the reason shown to the user. */
public enum ErrorKind {
  NOT_FOUND("no such file"),
  UNREADABLE("cannot be read"),
  EMPTY("is empty"),
  TRUNCATED("is truncated"),
  NOT_AN_IMAGE("is not an image or PDF"),
  UNSUPPORTED("uses an unsupported image format"),
  ENCRYPTED_PDF("is an encrypted PDF"),
  BROKEN_PDF("is a broken PDF"),
  TOO_LARGE("is too large"),
  NO_INK("has no ink"),
  NO_DIGITS("has no digits");

  private final String reason;

  ErrorKind(String reason) {
    this.reason = reason;
  }

  public String reason() {
    return reason;
  }
}
