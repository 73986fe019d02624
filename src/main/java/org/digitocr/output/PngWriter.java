package org.digitocr.output;

import java.io.IOException;
import java.nio.file.Path;
import org.opencv.core.Mat;
import org.opencv.core.MatOfByte;
import org.opencv.imgcodecs.Imgcodecs;

/** Encodes a Mat as PNG and writes it atomically. */
public final class PngWriter {
  private PngWriter() {}

  public static void write(Path file, Mat image) throws IOException {
    MatOfByte png = new MatOfByte();
    try {
      if (!Imgcodecs.imencode(".png", image, png)) {
        throw new IOException(file + ": could not encode the image as PNG");
      }
      AtomicFiles.write(file, png.toArray());
    } finally {
      png.release();
    }
  }
}
