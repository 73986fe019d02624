package org.digitocr.synth;

import org.opencv.core.Core;
import org.opencv.core.Mat;

/**
 * The eight EXIF orientations, named by how a viewer must turn the stored pixels for display. A
 * phone stores its sensor's pixels unturned and records the turn in this tag; OpenCV's {@code
 * imdecode} applies it when it decodes (unless told {@code IMREAD_UNCHANGED} or {@code
 * IMREAD_IGNORE_ORIENTATION}), so readers get upright pages.
 */
public enum ExifOrientation {
  NORMAL,
  MIRRORED,
  ROTATED_180,
  FLIPPED,
  TRANSPOSED,
  ROTATED_90_CLOCKWISE,
  TRANSVERSED,
  ROTATED_90_COUNTERCLOCKWISE;

  /** The value of the EXIF tag (1..8). */
  public int tagValue() {
    return ordinal() + 1;
  }

  /** The pixels as a camera with this orientation stores an upright picture. */
  public Mat stored(Mat upright) {
    Mat stored = new Mat();
    switch (this) {
      case NORMAL -> upright.copyTo(stored);
      case MIRRORED -> Core.flip(upright, stored, 1);
      case ROTATED_180 -> Core.rotate(upright, stored, Core.ROTATE_180);
      case FLIPPED -> Core.flip(upright, stored, 0);
      case TRANSPOSED -> Core.transpose(upright, stored);
      case ROTATED_90_CLOCKWISE -> Core.rotate(upright, stored, Core.ROTATE_90_COUNTERCLOCKWISE);
      case TRANSVERSED -> {
        Core.transpose(upright, stored);
        Core.flip(stored, stored, -1);
      }
      case ROTATED_90_COUNTERCLOCKWISE -> Core.rotate(upright, stored, Core.ROTATE_90_CLOCKWISE);
      default -> throw new AssertionError(this);
    }
    return stored;
  }
}
