package org.digitocr.page;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.opencv.core.Core;
import org.opencv.core.Mat;
import org.opencv.core.MatOfInt;
import org.opencv.core.MatOfPoint;
import org.opencv.core.MatOfPoint2f;
import org.opencv.core.Point;
import org.opencv.core.Size;
import org.opencv.imgproc.Imgproc;

/**
 * Finds the sheet of paper in a photo: the large bright convex quadrilateral against a darker
 * background.
 *
 * <p>Candidates come from two views of a small copy with the handwriting wiped out: brightness
 * thresholds (the sheet as a bright blob) and edges (its outline). A blob's convex hull bridges
 * notches where something covers part of an edge; when a corner is hidden or outside the frame the
 * hull has more than four sides, and the four longest are extended to meet. Each candidate is
 * scored by the share of its outline along which the inside is clearly brighter than the outside,
 * which also keeps printed boxes on the page (white on both sides) from passing for the sheet. The
 * winner's edges are then traced again at full resolution and fitted with robust lines, so the
 * corners land within a pixel or two of the true ones.
 */
public final class PaperFinder {
  /** Confidence from which {@code --page-detect auto} trusts a sheet. */
  public static final double CONFIDENT = 0.6;

  private static final int MIN_SIDE = 32;
  private static final double MIN_AREA_SHARE = 0.12;
  private static final double MIN_CORNER_DEGREES = 35;
  private static final double SIDE_BEND_DEGREES = 12;
  private static final double MIN_EDGE_CONTRAST = 18;
  private static final int SAMPLES_PER_SIDE = 40;
  private static final double SIDE_END_MARGIN = 0.08;
  private static final double PROFILE_SPREAD = 1.5;

  /** The most plausible sheet outline, however unsure (see its confidence), if any. */
  public Optional<SheetOutline> find(Mat image) {
    Mat whiteness = whiteness(image);
    return find(whiteness, Thumbnail.of(whiteness));
  }

  /**
   * @param grey the photo in grey (for colour photos, {@link #whiteness} serves best)
   * @param thumbnail its {@link Thumbnail}
   */
  Optional<SheetOutline> find(Mat grey, Mat thumbnail) {
    if (Math.min(grey.cols(), grey.rows()) < MIN_SIDE) {
      return Optional.empty();
    }
    double scale = (double) thumbnail.cols() / grey.cols();
    Mat tone = inkWiped(thumbnail);
    Raster toneRaster = new Raster(tone);
    double probe = Math.max(3, 0.01 * Math.max(tone.cols(), tone.rows()));

    double minArea = MIN_AREA_SHARE * tone.total();
    List<Candidate> candidates = new ArrayList<>();
    for (MatOfPoint blob : blobOutlines(tone)) {
      quadrilateralAround(blob, minArea)
          .ifPresent(
              corners ->
                  candidates.add(new Candidate(corners, edgeSupport(toneRaster, corners, probe))));
      blob.release();
    }
    tone.release();
    Optional<Candidate> best = mostPlausible(candidates);
    if (best.isEmpty()) {
      return Optional.empty();
    }

    Point[] corners = scaled(best.get().corners(), 1 / scale);
    Point[] refined = refined(new Raster(grey), corners, Math.max(4, 3 / scale));
    return Optional.of(outline(refined, best.get().support()));
  }

  private record Candidate(Point[] corners, double support) {
    double area() {
      return Imgproc.contourArea(new MatOfPoint2f(corners));
    }
  }

  /**
   * Among candidates nearly as well supported as the best one, the largest: the paper rather than a
   * bright patch on it.
   */
  private static Optional<Candidate> mostPlausible(List<Candidate> candidates) {
    double bestSupport = candidates.stream().mapToDouble(Candidate::support).max().orElse(0);
    return candidates.stream()
        .filter(c -> c.support() > 0 && c.support() >= 0.85 * bestSupport)
        .max(Comparator.comparingDouble(Candidate::area));
  }

  /**
   * Per pixel the darkest of the colour channels: white paper stays bright, a coloured table or
   * floor does not, so the sheet stands out more than in plain luminance.
   */
  static Mat whiteness(Mat image) {
    if (image.channels() == 1) {
      return image;
    }
    List<Mat> channels = new ArrayList<>();
    Core.split(image, channels);
    Mat darkest = channels.get(0).clone();
    for (int c = 1; c < Math.min(3, channels.size()); c++) {
      Core.min(darkest, channels.get(c), darkest);
    }
    channels.forEach(Mat::release);
    return darkest;
  }

