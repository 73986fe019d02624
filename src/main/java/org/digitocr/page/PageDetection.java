package org.digitocr.page;

/** Whether to look for the sheet of paper in an image and flatten it (for photos). */
public enum PageDetection {
  /** Flatten only a sheet found with confidence; scans (paper up to the frame) are left alone. */
  AUTO,
  /** Flatten the most plausible sheet outline, however unsure. */
  ON,
  /** Read every image as it is. */
  OFF
}
