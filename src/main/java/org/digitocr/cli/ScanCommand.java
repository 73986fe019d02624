package org.digitocr.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;
import org.digitocr.model.DigitClassifier;
import org.digitocr.output.AnnotatedPage;
import org.digitocr.output.ResultCsv;
import org.digitocr.output.ScanReport;
import org.digitocr.output.SearchablePdf;
import org.digitocr.output.Transcript;
import org.digitocr.page.LoadOptions;
import org.digitocr.page.Page;
import org.digitocr.page.PageLoader;
import org.digitocr.page.PageSource;
import org.digitocr.pipeline.ErrorKind;
import org.digitocr.pipeline.InputException;
import org.digitocr.pipeline.PageReader;
import org.digitocr.pipeline.PageResult;
import org.digitocr.pipeline.ReadOptions;
import org.digitocr.runtime.Natives;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(
    name = "scan",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = {
      "Read the handwritten digits on scanned pages, photos and PDFs.",
      "Writes DIR/digits.csv and DIR/lines.csv (all inputs), per input a .txt transcript, an"
          + " annotated PNG per page and a searchable PDF, and DIR/report.json.",
      "An input that cannot be read gets a one-line error; the others are still read.",
      "Exit status: 0 all read, 1 some inputs failed, 2 bad usage, 3 nothing could run."
    })
public final class ScanCommand implements Callable<Integer> {
  /** Exit status when some inputs could not be read. */
  public static final int EXIT_SOME_FAILED = 1;

  static final List<String> FORMATS = List.of("csv", "txt", "png", "pdf", "json");

  @Spec CommandSpec spec;

  @Parameters(
      paramLabel = "INPUT",
      arity = "1..*",
      description = "Images (PNG, JPEG, TIFF, BMP), PDFs, or folders of them (walked recursively).")
  List<Path> arguments;

  @Option(
      names = "--output",
      paramLabel = "DIR",
      defaultValue = "output",
      description = "Folder for the results (default: ${DEFAULT-VALUE}).")
  Path output;

  @Option(
      names = "--format",
      split = ",",
      paramLabel = "FORMAT",
      defaultValue = "csv,txt,png,pdf,json",
      description = "Which results to write, of csv,txt,png,pdf,json (default: all).")
  List<String> formats;

  @Option(
      names = "--dpi",
      defaultValue = "300",
      description =
          "Resolution PDF pages are rendered at; also the assumed resolution of images that do"
              + " not state one (default: ${DEFAULT-VALUE}).")
  int dpi;

  @Option(
      names = "--min-confidence",
      defaultValue = "" + ReadOptions.DEFAULT_MIN_CONFIDENCE,
      description =
          "Digits the classifier is less sure of are marked uncertain: ? in transcripts, orange"
              + " in annotated pages (default: ${DEFAULT-VALUE}).")
  float minConfidence;

  @Mixin ModelOption model;

  private final List<PageResult> results = new ArrayList<>();
  private final List<ScanReport.Failure> failures = new ArrayList<>();
  private final List<String> warnings = new ArrayList<>();

