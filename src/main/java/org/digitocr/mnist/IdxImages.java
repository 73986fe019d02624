package org.digitocr.mnist;

/** A stack of grey images as read from an IDX file: 0 = background, 255 = ink. */
public record IdxImages(int count, int rows, int cols, byte[] pixels) {
  public int pixelsPerImage() {
    return rows * cols;
  }
}
