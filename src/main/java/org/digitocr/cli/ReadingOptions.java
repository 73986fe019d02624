package org.digitocr.cli;

import org.digitocr.page.LoadOptions;
import org.digitocr.pipeline.ReadOptions;
import picocli.CommandLine.Option;

/** How pages are decoded and read: the options of every command that reads pages (mixin). */
public final class ReadingOptions {
  @Option(
      names = "--dpi",
      defaultValue = "" + LoadOptions.DEFAULT_DPI,
      description =
          "Resolution PDF pages are rendered at; also the assumed resolution of images that do not state one (default: ${DEFAULT-VALUE}).")
  int dpi;

  @Option(
      names = "--min-confidence",
      paramLabel = "P",
      defaultValue = "" + ReadOptions.DEFAULT_MIN_CONFIDENCE,
      description =
          "Digits whose probability is below P are marked uncertain: '?' in transcripts, the warning colour in images (default: ${DEFAULT-VALUE}).")
  float minConfidence;

  @Option(
      names = "--max-pixels",
      paramLabel = "N",
      defaultValue = "" + LoadOptions.DEFAULT_MAX_PIXELS,
      description =
          "Refuse images larger than N pixels, checked before decoding (default: ${DEFAULT-VALUE}).")
  long maxPixels;

  LoadOptions load() {
    return new LoadOptions(dpi, maxPixels);
  }

  ReadOptions read() {
    return new ReadOptions(minConfidence);
  }
}
