package org.digitocr.output;

import java.util.Locale;
import org.digitocr.layout.Box;
import org.digitocr.layout.ReadDigit;
import org.digitocr.layout.ReadLine;
import org.digitocr.pipeline.PageResult;
import org.opencv.core.Mat;
import org.opencv.core.Point;
import org.opencv.core.Scalar;
import org.opencv.imgproc.Imgproc;

/**
 * Draws what was read onto a colour copy of the page: a box per digit, the digit above it and its
 * confidence (per cent, rounded down) below it; uncertain digits in a warning colour, line boxes
 * faintly.
 */
public final class PageAnnotator {
  private static final Scalar CERTAIN = new Scalar(40, 160, 0); // BGR green
  private static final Scalar UNCERTAIN = new Scalar(0, 90, 255); // BGR orange-red
  private static final Scalar LINE = new Scalar(200, 120, 0); // BGR blue

  private PageAnnotator() {}

  /** A new BGR image; the page itself is left untouched. */
  public static Mat annotate(Mat page, PageResult result) {
    Mat canvas = new Mat();
    if (page.channels() == 1) {
      Imgproc.cvtColor(page, canvas, Imgproc.COLOR_GRAY2BGR);
    } else if (page.channels() == 4) {
      Imgproc.cvtColor(page, canvas, Imgproc.COLOR_BGRA2BGR);
    } else {
      page.copyTo(canvas);
    }
    int thickness = Math.max(1, Math.round(Math.max(canvas.cols(), canvas.rows()) / 1200f));
    for (ReadLine line : result.lines()) {
      Box box = line.box();
      int pad = 3 * thickness;
      Imgproc.rectangle(
          canvas,
          new Point(box.x() - pad, box.y() - pad),
          new Point(box.right() + pad, box.bottom() + pad),
          LINE,
          thickness);
      for (ReadDigit digit : line.digits()) {
        drawDigit(canvas, digit, thickness);
      }
    }
    return canvas;
  }

  /** The digit above its box and its confidence in per cent below, so neighbours' labels fit. */
  private static void drawDigit(Mat canvas, ReadDigit digit, int thickness) {
    Box box = digit.box();
    Scalar colour = digit.uncertain() ? UNCERTAIN : CERTAIN;
    Imgproc.rectangle(
        canvas,
        new Point(box.x(), box.y()),
        new Point(box.right(), box.bottom()),
        colour,
        thickness);
    double digitScale = Math.max(0.4, box.height() / 80.0);
    double confidenceScale = digitScale * 0.6;
    Imgproc.putText(
        canvas,
        digit.digit() + (digit.uncertain() ? "?" : ""),
        new Point(box.x(), Math.max(12, box.y() - 3 * thickness)),
        Imgproc.FONT_HERSHEY_SIMPLEX,
        digitScale,
        colour,
        thickness,
        Imgproc.LINE_AA);
    Imgproc.putText(
        canvas,
        String.format(Locale.ROOT, "%.0f", Math.floor(100 * digit.confidence())),
        new Point(box.x(), box.bottom() + 3 * thickness + 22 * confidenceScale),
        Imgproc.FONT_HERSHEY_SIMPLEX,
        confidenceScale,
        colour,
        Math.max(1, thickness - 1),
        Imgproc.LINE_AA);
  }
}
