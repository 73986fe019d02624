package org.digitocr.output;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.digitocr.layout.Box;
import org.digitocr.layout.ReadDigit;
import org.digitocr.layout.ReadLine;
import org.digitocr.pipeline.PageResult;

/**
 * The two aggregate tables: {@code digits.csv}, one row per digit read, and {@code lines.csv}, one
 * row per line. Boxes are in the original image's pixels; uncertain digits keep their best guess in
 * {@code digits.csv} and show as {@code ?} in the lines' text.
 */
public final class ResultCsv {
  public static final String[] DIGITS_HEADER = {
    "file", "page", "line", "index", "digit", "confidence", "x", "y", "width", "height"
  };
  public static final String[] LINES_HEADER = {
    "file", "page", "line", "text", "confidence", "x", "y", "width", "height"
  };

  private ResultCsv() {}

  public static void writeDigits(Path file, List<PageResult> pages) throws IOException {
    AtomicFiles.write(
        file,
        out -> {
          try (CSVPrinter csv = printer(out, DIGITS_HEADER)) {
            for (PageResult page : pages) {
              for (ReadLine line : page.lines()) {
                for (ReadDigit digit : line.digits()) {
                  csv.printRecord(
                      withBox(
                          digit.box(),
                          page.file(),
                          page.page(),
                          line.number(),
                          digit.index(),
                          digit.digit(),
                          confidence(digit.confidence())));
                }
              }
            }
          }
        });
  }

  public static void writeLines(Path file, List<PageResult> pages) throws IOException {
    AtomicFiles.write(
        file,
        out -> {
          try (CSVPrinter csv = printer(out, LINES_HEADER)) {
            for (PageResult page : pages) {
              for (ReadLine line : page.lines()) {
                csv.printRecord(
                    withBox(
                        line.box(),
                        page.file(),
                        page.page(),
                        line.number(),
                        line.text(),
                        confidence(line.confidence())));
              }
            }
          }
        });
  }

  private static CSVPrinter printer(OutputStream out, String[] header) throws IOException {
    Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
    return new CSVPrinter(
        writer, CSVFormat.DEFAULT.builder().setHeader(header).setRecordSeparator('\n').get());
  }

  private static List<Object> withBox(Box box, Object... values) {
    List<Object> row = new ArrayList<>(Arrays.asList(values));
    row.addAll(List.of(box.x(), box.y(), box.width(), box.height()));
    return row;
  }

  private static String confidence(float value) {
    return String.format(Locale.ROOT, "%.4f", value);
  }
}
