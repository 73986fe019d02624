package org.digitocr.mnist;

import org.digitocr.util.FloatMatrix;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.opencv.core.CvType;
import org.opencv.core.Mat;

/**
 * Digits and labels of one MNIST split, held as the tutorial feeds them to the network: each image
 * flattened to 784 floats scaled to [0,1].
 */
public record MnistSet(float[] pixels, byte[] labels) {
  public static final int SIDE = 28;
  public static final int PIXELS = SIDE * SIDE;
  public static final int CLASSES = 10;

  public static MnistSet of(IdxImages images, byte[] labels) {
    if (images.count() != labels.length) {
      throw new IllegalArgumentException(
          images.count() + " images but " + labels.length + " labels");
    }
    if (images.rows() != SIDE || images.cols() != SIDE) {
      throw new IllegalArgumentException(
          "images are " + images.rows() + "x" + images.cols() + ", expected 28x28");
    }
    byte[] raw = images.pixels();
    float[] scaled = new float[raw.length];
    for (int i = 0; i < raw.length; i++) {
      scaled[i] = (raw[i] & 0xff) / 255f;
    }
    return new MnistSet(scaled, labels);
  }

  public int size() {
    return labels.length;
  }

  /** The first {@code n} digits (the tutorial's train/test size options). */
  public MnistSet first(int n) {
    if (n >= size()) {
      return this;
    }
    return new MnistSet(
        java.util.Arrays.copyOf(pixels, n * PIXELS), java.util.Arrays.copyOf(labels, n));
  }

  /** Digits {@code from} (inclusive) to {@code to} (exclusive). */
  public MnistSet range(int from, int to) {
    return new MnistSet(
        java.util.Arrays.copyOfRange(pixels, from * PIXELS, to * PIXELS),
        java.util.Arrays.copyOfRange(labels, from, to));
  }

  /** This set followed by {@code more}. */
  public MnistSet plus(MnistSet more) {
    float[] joinedPixels = java.util.Arrays.copyOf(pixels, pixels.length + more.pixels.length);
    System.arraycopy(more.pixels, 0, joinedPixels, pixels.length, more.pixels.length);
    byte[] joinedLabels = java.util.Arrays.copyOf(labels, labels.length + more.labels.length);
    System.arraycopy(more.labels, 0, joinedLabels, labels.length, more.labels.length);
    return new MnistSet(joinedPixels, joinedLabels);
  }

  public float[] digit(int index) {
    return java.util.Arrays.copyOfRange(pixels, index * PIXELS, (index + 1) * PIXELS);
  }

  /** Digit {@code index} as a 28x28 float image in [0,1], light on dark (needs OpenCV loaded). */
  public Mat image(int index) {
    Mat image = new Mat(SIDE, SIDE, CvType.CV_32F);
    image.put(0, 0, digit(index));
    return image;
  }

  /** All digits as an {@code n x 784} matrix. */
  public INDArray features() {
    return FloatMatrix.ofRows(pixels, size(), PIXELS);
  }

  /** One-hot labels as an {@code n x 10} matrix. */
  public INDArray oneHotLabels() {
    return oneHotLabels(CLASSES);
  }

  /** One-hot labels as an {@code n x classes} matrix (11 when "not a digit" is a class). */
  public INDArray oneHotLabels(int classes) {
    float[] oneHot = new float[size() * classes];
    for (int i = 0; i < size(); i++) {
      oneHot[i * classes + labels[i]] = 1f;
    }
    return FloatMatrix.ofRows(oneHot, size(), classes);
  }
}
