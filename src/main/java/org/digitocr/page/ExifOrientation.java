package org.digitocr.page;

import com.drew.imaging.ImageProcessingException;
import com.drew.imaging.jpeg.JpegMetadataReader;
import com.drew.metadata.Metadata;
import com.drew.metadata.MetadataException;
import com.drew.metadata.exif.ExifIFD0Directory;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import org.opencv.core.Core;
import org.opencv.core.Mat;

/**
 * The EXIF orientation of a JPEG: phones store the sensor's pixels as they come and record in this
 * tag how to turn them for display. Decode such files with {@code IMREAD_IGNORE_ORIENTATION} and
 * apply the tag here, so that the rotation happens exactly once whatever OpenCV's build does.
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

  /** The value of the EXIF tag (1..8) for this orientation. */
  public int tagValue() {
    return ordinal() + 1;
  }

  /** The orientation for an EXIF tag value; values outside 1..8 (seen in the wild) mean normal. */
  public static ExifOrientation ofTag(int value) {
    return value >= 1 && value <= 8 ? values()[value - 1] : NORMAL;
  }

  /**
   * Reads the orientation tag of a JPEG's EXIF block; {@link #NORMAL} when there is none or the
   * block is unreadable (a broken EXIF block must not make an otherwise good photo fail).
   */
  public static ExifOrientation ofJpeg(byte[] jpeg) {
    try {
      Metadata metadata = JpegMetadataReader.readMetadata(new ByteArrayInputStream(jpeg));
      ExifIFD0Directory exif = metadata.getFirstDirectoryOfType(ExifIFD0Directory.class);
      if (exif == null || !exif.containsTag(ExifIFD0Directory.TAG_ORIENTATION)) {
        return NORMAL;
      }
      return ofTag(exif.getInt(ExifIFD0Directory.TAG_ORIENTATION));
    } catch (ImageProcessingException | IOException | MetadataException e) {
      return NORMAL;
    }
  }

  /** The stored pixels turned upright, as a new Mat (or the same one when already upright). */
  public Mat upright(Mat stored) {
    if (this == NORMAL) {
      return stored;
    }
    Mat turned = new Mat();
    switch (this) {
      case MIRRORED -> Core.flip(stored, turned, 1);
      case ROTATED_180 -> Core.rotate(stored, turned, Core.ROTATE_180);
      case FLIPPED -> Core.flip(stored, turned, 0);
      case TRANSPOSED -> Core.transpose(stored, turned);
      case ROTATED_90_CLOCKWISE -> Core.rotate(stored, turned, Core.ROTATE_90_CLOCKWISE);
      case TRANSVERSED -> {
        Core.transpose(stored, turned);
        Core.flip(turned, turned, -1);
      }
      case ROTATED_90_COUNTERCLOCKWISE ->
          Core.rotate(stored, turned, Core.ROTATE_90_COUNTERCLOCKWISE);
      default -> throw new AssertionError(this);
    }
    return turned;
  }

  /**
   * The inverse: the pixels as a camera with this orientation would store an upright picture. Used
   * to render realistic phone photos.
   */
  public Mat stored(Mat upright) {
    return switch (this) {
      case ROTATED_90_CLOCKWISE -> ROTATED_90_COUNTERCLOCKWISE.upright(upright);
      case ROTATED_90_COUNTERCLOCKWISE -> ROTATED_90_CLOCKWISE.upright(upright);
      default -> upright(upright); // the other turns are their own inverse
    };
  }
}
