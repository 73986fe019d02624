package org.digitocr.page;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.opencv.core.Mat;
import org.opencv.core.Size;
import org.opencv.imgproc.Imgproc;

/**
 * Rectangular structuring elements, made once per size and shared: a page's line search, crops and
 * cuts asked for the same few hundred times, each a new Mat (a native header and a finalizer).
 * Morphology only reads its kernel, so one instance serves every thread. The sizes follow a page's
 * geometry (at most its side long), so the cache stays small.
 */
public final class Kernels {
  private static final Map<Long, Mat> RECTANGLES = new ConcurrentHashMap<>();

  private Kernels() {}

  /**
   * A rectangle of ones, {@code width} by {@code height}: shared, never to be written or released.
   */
  public static Mat rect(int width, int height) {
    return RECTANGLES.computeIfAbsent(
        (long) width << 32 | height,
        size -> Imgproc.getStructuringElement(Imgproc.MORPH_RECT, new Size(width, height)));
  }
}
