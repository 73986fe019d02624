package org.digitocr.batch;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.digitocr.model.ModelStore;
import org.digitocr.output.AnnotatedPage;
import org.digitocr.output.AtomicFiles;
import org.digitocr.output.CsvTableWriter;
import org.digitocr.output.Failure;
import org.digitocr.output.OutputFormat;
import org.digitocr.output.SearchablePdf;
import org.digitocr.output.Transcript;
import org.digitocr.page.Page;
import org.digitocr.pipeline.PageResult;
import org.opencv.core.MatOfByte;
import org.opencv.core.MatOfInt;
import org.opencv.imgcodecs.Imgcodecs;

/**
 * The files {@code scan} writes, named after each input's path relative to its INPUT argument:
 * {@code NAME.txt} (transcript), {@code NAME.pN.png} (annotated page N), {@code NAME.ocr.pdf}
 * (searchable PDF), and over all inputs {@code digits.csv}, {@code lines.csv}, {@code report.json}.
 * Keeping the input's full name (extension included) means {@code a.png} and {@code a.pdf} never
 * overwrite each other's results.
 */
public final class ScanOutputs implements OutputWriters {
  public static final String REPORT_FILE = "report.json";

  /** Page images wait here, JPEG-compressed, until their input's PDF is assembled. */
  private static final String PDF_PAGES = ".digit-ocr/pdf-pages";

  private static final int PDF_JPEG_QUALITY = 90;

  private final Path output;
  private final Set<OutputFormat> formats;
  private final int assumedDpi;
  private final Map<String, Object> settings;
  private final Map<Path, Double> pageDpi = new ConcurrentHashMap<>();

  /**
   * @param assumedDpi the resolution of images that do not state theirs (sets PDF page sizes)
   * @param settings how the run was made, recorded in report.json
   */
  public ScanOutputs(
      Path output, Set<OutputFormat> formats, int assumedDpi, Map<String, Object> settings) {
    this.output = output;
    this.formats = Set.copyOf(formats);
    this.assumedDpi = assumedDpi;
    this.settings = new LinkedHashMap<>(settings);
  }

  /** Page images staged by a run that was stopped or killed are of no use to this one. */
  @Override
  public void start() throws IOException {
    Path staged = output.resolve(PDF_PAGES);
    if (Files.isDirectory(staged)) {
      try (Stream<Path> files = Files.walk(staged)) {
        for (Path file : files.filter(Files::isRegularFile).toList()) {
          Files.deleteIfExists(file);
        }
      }
    }
  }

  @Override
  public void abandon(Input input, int pageCount) throws IOException {
    for (int page = 1; page <= pageCount; page++) {
      Path staged = pdfPage(input, page);
      pageDpi.remove(staged);
      Files.deleteIfExists(staged);
    }
  }

  @Override
  public List<String> writePage(Input input, int pageCount, PageResult result, Page page)
      throws IOException {
    List<String> written = new ArrayList<>();
    if (formats.contains(OutputFormat.PNG)) {
      String name = pageImage(input, pageCount, result.page());
      AnnotatedPage.write(output.resolve(name), page.image(), result);
      written.add(name);
    }
    if (formats.contains(OutputFormat.PDF)) {
      Path pending = pdfPage(input, result.page());
      MatOfByte jpeg = new MatOfByte();
      try {
        Imgcodecs.imencode(
            ".jpg",
            page.image(),
            jpeg,
            new MatOfInt(Imgcodecs.IMWRITE_JPEG_QUALITY, PDF_JPEG_QUALITY));
        AtomicFiles.write(pending, jpeg.toArray());
        pageDpi.put(pending, page.dpiOr(assumedDpi));
      } finally {
        jpeg.release();
      }
    }
    return written;
  }

  @Override
  public List<String> writeInput(Input input, int pageCount, List<PageResult> pages)
      throws IOException {
    List<String> written = new ArrayList<>();
    if (formats.contains(OutputFormat.TXT)) {
      String name = input.name() + ".txt";
      Transcript.write(output.resolve(name), pages);
      written.add(name);
    }
    if (formats.contains(OutputFormat.PDF)) {
      String name = input.name() + ".ocr.pdf";
      try (SearchablePdf pdf = new SearchablePdf()) {
        for (PageResult page : pages) {
          Path pending = pdfPage(input, page.page());
          pdf.addJpegPage(
              Files.readAllBytes(pending),
              page,
              pageDpi.getOrDefault(pending, (double) assumedDpi));
        }
        pdf.save(output.resolve(name));
      } finally {
        for (PageResult page : pages) {
          Path pending = pdfPage(input, page.page());
          pageDpi.remove(pending);
          Files.deleteIfExists(pending);
        }
      }
      written.add(name);
    }
    return written;
  }

  @Override
  public String pageImage(Input input, int pageCount, int page) {
    return formats.contains(OutputFormat.PNG) ? input.name() + ".p" + page + ".png" : null;
  }

  @Override
  public void writeAggregates(
      Iterable<PageResult> pages, RunStats.Snapshot stats, List<Failure> failures)
      throws IOException {
    if (formats.contains(OutputFormat.CSV)) {
      CsvTableWriter.writeDigits(output.resolve(CsvTableWriter.DIGITS_FILE), pages);
      CsvTableWriter.writeLines(output.resolve(CsvTableWriter.LINES_FILE), pages);
    }
    if (formats.contains(OutputFormat.JSON)) {
      Map<String, Object> report = new LinkedHashMap<>();
      report.put("inputs", stats.inputs());
      report.put("processed", stats.processed());
      report.put("skipped", stats.skipped());
      report.put("failed", stats.failed());
      report.put("pages", stats.pages());
      report.put("digits", stats.digits());
      report.put("uncertain_digits", stats.uncertain());
      report.put("seconds", stats.seconds());
      report.put("pages_per_second", stats.pagesPerSecond());
      report.put("settings", settings);
      report.put("failures", failures);
      AtomicFiles.write(
          output.resolve(REPORT_FILE), out -> ModelStore.json().writeValue(out, report));
    }
  }

  private Path pdfPage(Input input, int page) {
    return output.resolve(PDF_PAGES).resolve(input.name() + ".p" + page + ".jpg");
  }
}
