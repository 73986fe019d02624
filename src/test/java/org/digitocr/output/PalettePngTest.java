package org.digitocr.output;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.util.Collections;
import java.util.List;
import javax.imageio.ImageIO;
import org.digitocr.runtime.Natives;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.MatOfByte;
import org.opencv.core.Scalar;
import org.opencv.imgcodecs.Imgcodecs;

class PalettePngTest {
  private static final List<Scalar> PALETTE =
      List.of(
          new Scalar(0, 0, 0),
          new Scalar(255, 0, 0),
          new Scalar(0, 160, 40),
          new Scalar(12, 34, 56));

  @BeforeAll
  static void loadOpenCv() {
    Natives.loadOpenCv();
  }

  /** Both OpenCV (libpng, which checks every chunk's CRC) and Java's own reader decode it. */
  @Test
  void decodesToThePaletteColoursInOpenCvAndImageIo() throws Exception {
    Mat indices = new Mat(2, 3, CvType.CV_8UC1);
    indices.put(0, 0, new byte[] {0, 1, 2, 3, 2, 1});
    byte[] png = PalettePng.encode(indices, PALETTE);
    assertEquals(3, png[25], "colour type: indexed");

    Mat decoded = Imgcodecs.imdecode(new MatOfByte(png), Imgcodecs.IMREAD_COLOR);
    assertEquals(3, decoded.cols());
    assertArrayEquals(new double[] {255, 0, 0}, decoded.get(0, 1));
    assertArrayEquals(new double[] {12, 34, 56}, decoded.get(1, 0));
    assertArrayEquals(new double[] {0, 160, 40}, decoded.get(1, 1));

    BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
    assertEquals(BufferedImage.TYPE_BYTE_INDEXED, image.getType());
    assertEquals((56 << 16) | (34 << 8) | 12, image.getRGB(0, 1) & 0xffffff);
    assertEquals((40 << 16) | (160 << 8), image.getRGB(2, 0) & 0xffffff);
  }

  @Test
  void refusesWhatAPaletteCannotHold() {
    Mat colour = new Mat(2, 2, CvType.CV_8UC3);
    assertThrows(IllegalArgumentException.class, () -> PalettePng.encode(colour, PALETTE));
    Mat indices = new Mat(2, 2, CvType.CV_8UC1);
    List<Scalar> tooMany = Collections.nCopies(257, new Scalar(0));
    assertThrows(IllegalArgumentException.class, () -> PalettePng.encode(indices, tooMany));
  }
}
