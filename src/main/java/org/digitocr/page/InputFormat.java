package org.digitocr.page;

import java.nio.charset.StandardCharsets;

/** The kinds of input recognised from their first bytes (file names can lie). */
enum InputFormat {
  PNG,
  JPEG,
  TIFF,
  BMP,
  PDF,
  /** A known image format this program does not read (GIF, WebP, ...). */
  OTHER_IMAGE,
  UNKNOWN;

  /** How far into the file a PDF header may start; the PDF spec tolerates leading junk. */
  private static final int PDF_HEADER_WINDOW = 1024;

  static InputFormat sniff(byte[] head) {
    if (startsWith(head, 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A)) {
      return PNG;
    }
    if (startsWith(head, 0xFF, 0xD8, 0xFF)) {
      return JPEG;
    }
    if (startsWith(head, 'I', 'I', 42, 0) || startsWith(head, 'M', 'M', 0, 42)) {
      return TIFF;
    }
    if (startsWith(head, 'B', 'M') && head.length >= 26) {
      return BMP;
    }
    String start =
        new String(head, 0, Math.min(head.length, PDF_HEADER_WINDOW), StandardCharsets.ISO_8859_1);
    if (start.contains("%PDF-")) {
      return PDF;
    }
    if (startsWith(head, 'G', 'I', 'F', '8')
        || (startsWith(head, 'R', 'I', 'F', 'F') && start.startsWith("WEBP", 8))
        || start.startsWith("ftypavif", 4)
        || start.startsWith("ftypheic", 4)) {
      return OTHER_IMAGE;
    }
    return UNKNOWN;
  }

  static int headerBytes() {
    return PDF_HEADER_WINDOW;
  }

  private static boolean startsWith(byte[] data, int... prefix) {
    if (data.length < prefix.length) {
      return false;
    }
    for (int i = 0; i < prefix.length; i++) {
      if ((data[i] & 0xFF) != prefix[i]) {
        return false;
      }
    }
    return true;
  }
}
