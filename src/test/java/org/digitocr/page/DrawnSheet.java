package org.digitocr.page;

import java.util.Random;
import org.opencv.core.Core;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.MatOfPoint;
import org.opencv.core.Point;
import org.opencv.core.Scalar;
import org.opencv.core.Size;
import org.opencv.imgproc.Imgproc;

/** Test pictures: a light sheet with dark marks on it, seen at an angle against a dark ground. */
final class DrawnSheet {
  static final Point[] CORNERS = {
    new Point(150, 100), new Point(1000, 140), new Point(1050, 820), new Point(120, 780)
  };

  private DrawnSheet() {}

  /** Grey photo, 1200 x 900, the sheet at {@link #CORNERS}, dark ground with some texture. */
  static Mat photo() {
    return photo(CORNERS, Scalar.all(60), Scalar.all(225));
  }

  static Mat photo(Point[] corners, Scalar ground, Scalar paper) {
    Mat photo =
        new Mat(
            900,
            1200,
            ground.val[1] == ground.val[0] && ground.val[2] == ground.val[0]
                ? CvType.CV_8UC1
                : CvType.CV_8UC3,
            ground);
    Mat texture = new Mat(photo.size(), photo.type());
    Core.randn(texture, 0, 12);
    Imgproc.GaussianBlur(texture, texture, new Size(7, 7), 0);
    Core.add(photo, texture, photo);
    Imgproc.fillConvexPoly(photo, new MatOfPoint(corners), paper, Imgproc.LINE_AA);
    drawMarks(photo, corners);
    return photo;
  }

  /** Handwriting-like strokes and a printed box inside the sheet, well away from its edges. */
  static void drawMarks(Mat photo, Point[] corners) {
    Random random = new Random(7);
    Point centre = centre(corners);
    for (int row = -3; row <= 3; row++) {
      for (int k = -6; k <= 6; k++) {
        Point at = new Point(centre.x + k * 45, centre.y + row * 70);
        Imgproc.ellipse(
            photo,
            at,
            new Size(10 + random.nextInt(6), 18),
            random.nextInt(40),
            0,
            300,
            Scalar.all(30),
            4);
      }
    }
    Imgproc.rectangle(
        photo,
        new Point(centre.x - 330, centre.y - 260),
        new Point(centre.x + 330, centre.y + 260),
        Scalar.all(40),
        3);
  }

  static Point centre(Point[] corners) {
    double x = 0;
    double y = 0;
    for (Point p : corners) {
      x += p.x / corners.length;
      y += p.y / corners.length;
    }
    return new Point(x, y);
  }
}
