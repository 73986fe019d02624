package org.digitocr.output;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Function;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.digitocr.pipeline.PageResult;

/** Writes {@code digits.csv} or {@code lines.csv} over many pages, atomically. */
public final class CsvTableWriter {
  public static final String DIGITS_FILE = "digits.csv";
  public static final String LINES_FILE = "lines.csv";

  private CsvTableWriter() {}

  public static void writeDigits(Path file, Iterable<PageResult> pages) throws IOException {
    write(file, ResultTables.DIGITS_HEADER, pages, ResultTables::digitRows);
  }

  public static void writeLines(Path file, Iterable<PageResult> pages) throws IOException {
    write(file, ResultTables.LINES_HEADER, pages, ResultTables::lineRows);
  }

  private static void write(
      Path file,
      List<String> header,
      Iterable<PageResult> pages,
      Function<PageResult, List<List<Object>>> rows)
      throws IOException {
    CSVFormat format =
        CSVFormat.DEFAULT
            .builder()
            .setHeader(header.toArray(String[]::new))
            .setRecordSeparator('\n')
            .get();
    AtomicFiles.write(
        file,
        out -> {
          Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
          CSVPrinter csv = new CSVPrinter(writer, format);
          for (PageResult page : pages) {
            csv.printRecords(rows.apply(page));
          }
          csv.flush();
        });
  }
}
