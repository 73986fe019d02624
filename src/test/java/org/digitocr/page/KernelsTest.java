package org.digitocr.page;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;

import org.digitocr.runtime.Natives;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.opencv.core.Core;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.Size;
import org.opencv.imgproc.Imgproc;

class KernelsTest {
  @BeforeAll
  static void opencv() {
    Natives.loadOpenCv();
  }

  @Test
  void aRectangleIsOpenCvsStructuringElementOfThatSize() {
    for (int[] size : new int[][] {{3, 3}, {1, 7}, {7, 1}, {2, 5}}) {
      Mat kernel = Kernels.rect(size[0], size[1]);
      Mat expected = Imgproc.getStructuringElement(Imgproc.MORPH_RECT, new Size(size[0], size[1]));
      assertEquals(new Size(size[0], size[1]), kernel.size());
      assertEquals(CvType.CV_8UC1, kernel.type());
      Mat difference = new Mat();
      Core.absdiff(kernel, expected, difference);
      assertEquals(0, Core.countNonZero(difference));
    }
  }

  @Test
  void eachSizeIsMadeOnceAndShared() {
    assertSame(Kernels.rect(5, 1), Kernels.rect(5, 1));
    assertNotSame(Kernels.rect(5, 1), Kernels.rect(1, 5));
  }
}
