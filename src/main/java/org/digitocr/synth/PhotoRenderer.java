package org.digitocr.synth;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.UnaryOperator;
import org.digitocr.layout.Box;
import org.digitocr.page.Homography;
import org.digitocr.page.SheetOutline;
import org.opencv.core.Core;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.MatOfByte;
import org.opencv.core.MatOfInt;
import org.opencv.core.MatOfPoint2f;
import org.opencv.core.Point;
import org.opencv.core.Scalar;
import org.opencv.core.Size;
import org.opencv.imgcodecs.Imgcodecs;
import org.opencv.imgproc.Imgproc;

/**
 * Renders a generated page as a phone would photograph it lying on a table: seen at an angle (each
 * corner moved by up to {@link #MAX_CORNER_SHIFT} of the sheet's size), on a darker, uneven
 * background, under light that falls off across the picture and towards its corners, slightly out
 * of focus, with sensor noise, saved as a JPEG of quality 60–85, 1500–3000 pixels wide. The mapping
 * from page to photo pixels comes with it, to carry the page's ground truth over.
 */
public final class PhotoRenderer {
  public static final double MAX_CORNER_SHIFT = 0.08;
  public static final int MIN_WIDTH = 1500;
  public static final int MAX_WIDTH = 3000;
  private static final double LIGHT_GRID = 16;

  /**
   * A rendered photo. {@code jpeg} is the file as a phone would write it (possibly stored turned,
   * with an EXIF orientation tag); {@code photo} is that file decoded, which turns it upright: the
   * frame that {@code pageToPhoto} maps into.
   */
  public record RenderedPhoto(
      byte[] jpeg, Mat photo, Homography pageToPhoto, Point[] sheetCorners) {}

  /**
   * A generated page photographed: the JPEG file, and the page as the reader should see it — the
   * decoded photo, with every ground-truth box moved to where it lies in the photo (the smallest
   * upright box around it, as the reader reports boxes).
   */
  public record PhotographedPage(byte[] jpeg, SyntheticPage photo) {}

  private final ExifOrientation storedAs;

  /** Photos written upright, with no orientation tag. */
  public PhotoRenderer() {
    this(ExifOrientation.NORMAL);
  }

  /** Photos stored turned and tagged, as phones held in a given way write them. */
  public PhotoRenderer(ExifOrientation storedAs) {
    this.storedAs = storedAs;
  }

  public PhotographedPage photograph(SyntheticPage page, Random random) {
    RenderedPhoto rendered = render(page.image(), random);
    UnaryOperator<Box> toPhoto = rendered.pageToPhoto()::toOriginal;
    List<TruthLine> lines = new ArrayList<>();
    for (TruthLine line : page.lines()) {
      List<List<TruthDigit>> groups = new ArrayList<>();
      for (List<TruthDigit> group : line.groups()) {
        groups.add(
            group.stream()
                .map(d -> new TruthDigit(d.digit(), d.mnistIndex(), toPhoto.apply(d.box())))
                .toList());
      }
      lines.add(new TruthLine(groups, toPhoto.apply(line.box())));
    }
    return new PhotographedPage(rendered.jpeg(), new SyntheticPage(rendered.photo(), lines));
  }

  public RenderedPhoto render(Mat page, Random random) {
    int width = MIN_WIDTH + random.nextInt(MAX_WIDTH - MIN_WIDTH + 1);
    boolean portrait = page.rows() >= page.cols();
    int height = portrait ? width * 4 / 3 : width * 3 / 4;
    Size frame = new Size(width, height);

    Point[] sheetCorners = sheetCorners(page.size(), frame, random);
    Mat pageToPhoto = cornersTo(page.size(), sheetCorners);
    // shrink first with area averaging: a perspective warp that shrinks a lot would drop strokes
    SheetOutline outline =
        new SheetOutline(sheetCorners[0], sheetCorners[1], sheetCorners[2], sheetCorners[3], 1);
    double shrink =
        Math.min(1.0, Math.max(outline.width() / page.cols(), outline.height() / page.rows()));
    Mat sheet = new Mat();
    Imgproc.resize(paper(page, random), sheet, new Size(), shrink, shrink, Imgproc.INTER_AREA);

    Mat photo = background(frame, random);
    Imgproc.warpPerspective(
        sheet,
        photo,
        cornersTo(sheet.size(), sheetCorners),
        frame,
        Imgproc.INTER_LINEAR,
        Core.BORDER_TRANSPARENT);
    Core.multiply(photo, light(frame, random), photo);
    double blur = 0.5 + 0.7 * random.nextDouble();
    Imgproc.GaussianBlur(photo, photo, new Size(0, 0), blur);
    Mat noise = new Mat(frame, CvType.CV_32FC3);
    randn(noise, 2 + 2 * random.nextDouble(), random);
    Core.add(photo, noise, photo);
    Mat photo8 = new Mat();
    photo.convertTo(photo8, CvType.CV_8UC3);

    int quality = 60 + random.nextInt(26);
    byte[] jpeg = encodeJpeg(storedAs.stored(photo8), quality);
    if (storedAs != ExifOrientation.NORMAL) {
      jpeg = OrientedJpeg.withOrientation(jpeg, storedAs);
    }
    return new RenderedPhoto(
        jpeg,
        Imgcodecs.imdecode(new MatOfByte(jpeg), Imgcodecs.IMREAD_COLOR),
        new Homography(pageToPhoto),
        sheetCorners);
  }