  /** Closing removes thin dark strokes (writing, printed lines), the blur the JPEG noise. */
  private static Mat inkWiped(Mat small) {
    Mat tone = new Mat();
    Imgproc.morphologyEx(
        small,
        tone,
        Imgproc.MORPH_CLOSE,
        Imgproc.getStructuringElement(Imgproc.MORPH_ELLIPSE, new Size(9, 9)));
    Imgproc.GaussianBlur(tone, tone, new Size(5, 5), 0);
    return tone;
  }

  /**
   * Outlines of bright blobs at a few thresholds around Otsu's (an illumination gradient can put
   * the dim end of the sheet below Otsu's threshold) and of closed edge chains.
   */
  private static List<MatOfPoint> blobOutlines(Mat tone) {
    List<MatOfPoint> outlines = new ArrayList<>();
    Mat mask = new Mat();
    Mat hierarchy = new Mat();
    double otsu =
        Imgproc.threshold(tone, mask, 0, 255, Imgproc.THRESH_BINARY | Imgproc.THRESH_OTSU);
    Mat opening = Imgproc.getStructuringElement(Imgproc.MORPH_ELLIPSE, new Size(5, 5));
    for (double level : new double[] {otsu, 0.75 * otsu, otsu + 0.3 * (255 - otsu)}) {
      Imgproc.threshold(tone, mask, level, 255, Imgproc.THRESH_BINARY);
      // cuts thin bright bridges that would join the sheet to a bright object beside it
      Imgproc.morphologyEx(mask, mask, Imgproc.MORPH_OPEN, opening);
      Imgproc.findContours(
          mask, outlines, hierarchy, Imgproc.RETR_EXTERNAL, Imgproc.CHAIN_APPROX_SIMPLE);
    }
    mask.release();
    Mat edges = new Mat();
    Imgproc.Canny(tone, edges, 20, 50);
    Imgproc.dilate(edges, edges, Kernels.rect(3, 3));
    Imgproc.findContours(
        edges, outlines, hierarchy, Imgproc.RETR_LIST, Imgproc.CHAIN_APPROX_SIMPLE);
    edges.release();
    hierarchy.release();
    return outlines;
  }

  /** The blob's convex hull reduced to four corners, if it is large and quadrilateral. */
  private static Optional<Point[]> quadrilateralAround(MatOfPoint blob, double minArea) {
    if (Imgproc.contourArea(blob) < minArea) {
      return Optional.empty();
    }
    MatOfInt hullIndices = new MatOfInt();
    Imgproc.convexHull(blob, hullIndices);
    Point[] blobPoints = blob.toArray();
    int[] indices = hullIndices.toArray();
    Point[] hull = new Point[indices.length];
    for (int i = 0; i < indices.length; i++) {
      hull[i] = blobPoints[indices[i]];
    }
    MatOfPoint2f hull2f = new MatOfPoint2f(hull);
    MatOfPoint2f polygon = new MatOfPoint2f();
    double tolerance = Math.max(1.5, 0.005 * Imgproc.arcLength(hull2f, true));
    Imgproc.approxPolyDP(hull2f, polygon, tolerance, true);
    Point[] corners = cornersOfLongestSides(polygon.toArray());
    return plausibleQuadrilateral(corners, minArea)
        ? Optional.of(clockwise(corners))
        : Optional.empty();
  }

  /**
   * Groups the edges of a convex polygon into straight sides (consecutive edges within {@link
   * #SIDE_BEND_DEGREES} of the side's direction so far), then extends the four longest sides, kept
   * in order, until they meet. Short sides left out are corners cut off by an obstruction or the
   * frame.
   */
  private static Point[] cornersOfLongestSides(Point[] polygon) {
    int n = polygon.length;
    if (n < 4) {
      return new Point[0];
    }
    // start at the sharpest turn, so that no side is split across the polygon's first vertex
    int start = 0;
    double sharpest = -1;
    for (int i = 0; i < n; i++) {
      double turn = turnDegrees(polygon[(i + n - 1) % n], polygon[i], polygon[(i + 1) % n]);
      if (turn > sharpest) {
        sharpest = turn;
        start = i;
      }
    }
    List<Point[]> sides = new ArrayList<>();
    Point sideStart = polygon[start];
    Point sideEnd = polygon[(start + 1) % n];
    for (int k = 1; k < n; k++) {
      Point next = polygon[(start + k + 1) % n];
      if (turnDegrees(sideStart, sideEnd, next) <= SIDE_BEND_DEGREES) {
        sideEnd = next;
      } else {
        sides.add(new Point[] {sideStart, sideEnd});
        sideStart = sideEnd;
        sideEnd = next;
      }
    }
    sides.add(new Point[] {sideStart, sideEnd});
    if (sides.size() < 4) {
      return new Point[0];
    }
    List<Integer> longest = new ArrayList<>();
    for (int i = 0; i < sides.size(); i++) {
      longest.add(i);
    }
    longest.sort(
        Comparator.comparingDouble(
            (Integer i) -> -SheetOutline.distance(sides.get(i)[0], sides.get(i)[1])));
    List<Integer> kept = new ArrayList<>(longest.subList(0, 4));
    kept.sort(null);
    Point[] corners = new Point[4];
    for (int k = 0; k < 4; k++) {
      Point[] a = sides.get(kept.get(k));
      Point[] b = sides.get(kept.get((k + 1) % 4));
      corners[k] = intersection(Line.through(a[0], a[1]), Line.through(b[0], b[1]));
      if (corners[k] == null) {
        return new Point[0];
      }
    }
    return corners;
  }

