package org.digitocr.page;

import org.opencv.core.Mat;
import org.opencv.core.MatOfPoint2f;
import org.opencv.core.Point;
import org.opencv.core.Scalar;
import org.opencv.core.Size;
import org.opencv.imgproc.Imgproc;

/**
 * Warps the sheet found in a photo to a flat, upright page. The page keeps the proportions of the
 * sheet's longer opposite sides in photo pixels, so the nearer end keeps every pixel the camera
 * gave it. A sheet seen small is enlarged (bicubic) to about the size of a 250-300 dpi scan, the
 * size the later stages read best at (measured: on photos 1500-3000 pixels wide, enlarging and then
 * sharpening the flat page gained 3-4 points of digit accuracy); a huge one is scaled down.
 */
public final class PerspectiveFlattener {
  /** Longest side of a flattened page: an A4 sheet at 400 dpi. */
  public static final int MAX_SIDE = 4700;

  /** A sheet's longer side is enlarged to this: an A4 sheet at about 260 dpi. */
  public static final int MIN_SIDE = 3000;

  /** ...but by at most this factor, beyond which enlarging only costs time. */
  public static final double MAX_ENLARGEMENT = 2.5;

  /**
   * Share of each side trimmed away, so that a sliver of the background beyond a corner found a
   * pixel or two off does not show up on the page as a dark rule along its edge.
   */
  private static final double TRIM = 0.004;

  /** The flat page and the mapping from its pixels back to the photo's. */
  public record FlattenedPage(Mat page, Homography toPhoto) {}

  public FlattenedPage flatten(Mat photo, SheetOutline sheet) {
    double longSide = Math.max(sheet.width(), sheet.height());
    double scale =
        longSide > MAX_SIDE
            ? MAX_SIDE / longSide
            : Math.max(1.0, Math.min(MAX_ENLARGEMENT, MIN_SIDE / longSide));
    int width = Math.max(1, (int) Math.round(sheet.width() * scale));
    int height = Math.max(1, (int) Math.round(sheet.height() * scale));
    double trimX = TRIM * width;
    double trimY = TRIM * height;
    MatOfPoint2f onPage =
        new MatOfPoint2f(
            new Point(-trimX, -trimY),
            new Point(width - 1 + trimX, -trimY),
            new Point(width - 1 + trimX, height - 1 + trimY),
            new Point(-trimX, height - 1 + trimY));
    MatOfPoint2f inPhoto = new MatOfPoint2f(sheet.corners().toArray(new Point[0]));
    Mat toPage = Imgproc.getPerspectiveTransform(inPhoto, onPage);
    Mat page = new Mat();
    // beyond the frame (a corner outside the photo) the page continues as blank paper
    Imgproc.warpPerspective(
        photo,
        page,
        toPage,
        new Size(width, height),
        Imgproc.INTER_CUBIC,
        org.opencv.core.Core.BORDER_CONSTANT,
        Scalar.all(255));
    Mat toPhoto = Imgproc.getPerspectiveTransform(onPage, inPhoto);
    return new FlattenedPage(page, new Homography(toPhoto));
  }
}
