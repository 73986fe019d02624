package org.digitocr.page;

import java.nio.ByteBuffer;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

/** {@link java.util.zip.Inflater}: the zlib every JDK has. */
final class JavaZlib implements ZlibInflater {
  static final JavaZlib INSTANCE = new JavaZlib();

  private JavaZlib() {}

  @Override
  public boolean inflate(ByteBuffer zlib, byte[] out, int length) {
    Inflater inflater = new Inflater();
    try {
      inflater.setInput(zlib);
      int room = length + 1;
      int written = 0;
      while (written < room
          && !inflater.finished()
          && !inflater.needsInput()
          && !inflater.needsDictionary()) {
        written += inflater.inflate(out, written, room - written);
      }
      return inflater.finished() && written == length;
    } catch (DataFormatException e) {
      return false;
    } finally {
      inflater.end();
    }
  }

  @Override
  public String toString() {
    return "Java's zlib";
  }
}
