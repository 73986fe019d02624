package org.digitocr.pipeline;

import java.io.Serializable;
import org.digitocr.page.PageDetection;

/**
 * How pages are read.
 *
 * @param minConfidence digits whose softmax probability is below this are marked uncertain ({@code
 *     ?} in transcripts; their best guess is kept in digits.csv)
 * @param pageDetect whether to find and flatten the sheet of paper in photos
 */
public record ReadOptions(float minConfidence, PageDetection pageDetect) implements Serializable {
  /**
   * Chosen on generated pages (see the scan notes): the threshold below which most misread digits
   * fall while few correct ones do.
   */
  public static final float DEFAULT_MIN_CONFIDENCE = 0.8f;

  public static final ReadOptions DEFAULT =
      new ReadOptions(DEFAULT_MIN_CONFIDENCE, PageDetection.AUTO);

  public ReadOptions {
    if (!(minConfidence >= 0 && minConfidence <= 1)) {
      throw new IllegalArgumentException("minConfidence must be in [0, 1], got " + minConfidence);
    }
    if (pageDetect == null) {
      throw new IllegalArgumentException("pageDetect must be given");
    }
  }

  public ReadOptions(float minConfidence) {
    this(minConfidence, PageDetection.AUTO);
  }
}
