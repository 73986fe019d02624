package org.digitocr.output;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.digitocr.layout.Box;
import org.digitocr.layout.ReadDigit;
import org.digitocr.layout.ReadLine;
import org.digitocr.pipeline.PageResult;

/**
 * The rows of {@code digits.csv} and {@code lines.csv}: one definition of both schemas, shared by
 * the local writers and the Spark job.
 */
public final class ResultTables {
  public static final List<String> DIGITS_HEADER =
      List.of("file", "page", "line", "index", "digit", "confidence", "x", "y", "width", "height");
  public static final List<String> LINES_HEADER =
      List.of("file", "page", "line", "text", "confidence", "x", "y", "width", "height");

  /**
   * The type of each column's values, in header order, for formats that keep types (Spark's
   * Parquet): {@link String}, {@link Integer}, or {@link BigDecimal} with {@link
   * #CONFIDENCE_DECIMALS} decimals for confidences, whose text is what the CSV files show.
   */
  public static final List<Class<?>> DIGITS_TYPES =
      List.of(
          String.class,
          Integer.class,
          Integer.class,
          Integer.class,
          Integer.class,
          BigDecimal.class,
          Integer.class,
          Integer.class,
          Integer.class,
          Integer.class);

  public static final List<Class<?>> LINES_TYPES =
      List.of(
          String.class,
          Integer.class,
          Integer.class,
          String.class,
          BigDecimal.class,
          Integer.class,
          Integer.class,
          Integer.class,
          Integer.class);

  public static final int CONFIDENCE_DECIMALS = 4;

  private ResultTables() {}

  /** One row per digit, in reading order; uncertain digits keep their best guess. */
  public static List<List<Object>> digitRows(PageResult page) {
    List<List<Object>> rows = new ArrayList<>();
    for (ReadLine line : page.lines()) {
      for (ReadDigit digit : line.digits()) {
        List<Object> row = new ArrayList<>(List.of(page.file(), page.page(), line.number()));
        row.add(digit.index());
        row.add(digit.digit());
        row.add(confidence(digit.confidence()));
        addBox(row, digit.box());
        rows.add(row);
      }
    }
    return rows;
  }

  /** One row per line, with {@code ?} for uncertain digits and spaces between numbers. */
  public static List<List<Object>> lineRows(PageResult page) {
    List<List<Object>> rows = new ArrayList<>();
    for (ReadLine line : page.lines()) {
      List<Object> row = new ArrayList<>(List.of(page.file(), page.page(), line.number()));
      row.add(line.text());
      row.add(confidence(line.confidence()));
      addBox(row, line.box());
      rows.add(row);
    }
    return rows;
  }

  private static BigDecimal confidence(float value) {
    return new BigDecimal(String.format(Locale.ROOT, "%." + CONFIDENCE_DECIMALS + "f", value));
  }

  private static void addBox(List<Object> row, Box box) {
    row.add(box.x());
    row.add(box.y());
    row.add(box.width());
    row.add(box.height());
  }
}
