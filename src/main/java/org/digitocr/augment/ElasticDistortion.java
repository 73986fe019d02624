package org.digitocr.augment;

import java.util.Random;
import org.opencv.core.Core;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.Scalar;
import org.opencv.core.Size;
import org.opencv.imgproc.Imgproc;

/**
 * Simard, Steinkraus and Platt (2003): every pixel moves by a random displacement field, uniform
 * noise smoothed by a Gaussian of width {@code sigma} and scaled by {@code alpha}, like the wobble
 * of a hand. Their MNIST values are sigma 4, alpha 34.
 */
public final class ElasticDistortion implements DigitDistortion {
  private final double alpha;
  private final double sigma;
  private final Mat dx = new Mat();
  private final Mat dy = new Mat();
  private final Mat mapX = new Mat();
  private final Mat mapY = new Mat();
  private final Mat out = new Mat();
  private Mat gridX = new Mat();
  private Mat gridY = new Mat();

  public ElasticDistortion(double alpha, double sigma) {
    this.alpha = alpha;
    this.sigma = sigma;
  }

  @Override
  public void apply(Mat digit, Random random) {
    int rows = digit.rows();
    int cols = digit.cols();
    smoothNoise(dx, rows, cols, random);
    smoothNoise(dy, rows, cols, random);
    if (gridX.rows() != rows || gridX.cols() != cols) {
      gridX = coordinates(rows, cols, true);
      gridY = coordinates(rows, cols, false);
    }
    Core.add(gridX, dx, mapX);
    Core.add(gridY, dy, mapY);
    Imgproc.remap(
        digit, out, mapX, mapY, Imgproc.INTER_LINEAR, Core.BORDER_CONSTANT, Scalar.all(0));
    out.copyTo(digit);
  }

  private void smoothNoise(Mat field, int rows, int cols, Random random) {
    float[] noise = new float[rows * cols];
    for (int i = 0; i < noise.length; i++) {
      noise[i] = 2 * random.nextFloat() - 1;
    }
    Mat raw = new Mat(rows, cols, CvType.CV_32F);
    raw.put(0, 0, noise);
    Imgproc.GaussianBlur(raw, field, new Size(0, 0), sigma);
    Core.multiply(field, Scalar.all(alpha), field);
    raw.release();
  }

  private static Mat coordinates(int rows, int cols, boolean horizontal) {
    float[] values = new float[rows * cols];
    for (int y = 0; y < rows; y++) {
      for (int x = 0; x < cols; x++) {
        values[y * cols + x] = horizontal ? x : y;
      }
    }
    Mat mat = new Mat(rows, cols, CvType.CV_32F);
    mat.put(0, 0, values);
    return mat;
  }
}
