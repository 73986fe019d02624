package org.digitocr.page;

import java.io.Serializable;

/**
 * How inputs are decoded.
 *
 * @param dpi resolution PDF pages are rendered at
 * @param maxPixels largest page (width x height) decoded at all; checked from the file's header
 *     before any pixel is decoded, so a decompression bomb is refused cheaply
 */
public record LoadOptions(int dpi, long maxPixels) implements Serializable {
  public static final int DEFAULT_DPI = 300;

  /** 140 megapixels: an A4 page at 1200 dpi, or a 108 MP phone photo with room to spare. */
  public static final long DEFAULT_MAX_PIXELS = 140_000_000L;

  public static final LoadOptions DEFAULT = new LoadOptions(DEFAULT_DPI, DEFAULT_MAX_PIXELS);

  public LoadOptions {
    if (dpi < 10 || dpi > 2400) {
      throw new IllegalArgumentException("dpi must be between 10 and 2400, got " + dpi);
    }
    if (maxPixels <= 0) {
      throw new IllegalArgumentException("maxPixels must be positive, got " + maxPixels);
    }
  }

  public LoadOptions withDpi(int newDpi) {
    return new LoadOptions(newDpi, maxPixels);
  }
}
