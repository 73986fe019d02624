package org.digitocr.page;

import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.Point;

/**
 * An 8-bit single-channel image copied into a Java array, for the many scattered sub-pixel reads of
 * edge tracing that would each be a JNI call on a Mat.
 */
final class Raster {
  private final byte[] pixels;
  private final int width;
  private final int height;

  Raster(Mat grey) {
    if (grey.type() != CvType.CV_8UC1) {
      throw new IllegalArgumentException("expected an 8-bit grey image, got " + grey);
    }
    Mat continuous = grey.isContinuous() ? grey : grey.clone();
    width = grey.cols();
    height = grey.rows();
    pixels = new byte[width * height];
    continuous.get(0, 0, pixels);
    if (continuous != grey) {
      continuous.release();
    }
  }

  boolean contains(Point p) {
    return p.x >= 0 && p.y >= 0 && p.x <= width - 1 && p.y <= height - 1;
  }

  /** Bilinear interpolation at {@code (x, y)}, which must lie inside the image. */
  double at(double x, double y) {
    int x0 = Math.min((int) x, width - 2);
    int y0 = Math.min((int) y, height - 2);
    double fx = x - x0;
    double fy = y - y0;
    int i = y0 * width + x0;
    double top = (pixels[i] & 0xff) * (1 - fx) + (pixels[i + 1] & 0xff) * fx;
    double bottom = (pixels[i + width] & 0xff) * (1 - fx) + (pixels[i + width + 1] & 0xff) * fx;
    return top * (1 - fy) + bottom * fy;
  }

  double at(Point p) {
    return at(p.x, p.y);
  }
}
