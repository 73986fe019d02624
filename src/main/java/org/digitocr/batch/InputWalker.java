package org.digitocr.batch;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Turns INPUT arguments into the files to read, in a deterministic order: arguments in the order
 * given, each folder walked recursively with entries sorted by name. Symbolic links are followed,
 * but a folder is entered only once, so a link loop ends the descent with a warning. Files that are
 * not inputs (other extensions, hidden files) are skipped and counted; the output folder is never
 * read as input. Inputs that cannot be opened at all (dangling links, FIFOs, missing arguments)
 * come back rejected, in their place in the order, so they are reported like any failed input.
 */
public final class InputWalker {
  private static final Set<String> EXTENSIONS =
      Set.of("png", "jpg", "jpeg", "tif", "tiff", "bmp", "pdf");

  /** The walk's outcome. */
  public record Walk(List<Input> inputs, int skipped, List<String> warnings) {}

  private final Path outputFolderKey;

  /**
   * @param outputFolder left out of the walk (null if there is none to leave out)
   */
  public InputWalker(Path outputFolder) {
    this.outputFolderKey = outputFolder == null ? null : folderKey(outputFolder);
  }

  public static boolean hasInputExtension(String fileName) {
    int dot = fileName.lastIndexOf('.');
    return dot >= 0 && EXTENSIONS.contains(fileName.substring(dot + 1).toLowerCase(Locale.ROOT));
  }

  public Walk walk(List<Path> arguments) {
    Run run = new Run();
    for (Path argument : arguments) {
      if (Files.isDirectory(argument)) {
        run.folder(argument, argument, new HashSet<>());
      } else if (Files.isRegularFile(argument)) {
        run.inputs.add(Input.of(argument, fileName(argument)));
      } else {
        run.inputs.add(Input.rejected(argument, argument.toString(), whyUnusable(argument)));
      }
    }
    return new Walk(List.copyOf(run.inputs), run.skipped, List.copyOf(run.warnings));
  }

  private final class Run {
    final List<Input> inputs = new ArrayList<>();
    final List<String> warnings = new ArrayList<>();
    final Set<Path> foldersSeen = new HashSet<>();
    int skipped;

    void folder(Path root, Path folder, Set<Path> ancestors) {
      Path key = folderKey(folder);
      if (key != null && ancestors.contains(key)) {
        warnings.add(folder + ": symbolic link loop back to a folder above it, not followed");
        return;
      }
      if (key != null && !foldersSeen.add(key)) {
        warnings.add(folder + ": folder already read through another path, not read twice");
        return;
      }
      List<Path> entries;
      try {
        entries = sortedEntries(folder);
      } catch (IOException e) {
        inputs.add(
            Input.rejected(
                folder, relativeName(root, folder), "folder not readable: " + e.getMessage()));
        return;
      }
      ancestors.add(key);
      for (Path entry : entries) {
        String fileName = fileName(entry);
        if (fileName.startsWith(".")) {
          skipped++;
        } else if (Files.isDirectory(entry)) {
          if (outputFolderKey == null || !outputFolderKey.equals(folderKey(entry))) {
            folder(root, entry, ancestors);
          }
        } else if (!hasInputExtension(fileName)) {
          skipped++;
        } else if (Files.isRegularFile(entry)) {
          inputs.add(Input.of(entry, relativeName(root, entry)));
        } else {
          inputs.add(Input.rejected(entry, relativeName(root, entry), whyUnusable(entry)));
        }
      }
      ancestors.remove(key);
    }
  }

  private static List<Path> sortedEntries(Path folder) throws IOException {
    List<Path> entries = new ArrayList<>();
    try (DirectoryStream<Path> stream = Files.newDirectoryStream(folder)) {
      stream.forEach(entries::add);
    }
    entries.sort((a, b) -> fileName(a).compareTo(fileName(b)));
    return entries;
  }

  private static String whyUnusable(Path path) {
    if (Files.isSymbolicLink(path)) {
      return Files.exists(path) ? "not a regular file" : "dangling symbolic link";
    }
    if (!Files.exists(path, LinkOption.NOFOLLOW_LINKS)) {
      return "no such file or folder";
    }
    return "not a regular file (a FIFO, socket or device)";
  }

  /** A folder's identity whatever the path (links included) that leads to it. */
  private static Path folderKey(Path folder) {
    try {
      return folder.toRealPath();
    } catch (IOException e) {
      return null;
    }
  }

  private static String relativeName(Path root, Path file) {
    StringBuilder name = new StringBuilder();
    for (Path part : root.relativize(file)) {
      name.append(name.length() == 0 ? "" : "/").append(part);
    }
    return name.toString();
  }

  private static String fileName(Path path) {
    return path.getFileName().toString();
  }
}
