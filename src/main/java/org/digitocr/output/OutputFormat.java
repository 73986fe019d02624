package org.digitocr.output;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/** What {@code scan --format} can ask for. */
public enum OutputFormat {
  /** digits.csv and lines.csv over all inputs. */
  CSV,
  /** A transcript per input. */
  TXT,
  /** An annotated image per page. */
  PNG,
  /** A searchable PDF per input: page images with an invisible text layer. */
  PDF,
  /** report.json over the run. */
  JSON;

  public static final Set<OutputFormat> ALL = EnumSet.allOf(OutputFormat.class);

  public static OutputFormat parse(String name) {
    try {
      return valueOf(name.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "unknown format '" + name + "' (choose from csv, txt, png, pdf, json)");
    }
  }
}
