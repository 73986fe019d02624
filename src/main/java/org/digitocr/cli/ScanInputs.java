package org.digitocr.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The inputs of a scan: files as given, folders walked recursively in sorted order keeping the
 * files whose extension is an input's. Each input gets its name for the results (relative to the
 * argument it came from; the bare file name for a file argument) and a base name for its output
 * files, unique within the scan.
 */
final class ScanInputs {
  static final Set<String> EXTENSIONS = Set.of("png", "jpg", "jpeg", "tif", "tiff", "bmp", "pdf");

  /**
   * @param name as it goes into the results
   * @param outputBase where its outputs go, relative to the output folder, without extension
   */
  record Input(Path path, String name, String outputBase) {}

  private final List<Input> inputs = new ArrayList<>();
  private final Set<String> bases = new HashSet<>();
  private int skipped;

  static ScanInputs of(List<Path> arguments) throws IOException {
    ScanInputs found = new ScanInputs();
    for (Path argument : arguments) {
      if (Files.isDirectory(argument)) {
        found.walk(argument);
      } else {
        found.add(argument, argument.getFileName().toString());
      }
    }
    return found;
  }

  List<Input> inputs() {
    return inputs;
  }

  /** Files in the folders that are not inputs. */
  int skipped() {
    return skipped;
  }

  private void walk(Path folder) throws IOException {
    try (Stream<Path> files = Files.walk(folder)) {
      List<Path> sorted = files.filter(Files::isRegularFile).sorted().toList();
      for (Path file : sorted) {
        if (EXTENSIONS.contains(extension(file.getFileName().toString()))) {
          add(file, slashes(folder.relativize(file)));
        } else {
          skipped++;
        }
      }
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
  }

  private void add(Path file, String name) {
    String stem = name.contains(".") ? name.substring(0, name.lastIndexOf('.')) : name;
    // Outputs are named after the stem (form.png: form.txt) unless another input took it
    // (form.pdf beside form.png: form.pdf.txt), case-insensitively for case-blind file systems.
    String base = stem;
    if (!bases.add(base.toLowerCase(Locale.ROOT))) {
      base = name;
      for (int n = 2; !bases.add(base.toLowerCase(Locale.ROOT)); n++) {
        base = name + "-" + n;
      }
    }
    inputs.add(new Input(file, name, base));
  }

  static String extension(String name) {
    int dot = name.lastIndexOf('.');
    return dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
  }

  private static String slashes(Path relative) {
    return relative.toString().replace('\\', '/');
  }
}
