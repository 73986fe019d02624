package org.digitocr.output;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.digitocr.layout.Box;
import org.digitocr.layout.ReadDigit;
import org.digitocr.layout.ReadLine;
import org.digitocr.pipeline.PageResult;
import org.opencv.core.Core;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.MatOfByte;
import org.opencv.core.MatOfInt;
import org.opencv.core.Point;
import org.opencv.core.Scalar;
import org.opencv.imgcodecs.Imgcodecs;
import org.opencv.imgproc.Imgproc;

/**
 * The page with what was read drawn on it: a box around each line, and around each digit with the
 * digit above and its confidence in percent (rounded down) below; confident digits in green,
 * uncertain ones in orange with a {@code ?}.
 */
public final class AnnotatedPage {
  static final Scalar CONFIDENT = new Scalar(40, 160, 0);
  static final Scalar UNCERTAIN = new Scalar(0, 120, 255);
  static final Scalar LINE = new Scalar(200, 140, 60);

  /** Fast PNG compression for colour pages: the images are large and written once. */
  private static final int PNG_COMPRESSION = 1;

  /**
   * A grey page is written as an indexed PNG: 253 grey levels (each within one level of the page's
   * own 256), then the three inks. Five times faster to write than a colour PNG, and smaller.
   */
  private static final int GREY_LEVELS = 253;

  private static final Inks BGR_INKS = new Inks(CONFIDENT, UNCERTAIN, LINE);
  private static final Inks PALETTE_INKS =
      new Inks(new Scalar(GREY_LEVELS), new Scalar(GREY_LEVELS + 1), new Scalar(GREY_LEVELS + 2));
  private static final List<Scalar> PALETTE = palette();

  /** What the boxes and digits are drawn with: BGR colours, or indexes into {@link #PALETTE}. */
  private record Inks(Scalar confident, Scalar uncertain, Scalar line) {}

  private AnnotatedPage() {}

  /** A BGR copy of {@code image} with the results drawn on it. */
  public static Mat draw(Mat image, PageResult result) {
    Mat canvas = new Mat();
    if (image.channels() == 1) {
      Imgproc.cvtColor(image, canvas, Imgproc.COLOR_GRAY2BGR);
    } else {
      image.copyTo(canvas);
    }
    drawOn(canvas, result, BGR_INKS);
    return canvas;
  }

  public static void write(Path file, Mat image, PageResult result) throws IOException {
    byte[] png;
    try {
      png = image.type() == CvType.CV_8UC1 ? indexedPng(image, result) : colourPng(image, result);
    } catch (IOException e) {
      throw new IOException(file + ": " + e.getMessage(), e);
    }
    AtomicFiles.write(file, png);
  }

  private static byte[] indexedPng(Mat grey, PageResult result) throws IOException {
    Mat greyToIndex = new Mat(1, 256, CvType.CV_8UC1);
    byte[] indexes = new byte[256];
    for (int level = 0; level < 256; level++) {
      indexes[level] = (byte) Math.round(level * (GREY_LEVELS - 1) / 255.0);
    }
    greyToIndex.put(0, 0, indexes);
    Mat canvas = new Mat();
    try {
      Core.LUT(grey, greyToIndex, canvas);
      drawOn(canvas, result, PALETTE_INKS);
      return PalettePng.encode(canvas, PALETTE);
    } finally {
      canvas.release();
      greyToIndex.release();
    }
  }

  private static byte[] colourPng(Mat image, PageResult result) throws IOException {
    Mat canvas = draw(image, result);
    MatOfByte png = new MatOfByte();
    try {
      if (!Imgcodecs.imencode(
          ".png", canvas, png, new MatOfInt(Imgcodecs.IMWRITE_PNG_COMPRESSION, PNG_COMPRESSION))) {
        throw new IOException("PNG encoding failed");
      }
      return png.toArray();
    } finally {
      canvas.release();
      png.release();
    }
  }

  private static List<Scalar> palette() {
    List<Scalar> palette = new ArrayList<>();
    for (int index = 0; index < GREY_LEVELS; index++) {
      double level = Math.round(index * 255.0 / (GREY_LEVELS - 1));
      palette.add(new Scalar(level, level, level));
    }
    palette.addAll(List.of(CONFIDENT, UNCERTAIN, LINE));
    return List.copyOf(palette);
  }

  private static void drawOn(Mat canvas, PageResult result, Inks inks) {
    int thickness = Math.max(1, Math.min(canvas.cols(), canvas.rows()) / 800);
    for (ReadLine line : result.lines()) {
      Box lb = line.box();
      Imgproc.rectangle(
          canvas,
          new Point(lb.x() - 2 * thickness, lb.y() - 2 * thickness),
          new Point(lb.right() + 2 * thickness, lb.bottom() + 2 * thickness),
          inks.line(),
          thickness);
      for (ReadDigit digit : line.digits()) {
        Box b = digit.box();
        Scalar colour = digit.uncertain() ? inks.uncertain() : inks.confident();
        Imgproc.rectangle(
            canvas, new Point(b.x(), b.y()), new Point(b.right(), b.bottom()), colour, thickness);
        double textScale = Math.max(0.3, Math.min(1.5, b.height() / 60.0));
        Imgproc.putText(
            canvas,
            digit.uncertain() ? digit.digit() + "?" : String.valueOf(digit.digit()),
            new Point(b.x(), Math.max(12, b.y() - 3)),
            Imgproc.FONT_HERSHEY_SIMPLEX,
            textScale,
            colour,
            thickness + 1);
        Imgproc.putText(
            canvas,
            String.format(Locale.ROOT, "%.0f", 100 * Math.floor(100 * digit.confidence()) / 100),
            new Point(b.x(), b.bottom() + 14 * textScale),
            Imgproc.FONT_HERSHEY_SIMPLEX,
            0.5 * textScale,
            colour,
            thickness);
      }
    }
  }
}
