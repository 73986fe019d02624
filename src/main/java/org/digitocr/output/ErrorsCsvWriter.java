package org.digitocr.output;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/** {@code errors.csv}: one row per failed input or page; written even when empty. */
public final class ErrorsCsvWriter {
  public static final String FILE_NAME = "errors.csv";
  private static final CSVFormat FORMAT =
      CSVFormat.DEFAULT
          .builder()
          .setHeader("file", "page", "kind", "message")
          .setRecordSeparator('\n')
          .get();

  private ErrorsCsvWriter() {}

  public static void write(Path dir, List<Failure> failures) throws IOException {
    AtomicFiles.write(
        dir.resolve(FILE_NAME),
        out -> {
          Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
          try (CSVPrinter csv = new CSVPrinter(writer, FORMAT)) {
            for (Failure failure : failures) {
              csv.printRecord(
                  failure.file(),
                  failure.page() > 0 ? failure.page() : "",
                  failure.kind(),
                  failure.message());
            }
          }
        });
  }
}
