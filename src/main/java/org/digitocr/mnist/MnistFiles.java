package org.digitocr.mnist;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Finds and loads the four MNIST IDX files in a folder, raw or gzipped. */
public final class MnistFiles {
  public static final Path DEFAULT_DIR = Path.of("data", "mnist");

  private MnistFiles() {}

  public static MnistSet train(Path dir) throws IOException {
    return load(dir, "train-images-idx3-ubyte", "train-labels-idx1-ubyte");
  }

  public static MnistSet test(Path dir) throws IOException {
    return load(dir, "t10k-images-idx3-ubyte", "t10k-labels-idx1-ubyte");
  }

  public static Path imagesFile(Path dir, boolean train) throws IOException {
    return find(dir, train ? "train-images-idx3-ubyte" : "t10k-images-idx3-ubyte");
  }

  private static MnistSet load(Path dir, String images, String labels) throws IOException {
    Path imagesFile = find(dir, images);
    Path labelsFile = find(dir, labels);
    try {
      return MnistSet.of(IdxReader.readImages(imagesFile), IdxReader.readLabels(labelsFile));
    } catch (IllegalArgumentException e) {
      throw new IdxFormatException(imagesFile, e.getMessage());
    }
  }

  private static Path find(Path dir, String name) throws IOException {
    if (!Files.isDirectory(dir)) {
      throw new IdxFormatException(
          dir, "no such folder; run scripts/fetch-mnist.sh to download MNIST into data/mnist");
    }
    for (String candidate : new String[] {name, name + ".gz"}) {
      Path file = dir.resolve(candidate);
      if (Files.isRegularFile(file)) {
        return file;
      }
    }
    throw new IdxFormatException(
        dir.resolve(name), "MNIST file missing; run scripts/fetch-mnist.sh to download it");
  }
}
