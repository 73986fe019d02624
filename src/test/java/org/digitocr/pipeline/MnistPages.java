package org.digitocr.pipeline;

import java.io.IOException;
import java.nio.file.Path;
import org.digitocr.mnist.MnistFiles;
import org.digitocr.mnist.MnistSet;
import org.digitocr.mnist.MnistTestData;
import org.digitocr.page.TestPages;
import org.opencv.core.Core;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.Rect;
import org.opencv.core.Size;
import org.opencv.imgproc.Imgproc;

/** Pages written with MNIST test digits at known places, for tests that read them. */
public final class MnistPages {
  /** By digit, the first MNIST test digit the shipped model reads with over 99.9% confidence. */
  private static final int[] CLEAR = {3, 2, 1, 30, 4, 8, 11, 0, 61, 7};

  private static MnistSet test;

  private MnistPages() {}

  public static synchronized MnistSet test() throws IOException {
    if (test == null) {
      Path dir = MnistTestData.dir();
      test = MnistFiles.test(dir);
    }
    return test;
  }

  /**
   * A page (A5 at 100 dpi) with each line's digits written 6 mm high; a space in a line is a wide
   * gap between two numbers.
   */
  public static Mat page(String... lines) throws IOException {
    Mat page = TestPages.blank(583, 827);
    int height = 48;
    for (int l = 0; l < lines.length; l++) {
      int x = 60;
      int y = 80 + l * 110;
      for (char c : lines[l].toCharArray()) {
        if (c == ' ') {
          x += height;
          continue;
        }
        write(page, c - '0', x, y, height);
        x += height;
      }
    }
    return page;
  }

  private static void write(Mat page, int digit, int x, int y, int height) throws IOException {
    Mat source = new Mat(28, 28, CvType.CV_32F);
    source.put(0, 0, test().digit(CLEAR[digit]));
    int side = (int) Math.round(28.0 * height / 20);
    Mat scaled = new Mat();
    Imgproc.resize(source, scaled, new Size(side, side), 0, 0, Imgproc.INTER_LINEAR);
    Mat area = page.submat(new Rect(x, y, side, side));
    Mat paper = new Mat();
    area.convertTo(paper, CvType.CV_32F);
    Mat ink = new Mat();
    Core.multiply(scaled, org.opencv.core.Scalar.all(TestPages.PAPER - TestPages.INK), ink);
    Core.subtract(paper, ink, paper);
    paper.convertTo(area, CvType.CV_8U);
  }
}
