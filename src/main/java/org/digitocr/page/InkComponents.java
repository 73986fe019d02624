package org.digitocr.page;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.digitocr.layout.Box;
import org.opencv.core.Core;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.Point;
import org.opencv.core.Rect;
import org.opencv.core.Scalar;
import org.opencv.imgproc.Imgproc;

/**
 * The connected blobs of ink on a cleaned page (8-connected), without specks: blobs too small to be
 * any part of a digit are dropped here, once. Each blob keeps its own pixels (an image of its box),
 * from which crops are masked; the page is never labelled as a whole.
 */
public final class InkComponents {
  /**
   * A blob of ink: {@code label} numbers the blobs kept from 1 in the order OpenCV's labelling
   * gives them (by the first 2x2 block of the image, in rows, that holds any of their pixels).
   */
  public record Component(int label, Box box, int area) {}

  private final Mat ink;
  private final List<Component> components;
  private final List<Mat> pixels;
  private final int specks;

  private InkComponents(Mat ink, List<Component> components, List<Mat> pixels, int specks) {
    this.ink = ink;
    this.components = components;
    this.pixels = pixels;
    this.specks = specks;
  }

  /**
   * Finds the blobs from their outer outlines and takes each one's pixels by a flood fill within
   * its box: labelling the whole page wrote 16 MB of labels that were read only around the blobs (a
   * bench page's ink: 4.2 ms against 8.3, and more with two workers sharing the memory bus). A blob
   * whose box is smaller than {@code minArea} is a speck without counting its pixels.
   *
   * @param ink binary, 0 and 255; kept (not copied) until {@link #release}
   * @param minArea blobs with fewer pixels are specks
   */
  public static InkComponents find(Mat ink, int minArea) {
    List<Traced> blobs = traced(ink);
    List<Kept> kept = new ArrayList<>();
    for (Traced blob : blobs) {
      Box box = blob.box();
      if ((long) box.width() * box.height() < minArea) {
        continue;
      }
      Mat own = blob.pixels(ink);
      int area = Core.countNonZero(own);
      if (area < minArea) {
        own.release();
        continue;
      }
      kept.add(new Kept(box, area, own, firstBlock(blob, own)));
    }
    kept.sort(Comparator.comparingLong(Kept::firstBlock));
    List<Component> components = new ArrayList<>();
    List<Mat> pixels = new ArrayList<>();
    for (Kept blob : kept) {
      components.add(new Component(components.size() + 1, blob.box(), blob.area()));
      pixels.add(blob.pixels());
    }
    return new InkComponents(
        ink.submat(0, ink.rows(), 0, ink.cols()),
        List.copyOf(components),
        pixels,
        blobs.size() - kept.size());
  }

  private record Kept(Box box, int area, Mat pixels, long firstBlock) {}

  /**
   * Where OpenCV's labelling (by 2x2 blocks, in rows) first meets the blob, as one sortable number:
   * the block row of its top pixel, then the leftmost block of that row holding any of its pixels.
   * Blobs never share a block: any two ink pixels of one block touch.
   */
  private static long firstBlock(Traced blob, Mat own) {
    Box box = blob.box();
    int blockTop = box.y() / 2 * 2;
    // The block row's pixels of the blob: its top row, and the next one if it is in the block row.
    int rows = Math.min(blockTop + 2 - box.y(), box.height());
    byte[] top = new byte[rows * box.width()];
    own.get(0, 0, top);
    int left = box.width();
    for (int i = 0; i < top.length; i++) {
      if (top[i] != 0) {
        left = Math.min(left, i % box.width());
      }
    }
    return (long) (blockTop / 2) << 32 | (box.x() + left) / 2;
  }

  /**
   * A blob found by its outer outline alone, without labelling the image.
   *
   * @param x where its outline starts: a pixel of the blob
   * @param y where its outline starts
   * @param alone whether its box overlaps no other blob's box: then all the ink in its box is its
   *     own (any ink pixel belongs to a blob whose box holds it)
   */
  public record Traced(Box box, int x, int y, boolean alone) {
    /**
     * A binary (0/255) image of the blob's box showing its pixels alone: the ink connected to its
     * outline's start, which within its own box is the blob and nothing else.
     */
    public Mat pixels(Mat ink) {
      // A copy, not a view: filters near a view's edges read what lies around it.
      Mat area = ink.submat(rect(box));
      Mat pixels = area.clone();
      if (!alone) {
        // The blob is cleared from the copy by a fill, and the box's ink less what is left is the
        // blob alone (fewer Mats, each a native header and a finalizer, than filling a mask).
        Mat work = new Mat(); // OpenCV's fill allocates its own mask in it
        Imgproc.floodFill(
            pixels,
            work,
            new Point(x - box.x(), y - box.y()),
            Scalar.all(0),
            new Rect(),
            Scalar.all(0),
            Scalar.all(0),
            8);
        work.release();
        Core.subtract(area, pixels, pixels);
      }
      area.release();
      return pixels;
    }
  }