  /**
   * The sheet centred, filling 65–82% of the frame's width or height, each corner then moved at
   * random by up to {@link #MAX_CORNER_SHIFT} of the sheet's width and height: that keeps the whole
   * sheet in the picture.
   */
  private static Point[] sheetCorners(Size page, Size frame, Random random) {
    double fill = 0.65 + 0.17 * random.nextDouble();
    double scale = fill * Math.min(frame.width / page.width, frame.height / page.height);
    double sheetWidth = scale * page.width;
    double sheetHeight = scale * page.height;
    double left = (frame.width - sheetWidth) / 2;
    double top = (frame.height - sheetHeight) / 2;
    Point[] corners = {
      new Point(left, top),
      new Point(left + sheetWidth, top),
      new Point(left + sheetWidth, top + sheetHeight),
      new Point(left, top + sheetHeight)
    };
    for (Point corner : corners) {
      corner.x += MAX_CORNER_SHIFT * sheetWidth * (2 * random.nextDouble() - 1);
      corner.y += MAX_CORNER_SHIFT * sheetHeight * (2 * random.nextDouble() - 1);
    }
    return corners;
  }

  private static Mat cornersTo(Size image, Point[] corners) {
    return Imgproc.getPerspectiveTransform(
        new MatOfPoint2f(
            new Point(0, 0),
            new Point(image.width, 0),
            new Point(image.width, image.height),
            new Point(0, image.height)),
        new MatOfPoint2f(corners));
  }

  /** The page as slightly off-white paper, in colour, as floats for the lighting arithmetic. */
  private static Mat paper(Mat page, Random random) {
    Mat colour = new Mat();
    if (page.channels() == 1) {
      Imgproc.cvtColor(page, colour, Imgproc.COLOR_GRAY2BGR);
    } else {
      colour = page;
    }
    Mat paper = new Mat();
    double warmth = 0.03 * random.nextDouble();
    colour.convertTo(paper, CvType.CV_32FC3);
    Core.multiply(paper, new Scalar(0.95 - warmth, 0.97, 0.98), paper);
    return paper;
  }

  /** A table or floor: a darker random colour, blotchy at large scale, grainy at small. */
  private static Mat background(Size frame, Random random) {
    Scalar base =
        new Scalar(
            30 + 70 * random.nextDouble(),
            40 + 70 * random.nextDouble(),
            50 + 80 * random.nextDouble());
    Mat ground = new Mat(frame, CvType.CV_32FC3, base);
    Mat blotches = smoothField(frame, 5, random);
    Core.multiply(ground, blotches, ground);
    Mat grain = new Mat(frame, CvType.CV_32FC3);
    randn(grain, 8, random);
    Imgproc.GaussianBlur(grain, grain, new Size(0, 0), 2);
    Core.add(ground, grain, ground);
    return ground;
  }

  /**
   * Light falling off linearly in a random direction, by 20–45% across the frame, times a vignette
   * darkening the corners by up to a fifth. Computed on a coarse grid and enlarged: it varies
   * slowly.
   */
  private static Mat light(Size frame, Random random) {
    double direction = 2 * Math.PI * random.nextDouble();
    double falloff = 0.2 + 0.25 * random.nextDouble();
    double dx = Math.cos(direction);
    double dy = Math.sin(direction);
    int columns = (int) Math.ceil(frame.width / LIGHT_GRID);
    int rows = (int) Math.ceil(frame.height / LIGHT_GRID);
    double halfDiagonal = Math.hypot(frame.width, frame.height) / 2;
    float[] gains = new float[columns * rows];
    for (int row = 0; row < rows; row++) {
      for (int column = 0; column < columns; column++) {
        double cx = (column + 0.5) * LIGHT_GRID - frame.width / 2;
        double cy = (row + 0.5) * LIGHT_GRID - frame.height / 2;
        double along = (cx * dx + cy * dy) / halfDiagonal; // -1 .. 1
        double radius = Math.hypot(cx, cy) / halfDiagonal;
        gains[row * columns + column] =
            (float) ((1 - falloff * (along + 1) / 2) * (1 - 0.2 * radius * radius));
      }
    }
    Mat coarse = new Mat(rows, columns, CvType.CV_32FC1);
    coarse.put(0, 0, gains);
    return enlargedToThreeChannels(coarse, frame);
  }

  /** Values around 1 (0.75–1.25) varying smoothly over about {@code cells} blotches a side. */
  private static Mat smoothField(Size frame, int cells, Random random) {
    Mat coarse = new Mat(cells, cells, CvType.CV_32FC1);
    float[] values = new float[cells * cells];
    for (int i = 0; i < values.length; i++) {
      values[i] = (float) (0.75 + 0.5 * random.nextDouble());
    }
    coarse.put(0, 0, values);
    return enlargedToThreeChannels(coarse, frame);
  }

  private static Mat enlargedToThreeChannels(Mat coarse, Size frame) {
    Mat field = new Mat();
    Imgproc.resize(coarse, field, frame, 0, 0, Imgproc.INTER_CUBIC);
    Mat field3 = new Mat();
    Core.merge(List.of(field, field, field), field3);
    return field3;
  }

  private static byte[] encodeJpeg(Mat image, int quality) {
    MatOfByte buffer = new MatOfByte();
    Imgcodecs.imencode(
        ".jpg", image, buffer, new MatOfInt(Imgcodecs.IMWRITE_JPEG_QUALITY, quality));
    return buffer.toArray();
  }

  /**
   * Gaussian noise drawn from OpenCV's generator seeded from {@code random}: OpenCV's own generator
   * is global, so without the seed a photo would depend on whatever drew from it before.
   */
  private static void randn(Mat noise, double deviation, Random random) {
    Core.setRNGSeed(random.nextInt());
    Core.randn(noise, 0, deviation);
  }
}
