package org.digitocr.batch;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.digitocr.mnist.MnistFiles;
import org.digitocr.mnist.MnistSet;
import org.digitocr.mnist.MnistTestData;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.MatOfByte;
import org.opencv.core.Rect;
import org.opencv.core.Size;
import org.opencv.imgcodecs.Imgcodecs;
import org.opencv.imgproc.Imgproc;

/** Small scanned-looking pages: a few lines of MNIST test digits, dark on white. */
public final class DigitPages {
  private static MnistSet digits;

  private DigitPages() {}

  /** A page with {@code lines} lines of 3 to 6 digits, chosen by {@code seed}. */
  public static Mat page(long seed, int lines) throws IOException {
    MnistSet set = testDigits();
    Random random = new Random(seed);
    Mat page = new Mat(120 + 90 * lines, 640, CvType.CV_8UC1, new org.opencv.core.Scalar(255));
    Mat scaled = new Mat();
    for (int line = 0; line < lines; line++) {
      int count = 3 + random.nextInt(4);
      for (int i = 0; i < count; i++) {
        Mat digit = set.image(random.nextInt(set.size()));
        digit.convertTo(scaled, CvType.CV_8U, -255, 255);
        digit.release();
        Imgproc.resize(scaled, scaled, new Size(56, 56), 0, 0, Imgproc.INTER_LINEAR);
        scaled.copyTo(page.submat(new Rect(60 + 52 * i, 60 + 90 * line, 56, 56)));
      }
    }
    scaled.release();
    return page;
  }

  /** Writes a page as {@code file}, in the format its extension names. */
  public static Path write(Path file, long seed, int lines) throws IOException {
    Files.createDirectories(file.toAbsolutePath().getParent());
    Mat page = page(seed, lines);
    MatOfByte encoded = new MatOfByte();
    String name = file.getFileName().toString();
    Imgcodecs.imencode(name.substring(name.lastIndexOf('.')), page, encoded);
    Files.write(file, encoded.toArray());
    page.release();
    encoded.release();
    return file;
  }

  /** Writes a multi-page TIFF of {@code pages} pages. */
  public static Path writeTiff(Path file, long seed, int pages) throws IOException {
    Files.createDirectories(file.toAbsolutePath().getParent());
    List<Mat> images = new ArrayList<>();
    for (int i = 0; i < pages; i++) {
      images.add(page(seed + i, 2));
    }
    if (!Imgcodecs.imwritemulti(file.toString(), images)) {
      throw new IOException("cannot write " + file);
    }
    images.forEach(Mat::release);
    return file;
  }

  private static synchronized MnistSet testDigits() throws IOException {
    if (digits == null) {
      digits = MnistFiles.test(MnistTestData.dir()).first(2000);
    }
    return digits;
  }
}
