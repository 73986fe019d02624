package org.digitocr.output;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import org.digitocr.layout.Box;
import org.digitocr.layout.ReadDigit;
import org.digitocr.layout.ReadLine;
import org.digitocr.pipeline.PageResult;
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

  /** Fast PNG compression: the images are large and written once. */
  private static final int PNG_COMPRESSION = 1;

  private AnnotatedPage() {}

  /** A BGR copy of {@code image} with the results drawn on it. */
  public static Mat draw(Mat image, PageResult result) {
    Mat canvas = new Mat();
    if (image.channels() == 1) {
      Imgproc.cvtColor(image, canvas, Imgproc.COLOR_GRAY2BGR);
    } else {
      image.copyTo(canvas);
    }
    int thickness = Math.max(1, Math.min(canvas.cols(), canvas.rows()) / 800);
    for (ReadLine line : result.lines()) {
      Box lb = line.box();
      Imgproc.rectangle(
          canvas,
          new Point(lb.x() - 2 * thickness, lb.y() - 2 * thickness),
          new Point(lb.right() + 2 * thickness, lb.bottom() + 2 * thickness),
          LINE,
          thickness);
      for (ReadDigit digit : line.digits()) {
        Box b = digit.box();
        Scalar colour = digit.uncertain() ? UNCERTAIN : CONFIDENT;
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
    return canvas;
  }

  public static void write(Path file, Mat image, PageResult result) throws IOException {
    Mat canvas = draw(image, result);
    MatOfByte png = new MatOfByte();
    boolean ok =
        Imgcodecs.imencode(
            ".png", canvas, png, new MatOfInt(Imgcodecs.IMWRITE_PNG_COMPRESSION, PNG_COMPRESSION));
    canvas.release();
    if (!ok) {
      throw new IOException(file + ": PNG encoding failed");
    }
    AtomicFiles.write(file, png.toArray());
    png.release();
  }
}
