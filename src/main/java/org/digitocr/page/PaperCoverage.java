package org.digitocr.page;

import java.util.List;
import org.opencv.core.Core;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.Scalar;
import org.opencv.core.Size;
import org.opencv.imgproc.Imgproc;

/**
 * How much of an image is blank paper: smooth (little change within a few pixels, unlike texture,
 * writing or edges), bright (within reach of the brightest part of the image, and not dark in
 * absolute terms) and in one piece (writing does not cut a sheet apart; bright patches in a scene
 * are scattered). A scan is blank paper up to its frame; a photo of a page shows a good share of
 * it; a photo of anything else shows little.
 *
 * @param share the share of the whole image taken by its largest connected area of blank paper
 * @param frameShare the share of a thin band along the image's border that is plain (smooth and not
 *     dark): the paper of a scan, however unevenly lit or bordered. Judged more leniently than
 *     {@code share}, since it only decides whether a page without sheet edges is a scan
 */
public record PaperCoverage(double share, double frameShare) {
  /** From this share of blank paper along the border, the paper fills the frame (a scan). */
  public static final double FILLS_FRAME = 0.85;

  /** About 1.5% of the image's longer side. */
  private static final int WINDOW = 9;

  private static final double MAX_PAPER_DEVIATION = 6;
  private static final double MIN_PAPER_LEVEL = 100;
  private static final double RELATIVE_PAPER_LEVEL = 0.8;
  private static final double BAND = 0.03;

  public boolean fillsFrame() {
    return frameShare >= FILLS_FRAME;
  }

  public static PaperCoverage of(Mat grey) {
    Mat small = new Mat();
    Thumbnail.of(grey).convertTo(small, CvType.CV_32F);

    Mat mean = new Mat();
    Mat meanOfSquares = new Mat();
    Size window = new Size(WINDOW, WINDOW);
    Imgproc.blur(small, mean, window);
    Mat squares = small.mul(small);
    Imgproc.blur(squares, meanOfSquares, window);
    Mat variance = new Mat();
    Mat meanSquared = mean.mul(mean);
    Core.subtract(meanOfSquares, meanSquared, variance);
    Mat smooth = new Mat();
    Imgproc.threshold(
        variance,
        smooth,
        MAX_PAPER_DEVIATION * MAX_PAPER_DEVIATION,
        255,
        Imgproc.THRESH_BINARY_INV);

    Mat nearlyBrightest = new Mat();
    Mat brightest = localMaximum(small);
    Core.multiply(brightest, Scalar.all(RELATIVE_PAPER_LEVEL), nearlyBrightest);
    Mat bright = new Mat();
    Core.compare(small, nearlyBrightest, bright, Core.CMP_GE);
    Mat notDark = new Mat();
    Imgproc.threshold(small, notDark, MIN_PAPER_LEVEL, 255, Imgproc.THRESH_BINARY);
    notDark.convertTo(notDark, CvType.CV_8U);
    smooth.convertTo(smooth, CvType.CV_8U);
    Mat plain = new Mat();
    Core.bitwise_and(smooth, notDark, plain);

    Mat paper = new Mat();
    Core.bitwise_and(plain, bright, paper);

    int band = Math.max(1, (int) Math.round(BAND * Math.min(small.cols(), small.rows())));
    Mat frame = new Mat(small.size(), CvType.CV_8U, Scalar.all(255));
    if (small.rows() > 2 * band && small.cols() > 2 * band) {
      Mat inside = frame.submat(band, small.rows() - band, band, small.cols() - band);
      inside.setTo(Scalar.all(0)).release();
      inside.release();
    }
    Mat lightInFrame = new Mat();
    Core.bitwise_and(notDark, frame, lightInFrame);
    PaperCoverage coverage =
        new PaperCoverage(
            largestArea(paper) / paper.total(),
            (double) Core.countNonZero(lightInFrame) / Core.countNonZero(frame));
    // Released now rather than when the garbage collector gets to them: a batch reads a page in a
    // fraction of a second, and memory waiting for the collector grew by gigabytes.
    for (Mat mat :
        List.of(
            small,
            mean,
            meanOfSquares,
            squares,
            variance,
            meanSquared,
            smooth,
            brightest,
            nearlyBrightest,
            bright,
            notDark,
            plain,
            paper,
            frame,
            lightInFrame)) {
      mat.release();
    }
    return coverage;
  }

  private static double largestArea(Mat mask) {
    InkComponents blobs = InkComponents.find(mask, 1);
    int largest =
        blobs.components().stream().mapToInt(InkComponents.Component::area).max().orElse(0);
    blobs.release();
    return largest;
  }

  /**
   * The brightest level within an eighth of the image around each pixel: paper is near it under any
   * light, a grey surface next to brighter things is not.
   */
  private static Mat localMaximum(Mat small) {
    Mat coarse = new Mat();
    Imgproc.resize(small, coarse, new Size(), 0.25, 0.25, Imgproc.INTER_AREA);
    int kernel = Math.max(3, Math.max(coarse.cols(), coarse.rows()) / 8) | 1;
    Imgproc.dilate(coarse, coarse, Kernels.rect(kernel, kernel));
    Imgproc.blur(coarse, coarse, new Size(kernel, kernel));
    Mat maximum = new Mat();
    Imgproc.resize(coarse, maximum, small.size(), 0, 0, Imgproc.INTER_LINEAR);
    coarse.release();
    return maximum;
  }
}
