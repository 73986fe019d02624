package org.digitocr.cli;

import java.nio.file.Path;
import org.digitocr.mnist.MnistFiles;
import picocli.CommandLine.Option;

/** {@code --data}: the folder holding MNIST's IDX files. */
public final class MnistDataOption {
  @Option(
      names = "--data",
      paramLabel = "DIR",
      description =
          "Folder with the MNIST IDX files, raw or .gz (default: ${DEFAULT-VALUE}; fetch them"
              + " with scripts/fetch-mnist.sh).")
  Path dir = MnistFiles.DEFAULT_DIR;

  public Path dir() {
    return dir;
  }
}