  /**
   * The blobs (8-connected) from their outer outlines alone, in no particular order: where only
   * their boxes, or the pixels of some of them, are wanted, labelling the whole image costs more
   * (the lines found on a half-size A4 page: outlines 0.3 ms, labels 1.1 ms).
   */
  public static List<Traced> traced(Mat ink) {
    // Two levels: outer outlines, and the outlines of holes; a blob inside a hole is an outer one.
    Outlines outlines = Outlines.of(ink, Imgproc.RETR_CCOMP);
    List<Box> boxes = new ArrayList<>();
    List<int[]> starts = new ArrayList<>();
    for (int i = 0; i < outlines.count(); i++) {
      if (outlines.outer(i)) {
        boxes.add(outlines.box(i));
        starts.add(outlines.points().get(i));
      }
    }
    boolean[] overlapping = overlapping(boxes);
    List<Traced> blobs = new ArrayList<>(boxes.size());
    for (int i = 0; i < boxes.size(); i++) {
      int[] start = starts.get(i);
      blobs.add(new Traced(boxes.get(i), start[0], start[1], !overlapping[i]));
    }
    return blobs;
  }

  /**
   * Which boxes overlap another: most blobs of a page (digits, specks) have their box to
   * themselves, and their pixels need no flood fill. Boxes in order of their left sides, each
   * compared with those starting before its right side.
   */
  private static boolean[] overlapping(List<Box> boxes) {
    long[] byLeft = new long[boxes.size()];
    for (int i = 0; i < byLeft.length; i++) {
      byLeft[i] = (long) boxes.get(i).x() << 32 | i;
    }
    Arrays.sort(byLeft);
    boolean[] overlapping = new boolean[byLeft.length];
    for (int a = 0; a < byLeft.length; a++) {
      int first = (int) byLeft[a];
      Box one = boxes.get(first);
      for (int b = a + 1; b < byLeft.length && byLeft[b] >>> 32 < one.right(); b++) {
        int second = (int) byLeft[b];
        Box other = boxes.get(second);
        if (other.y() < one.bottom() && one.y() < other.bottom()) {
          overlapping[first] = true;
          overlapping[second] = true;
        }
      }
    }
    return overlapping;
  }

  /**
   * The boxes of the blobs (8-connected), from their outer outlines alone: {@link #find}'s boxes,
   * in another order, without its flood fills or areas.
   */
  public static List<Box> boxes(Mat ink) {
    return traced(ink).stream().map(Traced::box).toList();
  }

  /** The OpenCV rectangle of a box, to address the pixels it covers. */
  public static Rect rect(Box box) {
    return new Rect(box.x(), box.y(), box.width(), box.height());
  }

  public List<Component> components() {
    return components;
  }

  /** How many specks were dropped. */
  public int specks() {
    return specks;
  }

  /**
   * A binary (0/255) image of {@code region} showing only the ink of the given components, so that
   * a neighbour reaching into the region is left out.
   */
  public Mat mask(Box region, List<Component> parts) {
    if (parts.size() == 1 && parts.get(0).box().equals(region)) {
      // A lone blob in its own box, as most digits are: a copy of its pixels, without the views.
      return pixels.get(parts.get(0).label() - 1).clone();
    }
    Mat mask = Mat.zeros(region.height(), region.width(), CvType.CV_8UC1);
    for (Component part : parts) {
      Box box = part.box();
      int left = Math.max(box.x(), region.x());
      int top = Math.max(box.y(), region.y());
      int right = Math.min(box.right(), region.right());
      int bottom = Math.min(box.bottom(), region.bottom());
      if (left >= right || top >= bottom) {
        continue;
      }
      Mat own =
          pixels
              .get(part.label() - 1)
              .submat(top - box.y(), bottom - box.y(), left - box.x(), right - box.x());
      Mat there =
          mask.submat(top - region.y(), bottom - region.y(), left - region.x(), right - region.x());
      Core.bitwise_or(there, own, there);
      there.release();
      own.release();
    }
    return mask;
  }

  /**
   * A binary (0/255) image of {@code region} showing the ink of every blob and speck except the
   * given components: what must be kept out of a crop of those components.
   */
  public Mat others(Box region, List<Component> parts) {
    Mat others = mask(region, parts);
    Mat area = ink.submat(rect(region));
    // The parts' own ink is within the region's ink: taken from it, it leaves the rest.
    Core.subtract(area, others, others);
    area.release();
    return others;
  }

  public void release() {
    ink.release();
    pixels.forEach(Mat::release);
  }
}