  @Override
  public Integer call() throws Exception {
    long start = System.nanoTime();
    Set<String> wanted = formats();
    if (dpi < 10 || dpi > 2400) {
      throw new ParameterException(spec.commandLine(), "--dpi must be between 10 and 2400");
    }
    if (!(minConfidence >= 0 && minConfidence <= 1)) {
      throw new ParameterException(spec.commandLine(), "--min-confidence must be in [0, 1]");
    }
    Natives.loadOpenCv();
    Natives.configureNd4j();
    DigitClassifier classifier = model.load();
    Files.createDirectories(output);
    ScanInputs found = ScanInputs.of(arguments);
    PageReader reader = new PageReader(classifier, new ReadOptions(minConfidence));
    LoadOptions loading = LoadOptions.DEFAULT.withDpi(dpi);
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    for (ScanInputs.Input input : found.inputs()) {
      try {
        List<PageResult> pages = scan(input, reader, loading, wanted);
        results.addAll(pages);
        long digits = pages.stream().mapToLong(p -> p.digits().size()).sum();
        long uncertain = pages.stream().mapToLong(PageResult::uncertainDigits).sum();
        out.printf(
            "%s: %d page%s, %d digits, %d uncertain%n",
            input.name(), pages.size(), pages.size() == 1 ? "" : "s", digits, uncertain);
      } catch (InputException e) {
        err.println("digit-ocr: " + e.getMessage());
        failures.add(new ScanReport.Failure(input.name(), e.kind().name(), e.getMessage()));
      }
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    if (wanted.contains("csv")) {
      ResultCsv.writeDigits(output.resolve("digits.csv"), results);
      ResultCsv.writeLines(output.resolve("lines.csv"), results);
    }
    ScanReport report = report(found, seconds, wanted);
    if (wanted.contains("json")) {
      report.write(output.resolve("report.json"));
    }
    out.printf(
        Locale.ROOT,
        "Read %d of %d inputs (%d pages, %d digits, %d uncertain) in %.1f s, %.2f pages/s;"
            + " %d failed, %d files skipped (not images or PDFs). Results in %s%n",
        found.inputs().size() - failures.size(),
        found.inputs().size(),
        report.pages(),
        report.digits(),
        report.uncertainDigits(),
        seconds,
        report.pagesPerSecond(),
        failures.size(),
        found.skipped(),
        output);
    return failures.isEmpty() ? 0 : EXIT_SOME_FAILED;
  }

  /**
   * Reads every page of one input and writes its own outputs. If a page fails, the input fails and
   * whatever it had written is removed again.
   */
  private List<PageResult> scan(
      ScanInputs.Input input, PageReader reader, LoadOptions loading, Set<String> wanted)
      throws InputException, IOException {
    List<PageResult> pages = new ArrayList<>();
    List<Path> written = new ArrayList<>();
    Path base = output.resolve(input.outputBase());
    SearchablePdf pdf = wanted.contains("pdf") ? new SearchablePdf() : null;
    boolean done = false;
    try (PageSource source = PageLoader.open(input.path(), input.name(), loading)) {
      for (int number = 1; number <= source.pageCount(); number++) {
        Page page = source.page(number);
        PageResult result = reader.read(input.name(), page);
        for (String warning : result.warnings()) {
          String note = input.name() + ", page " + number + ": " + warning;
          warnings.add(note);
          spec.commandLine().getErr().println("digit-ocr: warning: " + note);
        }
        if (wanted.contains("png")) {
          Path png = sibling(base, "-page" + number + ".png");
          written.add(png);
          AnnotatedPage.write(png, page.image(), result);
        }
        if (pdf != null) {
          pdf.addPage(page.image(), result, page.dpiOr(dpi));
        }
        page.image().release();
        pages.add(result);
      }
      checkSomethingRead(input, pages);
      if (wanted.contains("txt")) {
        Path txt = sibling(base, ".txt");
        written.add(txt);
        Transcript.write(txt, pages);
      }
      if (pdf != null) {
        Path file = sibling(base, ".pdf");
        written.add(file);
        pdf.save(file);
      }
      done = true;
      return pages;
    } finally {
      if (pdf != null) {
        pdf.close();
      }
      if (!done) {
        for (Path file : written) {
          Files.deleteIfExists(file);
        }
      }
    }
  }

  /** An input with no ink or no digits on any page failed to give what a scan is for. */
  private static void checkSomethingRead(ScanInputs.Input input, List<PageResult> pages)
      throws InputException {
    if (pages.stream().allMatch(p -> p.lines().isEmpty())) {
      boolean ink = pages.stream().anyMatch(p -> !p.warnings().contains(PageResult.NO_INK));
      throw new InputException(input.name(), ink ? ErrorKind.NO_DIGITS : ErrorKind.NO_INK);
    }
  }

  private static Path sibling(Path base, String suffix) {
    return base.resolveSibling(base.getFileName() + suffix);
  }

  private Set<String> formats() {
    Set<String> wanted = new LinkedHashSet<>();
    for (String format : formats) {
      String name = format.strip().toLowerCase(Locale.ROOT);
      if (!FORMATS.contains(name)) {
        throw new ParameterException(
            spec.commandLine(),
            "unknown format '" + format + "'; use " + String.join(",", FORMATS));
      }
      wanted.add(name);
    }
    return wanted;
  }

  private ScanReport report(ScanInputs found, double seconds, Set<String> wanted) {
    int pages = results.size();
    long digits = results.stream().mapToLong(p -> p.digits().size()).sum();
    long uncertain = results.stream().mapToLong(PageResult::uncertainDigits).sum();
    return new ScanReport(
        found.inputs().size(),
        found.skipped(),
        pages,
        digits,
        uncertain,
        failures,
        warnings,
        Math.round(seconds * 1000) / 1000.0,
        seconds > 0 ? Math.round(pages / seconds * 100) / 100.0 : 0,
        new ScanReport.Settings(model.path().toString(), dpi, minConfidence, List.copyOf(wanted)));
  }
}