  /** How far the direction turns at {@code corner}, from a→corner to corner→b, in degrees. */
  private static double turnDegrees(Point a, Point corner, Point b) {
    double turn =
        Math.toDegrees(
            Math.abs(
                Math.atan2(b.y - corner.y, b.x - corner.x)
                    - Math.atan2(corner.y - a.y, corner.x - a.x)));
    return turn > 180 ? 360 - turn : turn;
  }

  private static boolean plausibleQuadrilateral(Point[] corners, double minArea) {
    if (corners.length != 4) {
      return false;
    }
    MatOfPoint2f polygon = new MatOfPoint2f(corners);
    if (!Imgproc.isContourConvex(new MatOfPoint(polygon.toArray()))
        || Imgproc.contourArea(polygon) < minArea) {
      return false;
    }
    for (int i = 0; i < 4; i++) {
      Point previous = corners[(i + 3) % 4];
      Point corner = corners[i];
      Point next = corners[(i + 1) % 4];
      double angle =
          Math.toDegrees(
              Math.abs(
                  Math.atan2(previous.y - corner.y, previous.x - corner.x)
                      - Math.atan2(next.y - corner.y, next.x - corner.x)));
      angle = angle > 180 ? 360 - angle : angle;
      if (angle < MIN_CORNER_DEGREES || angle > 180 - MIN_CORNER_DEGREES) {
        return false;
      }
    }
    return true;
  }

  /**
   * Clockwise on screen (y down), starting with the corner whose next side is the most nearly
   * horizontal and points right: the sheet's top-left as it lies in the photo.
   */
  private static Point[] clockwise(Point[] corners) {
    double signedArea = 0;
    for (int i = 0; i < 4; i++) {
      Point a = corners[i];
      Point b = corners[(i + 1) % 4];
      signedArea += a.x * b.y - b.x * a.y;
    }
    Point[] ordered = corners.clone();
    if (signedArea < 0) {
      java.util.Collections.reverse(java.util.Arrays.asList(ordered));
    }
    int start = 0;
    double smallestTurn = Double.MAX_VALUE;
    for (int i = 0; i < 4; i++) {
      Point a = ordered[i];
      Point b = ordered[(i + 1) % 4];
      double turn = Math.abs(Math.atan2(b.y - a.y, b.x - a.x));
      if (turn < smallestTurn) {
        smallestTurn = turn;
        start = i;
      }
    }
    Point[] rotated = new Point[4];
    for (int i = 0; i < 4; i++) {
      rotated[i] = ordered[(start + i) % 4];
    }
    return rotated;
  }

  /**
   * Samples each side away from the corners and checks that the inside is brighter than the outside
   * by a clear margin {@code probe} pixels either side of it.
   */
  private static double edgeSupport(Raster tone, Point[] corners, double probe) {
    int supported = 0;
    for (int side = 0; side < 4; side++) {
      Point a = corners[side];
      Point b = corners[(side + 1) % 4];
      Point outward = outwardNormal(a, b);
      for (Point p : samplesAlong(a, b)) {
        Point inside = new Point(p.x - probe * outward.x, p.y - probe * outward.y);
        Point outside = new Point(p.x + probe * outward.x, p.y + probe * outward.y);
        if (tone.contains(inside)
            && tone.contains(outside)
            && tone.at(inside) - tone.at(outside) >= MIN_EDGE_CONTRAST) {
          supported++;
        }
      }
    }
    return (double) supported / (4 * SAMPLES_PER_SIDE);
  }

  private static List<Point> samplesAlong(Point a, Point b) {
    List<Point> samples = new ArrayList<>(SAMPLES_PER_SIDE);
    for (int i = 0; i < SAMPLES_PER_SIDE; i++) {
      double t = SIDE_END_MARGIN + (1 - 2 * SIDE_END_MARGIN) * i / (SAMPLES_PER_SIDE - 1);
      samples.add(new Point(a.x + t * (b.x - a.x), a.y + t * (b.y - a.y)));
    }
    return samples;
  }

