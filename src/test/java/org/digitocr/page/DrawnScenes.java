package org.digitocr.page;

import java.util.Random;
import org.opencv.core.Core;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.Point;
import org.opencv.core.Scalar;
import org.opencv.core.Size;
import org.opencv.imgproc.Imgproc;

/** Test pictures that are not photos of a sheet on a table: a scan and things that are no page. */
final class DrawnScenes {
  private DrawnScenes() {}

  /** A scanned page: paper up to the frame, marks on it. */
  static Mat scan() {
    Mat scan = new Mat(1100, 850, CvType.CV_8UC1, Scalar.all(245));
    DrawnSheet.drawMarks(scan, new Point[] {new Point(425, 550)});
    Mat noise = new Mat(scan.size(), CvType.CV_8UC1);
    Core.randn(noise, 0, 3);
    Core.subtract(scan, noise, scan);
    return scan;
  }

  /** A mottled surface, like stone or a carpet seen from afar. */
  static Mat mottle() {
    Mat mottle = new Mat(1500, 2000, CvType.CV_8UC3);
    Core.randu(mottle, 0, 255);
    Imgproc.GaussianBlur(mottle, mottle, new Size(51, 51), 0);
    Core.normalize(mottle, mottle, 0, 255, Core.NORM_MINMAX);
    return mottle;
  }

  /** Fine, contrasty grain, like gravel or fabric close up. */
  static Mat grain() {
    Mat grain = new Mat(1500, 2000, CvType.CV_8UC3);
    Core.randu(grain, 0, 255);
    Imgproc.GaussianBlur(grain, grain, new Size(5, 5), 0);
    return grain;
  }

  /** A cluttered scene: many coloured things, filled and outlined, before a textured wall. */
  static Mat shapes() {
    Random random = new Random(1);
    Mat scene = new Mat(1500, 2000, CvType.CV_8UC3, new Scalar(90, 120, 140));
    Mat texture = new Mat(scene.size(), scene.type());
    Core.randn(texture, 0, 25);
    Imgproc.GaussianBlur(texture, texture, new Size(3, 3), 0);
    Core.add(scene, texture, scene);
    for (int i = 0; i < 300; i++) {
      Point at = new Point(random.nextInt(2000), random.nextInt(1500));
      Scalar colour = new Scalar(random.nextInt(255), random.nextInt(255), random.nextInt(255));
      int thickness = random.nextBoolean() ? -1 : 2 + random.nextInt(8);
      int size = 10 + random.nextInt(120);
      if (random.nextBoolean()) {
        Imgproc.circle(scene, at, size, colour, thickness);
      } else {
        Imgproc.rectangle(
            scene, at, new Point(at.x + size, at.y + random.nextInt(150)), colour, thickness);
      }
    }
    return scene;
  }

  static Mat grey(Mat colour) {
    Mat grey = new Mat();
    Imgproc.cvtColor(colour, grey, Imgproc.COLOR_BGR2GRAY);
    return grey;
  }
}
