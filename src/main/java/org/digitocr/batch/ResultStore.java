package org.digitocr.batch;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.digitocr.output.AtomicFiles;
import org.digitocr.pipeline.PageResult;

/**
 * What was read in each input, kept in the output folder between runs ({@code .digit-ocr/results/
 * NAME.json}), so that the aggregate files (digits.csv, lines.csv, report.json, index.html) can be
 * rebuilt in input order at the end of every run, inputs skipped as unchanged included, without
 * holding all pages in memory.
 */
public final class ResultStore {
  public static final String FOLDER = ".digit-ocr/results";
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final TypeReference<List<PageResult>> PAGES = new TypeReference<>() {};

  private final Path dir;

  public ResultStore(Path outputDir) {
    this.dir = outputDir;
  }

  /** The store's file for an input, relative to the output folder. */
  public static String relativePath(String input) {
    return FOLDER + "/" + input + ".json";
  }

  /**
   * @return the file written, relative to the output folder
   */
  public String write(String input, List<PageResult> pages) throws IOException {
    String relative = relativePath(input);
    AtomicFiles.write(dir.resolve(relative), out -> JSON.writeValue(out, pages));
    return relative;
  }

  public List<PageResult> read(String input) throws IOException {
    return JSON.readValue(dir.resolve(relativePath(input)).toFile(), PAGES);
  }
}
