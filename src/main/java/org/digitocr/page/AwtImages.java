package org.digitocr.page;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.imgproc.Imgproc;

/** Copies pixels between Java2D images (PDFBox, text rendering) and OpenCV Mats. */
public final class AwtImages {
  private AwtImages() {}

  /** An 8-bit grey (8UC1) or BGR (8UC3) Mat of the image. */
  public static Mat toMat(BufferedImage image) {
    BufferedImage source = image;
    int type = image.getType();
    if (type != BufferedImage.TYPE_BYTE_GRAY && type != BufferedImage.TYPE_3BYTE_BGR) {
      source = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_3BYTE_BGR);
      source.getGraphics().drawImage(image, 0, 0, null);
    }
    boolean grey = source.getType() == BufferedImage.TYPE_BYTE_GRAY;
    Mat mat =
        new Mat(source.getHeight(), source.getWidth(), grey ? CvType.CV_8UC1 : CvType.CV_8UC3);
    mat.put(0, 0, ((DataBufferByte) source.getRaster().getDataBuffer()).getData());
    return mat;
  }

  /** A grey or BGR image of an 8UC1 or 8UC3 Mat. */
  public static BufferedImage toBufferedImage(Mat mat) {
    Mat source = mat;
    if (mat.channels() == 4) {
      source = new Mat();
      Imgproc.cvtColor(mat, source, Imgproc.COLOR_BGRA2BGR);
    }
    boolean grey = source.channels() == 1;
    BufferedImage image =
        new BufferedImage(
            source.cols(),
            source.rows(),
            grey ? BufferedImage.TYPE_BYTE_GRAY : BufferedImage.TYPE_3BYTE_BGR);
    source.get(0, 0, ((DataBufferByte) image.getRaster().getDataBuffer()).getData());
    return image;
  }
}
