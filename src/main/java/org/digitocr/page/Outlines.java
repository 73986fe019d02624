package org.digitocr.page;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.ArrayList;
import java.util.List;
import org.digitocr.layout.Box;
import org.opencv.core.Mat;
import org.opencv.core.MatOfPoint;
import org.opencv.imgproc.Imgproc;

/**
 * The outlines OpenCV's {@code findContours} traces in a binary image ({@code
 * CHAIN_APPROX_SIMPLE}), as arrays of points.
 *
 * <p>Java's {@code Imgproc.findContours} wraps every outline in two Java Mats, each a native header
 * and a finalizer: a page's ~2,200 outlines were 38% of the ~11,700 Mats a page made, and the
 * finalizers, reference processing and collections of all its Mats took ~10% of {@code scan}'s CPU.
 * Here the points are copied straight out of the native outlines, which are then deleted: the same
 * native call and conversion as {@code Imgproc.findContours}, through OpenCV's own (private) JNI
 * entry points. Where those are missing (another OpenCV build), the public call serves.
 *
 * @param points each outline's points as x, y pairs
 * @param hierarchy four links per outline, as OpenCV's hierarchy: next, previous, first child,
 *     parent (-1 for none)
 */
public record Outlines(List<int[]> points, int[] hierarchy) {
  private static final JniCalls JNI = JniCalls.lookUp();

  /**
   * Each thread's two Mats for the native call's results, emptied after each call: two Java Mats
   * (and finalizers) fewer a call, 500 a bench page.
   */
  private static final ThreadLocal<Mat[]> RESULTS =
      ThreadLocal.withInitial(() -> new Mat[] {new Mat(), new Mat()});

  /**
   * @param binary 8-bit, any non-zero pixel is ink; not changed
   * @param mode OpenCV's retrieval mode, e.g. {@code Imgproc.RETR_CCOMP}
   */
  public static Outlines of(Mat binary, int mode) {
    return JNI == null ? viaJavaMats(binary, mode) : JNI.find(binary, mode);
  }

  /** How many outlines were found. */
  public int count() {
    return points.size();
  }

  /** Whether outline {@code i} has no parent: an outer outline, not a hole's. */
  public boolean outer(int i) {
    return hierarchy[4 * i + 3] < 0;
  }

  /** The box of outline {@code i}'s points, as {@code Imgproc.boundingRect} gives it. */
  public Box box(int i) {
    int[] xy = points.get(i);
    int left = Integer.MAX_VALUE;
    int top = Integer.MAX_VALUE;
    int right = Integer.MIN_VALUE;
    int bottom = Integer.MIN_VALUE;
    for (int p = 0; p < xy.length; p += 2) {
      left = Math.min(left, xy[p]);
      right = Math.max(right, xy[p]);
      top = Math.min(top, xy[p + 1]);
      bottom = Math.max(bottom, xy[p + 1]);
    }
    return new Box(left, top, right - left + 1, bottom - top + 1);
  }

  /** The public call: a Java Mat for every outline. */
  static Outlines viaJavaMats(Mat binary, int mode) {
    List<MatOfPoint> found = new ArrayList<>();
    Mat links = new Mat();
    Imgproc.findContours(binary, found, links, mode, Imgproc.CHAIN_APPROX_SIMPLE);
    List<int[]> points = new ArrayList<>(found.size());
    for (MatOfPoint outline : found) {
      int[] xy = new int[2 * (int) outline.total()];
      if (xy.length > 0) {
        outline.get(0, 0, xy);
      }
      outline.release();
      points.add(xy);
    }
    Outlines outlines = new Outlines(points, ints(links));
    links.release();
    return outlines;
  }

  private static int[] ints(Mat mat) {
    int[] ints = new int[(int) mat.total() * mat.channels()];
    if (ints.length > 0) {
      mat.get(0, 0, ints);
    }
    return ints;
  }

  /** Whether the outlines are read without Java Mats (OpenCV's private entry points were found). */
  static boolean direct() {
    return JNI != null;
  }

  /**
   * OpenCV's JNI functions behind {@code Imgproc.findContours}. Its native half returns the
   * outlines as a column of addresses (high and low 32 bits) of heap-allocated {@code cv::Mat}s of
   * points, which the Java Mats wrapping them delete in their finalizers; here they are deleted as
   * soon as their points are copied.
   */
  private record JniCalls(
      MethodHandle findContours, MethodHandle total, MethodHandle getInts, MethodHandle delete) {

    static JniCalls lookUp() {
      try {
        MethodHandles.Lookup imgproc =
            MethodHandles.privateLookupIn(Imgproc.class, MethodHandles.lookup());
        MethodHandles.Lookup mat = MethodHandles.privateLookupIn(Mat.class, MethodHandles.lookup());
        return new JniCalls(
            imgproc.findStatic(
                Imgproc.class,
                "findContours_1",
                MethodType.methodType(
                    void.class, long.class, long.class, long.class, int.class, int.class)),
            mat.findStatic(Mat.class, "n_total", MethodType.methodType(long.class, long.class)),
            mat.findStatic(
                    Mat.class,
                    "nGetI",
                    MethodType.methodType(
                        int.class, long.class, int.class, int.class, int.class, int[].class))
                .asType(
                    MethodType.methodType(
                        void.class, long.class, int.class, int.class, int.class, int[].class)),
            mat.findStatic(Mat.class, "n_delete", MethodType.methodType(void.class, long.class)));
      } catch (ReflectiveOperationException | SecurityException e) {
        return null;
      }
    }

    Outlines find(Mat binary, int mode) {
      Mat[] results = RESULTS.get();
      Mat addresses = results[0];
      Mat links = results[1];
      try {
        findContours.invokeExact(
            binary.nativeObj,
            addresses.nativeObj,
            links.nativeObj,
            mode,
            Imgproc.CHAIN_APPROX_SIMPLE);
        int[] halves = ints(addresses);
        long[] outlines = new long[halves.length / 2];
        for (int i = 0; i < outlines.length; i++) {
          outlines[i] = (long) halves[2 * i] << 32 | halves[2 * i + 1] & 0xFFFFFFFFL;
        }
        try {
          List<int[]> points = new ArrayList<>(outlines.length);
          for (long outline : outlines) {
            int[] xy = new int[2 * (int) (long) total.invokeExact(outline)];
            if (xy.length > 0) {
              getInts.invokeExact(outline, 0, 0, xy.length, xy);
            }
            points.add(xy);
          }
          return new Outlines(points, ints(links));
        } finally {
          for (long outline : outlines) {
            delete.invokeExact(outline);
          }
        }
      } catch (RuntimeException | Error e) {
        throw e;
      } catch (Throwable e) {
        throw new IllegalStateException("OpenCV's findContours failed", e);
      } finally {
        addresses.release();
        links.release();
      }
    }
  }
}
