package org.digitocr.cli;

import java.util.Locale;
import org.digitocr.page.LoadOptions;
import org.digitocr.page.PageDetection;
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

  @Option(
      names = "--page-detect",
      paramLabel = "MODE",
      defaultValue = "auto",
      converter = PageDetectionConverter.class,
      description =
          "Find the sheet of paper in photos and flatten it: auto (when a sheet is found with"
              + " confidence), on (always try), off (default: ${DEFAULT-VALUE}).")
  PageDetection pageDetect;

  LoadOptions load() {
    return new LoadOptions(dpi, maxPixels);
  }

  ReadOptions read() {
    return new ReadOptions(minConfidence, pageDetect);
  }

  /** auto, on or off, in any case; anything else is a usage error. */
  static final class PageDetectionConverter
      implements picocli.CommandLine.ITypeConverter<PageDetection> {
    @Override
    public PageDetection convert(String value) {
      try {
        return PageDetection.valueOf(value.toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        throw new picocli.CommandLine.TypeConversionException(
            "'" + value + "' is not auto, on or off");
      }
    }
  }
}