  /** Unit normal of side a→b pointing out of a clockwise (y down) quadrilateral. */
  private static Point outwardNormal(Point a, Point b) {
    double length = SheetOutline.distance(a, b);
    return new Point((b.y - a.y) / length, -(b.x - a.x) / length);
  }

  /**
   * Traces each side at full resolution: along its normal, where the brightness falls fastest, then
   * fits a line robust to stray points (a finger, a shadow). A side with too few clear edge points
   * keeps its coarse position.
   */
  private static Point[] refined(Raster photo, Point[] coarse, double searchRadius) {
    Line[] sides = new Line[4];
    for (int side = 0; side < 4; side++) {
      Point a = coarse[side];
      Point b = coarse[(side + 1) % 4];
      Point outward = outwardNormal(a, b);
      List<Point> edgePoints = new ArrayList<>();
      for (Point p : samplesAlong(a, b)) {
        steepestFall(photo, p, outward, searchRadius).ifPresent(edgePoints::add);
      }
      sides[side] =
          edgePoints.size() >= SAMPLES_PER_SIDE / 4 ? Line.fitted(edgePoints) : Line.through(a, b);
    }
    Point[] corners = new Point[4];
    for (int i = 0; i < 4; i++) {
      corners[i] = intersection(sides[(i + 3) % 4], sides[i]);
      if (corners[i] == null) {
        return coarse;
      }
    }
    return corners;
  }

  /**
   * Where along the normal through {@code p} the brightness falls fastest going out, measured
   * across a few pixels and averaged over three neighbouring profiles, which smooths out JPEG noise
   * without blurring the whole photo.
   */
  private static Optional<Point> steepestFall(
      Raster photo, Point p, Point outward, double searchRadius) {
    Point along = new Point(-outward.y, outward.x);
    double bestFall = MIN_EDGE_CONTRAST / 4;
    Point best = null;
    for (double s = -searchRadius; s <= searchRadius; s += 0.5) {
      double fall = 0;
      for (double t = -PROFILE_SPREAD; t <= PROFILE_SPREAD; t += PROFILE_SPREAD) {
        Point before = offset(p, outward, s - PROFILE_SPREAD, along, t);
        Point after = offset(p, outward, s + PROFILE_SPREAD, along, t);
        if (!photo.contains(before) || !photo.contains(after)) {
          fall = Double.NEGATIVE_INFINITY;
          break;
        }
        fall += (photo.at(before) - photo.at(after)) / 3;
      }
      if (fall > bestFall) {
        bestFall = fall;
        best = offset(p, outward, s, along, 0);
      }
    }
    return Optional.ofNullable(best);
  }

  private static Point offset(Point p, Point normal, double s, Point tangent, double t) {
    return new Point(p.x + s * normal.x + t * tangent.x, p.y + s * normal.y + t * tangent.y);
  }

  /** A line {@code a x + b y + c = 0}. */
  private record Line(double a, double b, double c) {
    static Line through(Point p, Point q) {
      return new Line(p.y - q.y, q.x - p.x, p.x * q.y - q.x * p.y);
    }

    static Line fitted(List<Point> points) {
      Mat fit = new Mat();
      Imgproc.fitLine(
          new MatOfPoint2f(points.toArray(new Point[0])), fit, Imgproc.DIST_HUBER, 0, 0.01, 0.01);
      double vx = fit.get(0, 0)[0];
      double vy = fit.get(1, 0)[0];
      double x0 = fit.get(2, 0)[0];
      double y0 = fit.get(3, 0)[0];
      return new Line(vy, -vx, vx * y0 - vy * x0);
    }
  }

  private static Point intersection(Line l, Line m) {
    double w = l.a() * m.b() - m.a() * l.b();
    if (Math.abs(w) < 1e-9) {
      return null;
    }
    return new Point((l.b() * m.c() - m.b() * l.c()) / w, (m.a() * l.c() - l.a() * m.c()) / w);
  }

  private static Point[] scaled(Point[] corners, double factor) {
    Point[] scaled = new Point[corners.length];
    for (int i = 0; i < corners.length; i++) {
      // pixel centres: small pixel i covers full-resolution pixels i/scale .. (i+1)/scale
      scaled[i] =
          new Point((corners[i].x + 0.5) * factor - 0.5, (corners[i].y + 0.5) * factor - 0.5);
    }
    return scaled;
  }

  private static SheetOutline outline(Point[] corners, double confidence) {
    return new SheetOutline(corners[0], corners[1], corners[2], corners[3], confidence);
  }
}
