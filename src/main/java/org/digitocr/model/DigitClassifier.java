package org.digitocr.model;

import static org.nd4j.linalg.api.buffer.DataType.FLOAT;

import java.util.List;
import org.digitocr.mnist.MnistSet;
import org.digitocr.util.FloatMatrix;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.opencv.core.CvType;
import org.opencv.core.Mat;

/**
 * Classifies batches of MNIST-style digits. A page's digits go through one forward pass.
 *
 * <p>Not thread-safe: give each worker its own instance (see {@link #copy()}).
 */
public interface DigitClassifier {

  /** Class probabilities for an {@code n x 784} batch of light-on-dark digits in [0,1]. */
  INDArray probabilities(INDArray batch);

  /** A classifier sharing nothing mutable with this one, for another thread. */
  DigitClassifier copy();

  default Prediction[] classify(INDArray batch) {
    INDArray probs = probabilities(batch);
    return Prediction.ofRows(rowMajor(probs), (int) probs.columns());
  }

  /**
   * A float matrix's values row after row, copied out of native memory in one call where they lie
   * contiguous, as the rows of a batch do (a view per row costs several native calls each, and a
   * copy through ND4J ~20 µs: more than the forward pass of one digit).
   */
  static float[] rowMajor(INDArray matrix) {
    return rowMajor(matrix, new float[0]);
  }

  /** As {@link #rowMajor(INDArray)}, into {@code reuse} when it is long enough. */
  static float[] rowMajor(INDArray matrix, float[] reuse) {
    INDArray rows =
        matrix.ordering() == 'c' && matrix.elementWiseStride() == 1 && matrix.dataType() == FLOAT
            ? matrix
            : matrix.castTo(FLOAT).dup('c');
    int length = Math.toIntExact(rows.length());
    float[] values = reuse.length >= length ? reuse : new float[length];
    rows.data().asNioFloat().get(Math.toIntExact(rows.offset()), values, 0, length);
    return values;
  }

  /**
   * The predictions a page's candidates are divided into digits by (which cut of touching digits,
   * which pieces): by default this model's {@link #classify(List)}.
   */
  default Prediction[] firstLook(List<Mat> digits) {
    return classify(digits);
  }

  /**
   * The final predictions once a page's digits are chosen: by default the first look stands.
   *
   * @param digits every candidate, as given to {@link #firstLook(List)}
   * @param chosen indexes of the candidates read as digits
   */
  default Prediction[] recheck(List<Mat> digits, Prediction[] firstLook, List<Integer> chosen) {
    return firstLook;
  }

  /** Classifies 28x28 single-channel crops (8-bit 0..255 or float 0..1, light on dark). */
  default Prediction[] classify(List<Mat> digits) {
    if (digits.isEmpty()) {
      return new Prediction[0];
    }
    return classify(toBatch(digits));
  }

  static INDArray toBatch(List<Mat> digits) {
    return FloatMatrix.ofRows(pixels(digits), digits.size(), MnistSet.PIXELS);
  }

  /** The crops' pixels in [0,1], one row of 784 per crop. */
  static float[] pixels(List<Mat> digits) {
    float[] pixels = new float[digits.size() * MnistSet.PIXELS];
    float[] one = new float[MnistSet.PIXELS];
    Mat asFloat = new Mat();
    for (int i = 0; i < digits.size(); i++) {
      Mat digit = digits.get(i);
      if (digit.rows() != MnistSet.SIDE || digit.cols() != MnistSet.SIDE) {
        throw new IllegalArgumentException("digit " + i + " is not 28x28: " + digit.size());
      }
      double scale = digit.depth() == CvType.CV_8U ? 1 / 255.0 : 1.0;
      digit.convertTo(asFloat, CvType.CV_32F, scale);
      if (!asFloat.isContinuous()) {
        asFloat = asFloat.clone();
      }
      asFloat.get(0, 0, one);
      System.arraycopy(one, 0, pixels, i * MnistSet.PIXELS, MnistSet.PIXELS);
    }
    asFloat.release();
    return pixels;
  }
}
