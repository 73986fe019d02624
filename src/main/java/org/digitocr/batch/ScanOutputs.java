package org.digitocr.batch;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import org.digitocr.output.CsvTableWriter;
import org.digitocr.output.Failure;
import org.digitocr.output.PageAnnotator;
import org.digitocr.output.PngWriter;
import org.digitocr.output.SearchablePdfWriter;
import org.digitocr.output.TranscriptWriter;
import org.digitocr.pipeline.PageResult;
import org.opencv.core.Mat;

/**
 * The files {@code scan} writes, by format: per input a transcript ({@code txt}), an annotated
 * image per page ({@code png}) and a searchable PDF ({@code pdf}); over all inputs {@code
 * digits.csv} and {@code lines.csv} ({@code csv}).
 *
 * <p>An input's files are named after it without its extension ({@code scans/form.png} gives {@code
 * scans/form.txt}, {@code scans/form-page1.png}); if two inputs would share a name, the later one
 * keeps its extension ({@code scans/form.pdf.txt}).
 */
public final class ScanOutputs implements OutputWriters {
  /** The formats {@code --format} accepts. */
  public enum Format {
    CSV,
    TXT,
    PNG,
    PDF,
    JSON
  }

  private final Path dir;
  private final Set<Format> formats;
  private final int dpi;
  private final Map<String, String> bases = new HashMap<>();
  private final Map<String, PdfAssembly> pdfs = new ConcurrentHashMap<>();

  /**
   * @param dpi the resolution pages are shown at in the PDFs
   */
  public ScanOutputs(Path dir, Set<Format> formats, int dpi) {
    this.dir = dir;
    this.formats = Set.copyOf(formats);
    this.dpi = dpi;
  }

  @Override
  public void plan(List<Input> inputs) {
    Set<String> taken = new HashSet<>();
    for (Input input : inputs) {
      String name = input.name();
      String base =
          name.lastIndexOf('.') > name.lastIndexOf('/')
              ? name.substring(0, name.lastIndexOf('.'))
              : name;
      // Case-blind file systems must not see two inputs' files as one either.
      if (!taken.add(base.toLowerCase(Locale.ROOT))) {
        base = name;
        for (int n = 2; !taken.add(base.toLowerCase(Locale.ROOT)); n++) {
          base = name + "-" + n;
        }
      }
      bases.put(name, base);
    }
  }

  @Override
  public List<String> writePage(Input input, int pageCount, PageResult page, Mat image)
      throws IOException {
    List<String> written = new ArrayList<>();
    if (formats.contains(Format.PNG)) {
      String png = pageImage(input, pageCount, page.page());
      Mat annotated = PageAnnotator.annotate(image, page);
      try {
        PngWriter.write(dir.resolve(png), annotated);
      } finally {
        annotated.release();
      }
      written.add(png);
    }
    if (formats.contains(Format.PDF)) {
      pdfs.computeIfAbsent(input.name(), name -> new PdfAssembly()).add(page, image);
    }
    return written;
  }

  @Override
  public void pageFailed(Input input, int pageCount, int page) {
    PdfAssembly pdf = pdfs.get(input.name());
    if (pdf != null) {
      pdf.skip(page);
    }
  }

  @Override
  public void abandon(Input input) {
    PdfAssembly pdf = pdfs.remove(input.name());
    if (pdf != null) {
      pdf.close();
    }
  }

  @Override
  public List<String> writeInput(Input input, int pageCount, List<PageResult> pages)
      throws IOException {
    List<String> written = new ArrayList<>();
    String base = base(input);
    if (formats.contains(Format.TXT)) {
      TranscriptWriter.write(dir.resolve(base + ".txt"), pages);
      written.add(base + ".txt");
    }
    PdfAssembly pdf = pdfs.remove(input.name());
    if (pdf != null) {
      try {
        pdf.save(dir.resolve(base + ".pdf"));
      } finally {
        pdf.close();
      }
      written.add(base + ".pdf");
    }
    return written;
  }

  @Override
  public String pageImage(Input input, int pageCount, int page) {
    return formats.contains(Format.PNG) ? base(input) + "-page" + page + ".png" : null;
  }

  @Override
  public void writeAggregates(
      Iterable<PageResult> pages, RunStats.Snapshot stats, List<Failure> failures)
      throws IOException {
    if (formats.contains(Format.CSV)) {
      CsvTableWriter.writeDigits(dir.resolve(CsvTableWriter.DIGITS_FILE), pages);
      CsvTableWriter.writeLines(dir.resolve(CsvTableWriter.LINES_FILE), pages);
    }
  }

  private String base(Input input) {
    String base = bases.get(input.name());
    if (base == null) {
      throw new IllegalStateException(input.name() + " was not planned");
    }
    return base;
  }

  /**
   * One input's searchable PDF, built while its pages are read. Workers finish pages in any order;
   * the PDF takes them in page order, so a page that arrives early waits (as a copy) for the ones
   * before it.
   */
  private final class PdfAssembly {
    private SearchablePdfWriter pdf;
    private int next = 1;
    private final TreeMap<Integer, Waiting> early = new TreeMap<>();
    private IOException failure;

    private record Waiting(PageResult page, Mat image) {}

    synchronized void add(PageResult page, Mat image) throws IOException {
      if (page.page() != next) {
        early.put(page.page(), new Waiting(page, image.clone()));
        return;
      }
      append(page, image);
      next++;
      drain();
    }

    /** A failed page: the pages after it need not wait; a failure here is reported by save. */
    synchronized void skip(int page) {
      early.put(page, new Waiting(null, null));
      try {
        drain();
      } catch (IOException e) {
        failure = e;
      }
    }

    private void drain() throws IOException {
      while (!early.isEmpty() && early.firstKey() == next) {
        Waiting waiting = early.pollFirstEntry().getValue();
        if (waiting.page() != null) {
          append(waiting.page(), waiting.image());
          waiting.image().release();
        }
        next++;
      }
    }

    private void append(PageResult page, Mat image) throws IOException {
      if (pdf == null) {
        pdf = new SearchablePdfWriter();
      }
      pdf.addPage(image, page, dpi);
    }

    synchronized void save(Path file) throws IOException {
      if (failure != null) {
        throw failure;
      }
      while (!early.isEmpty()) {
        Waiting waiting = early.pollFirstEntry().getValue();
        if (waiting.page() != null) {
          append(waiting.page(), waiting.image());
          waiting.image().release();
        }
      }
      pdf.save(file);
    }

    synchronized void close() {
      early.values().stream().filter(w -> w.image() != null).forEach(w -> w.image().release());
      early.clear();
      if (pdf != null) {
        try {
          pdf.close();
        } catch (IOException e) {
          // Only memory is held; nothing on disk depends on closing it.
        }
      }
    }
  }
}
