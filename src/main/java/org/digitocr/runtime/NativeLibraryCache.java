package org.digitocr.runtime;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.net.URLConnection;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Native libraries unpacked from a jar once, into a cache folder, instead of on every start: org.
 * openpnp's {@code OpenCV.loadLocally()} inflates its 65 MB library into a new temporary folder
 * each time, 0.2 s of every start-up (JavaCPP keeps ND4J's in {@code ~/.javacpp/cache} the same
 * way). A copy is named by the entry's size and time, so another version of the jar gets its own;
 * it is written under a temporary name and moved into place, so a half-written copy is never
 * loaded, even with several processes starting at once.
 */
final class NativeLibraryCache {
  private final Path dir;

  NativeLibraryCache(Path dir) {
    this.dir = dir;
  }

  /** The default folder: {@code $XDG_CACHE_HOME/digit-ocr}, else {@code ~/.cache/digit-ocr}. */
  static NativeLibraryCache inUserCache() {
    String xdg = System.getenv("XDG_CACHE_HOME");
    Path base =
        xdg != null && !xdg.isBlank()
            ? Path.of(xdg)
            : Path.of(System.getProperty("user.home"), ".cache");
    return new NativeLibraryCache(base.resolve("digit-ocr"));
  }

  Path folder() {
    return dir;
  }

  /**
   * The cached copy of {@code library}, unpacked first if this version is not there yet or its copy
   * lost bytes.
   */
  Path unpacked(URL library) throws IOException {
    URLConnection connection = library.openConnection();
    String path = library.getPath();
    String name = path.substring(path.lastIndexOf('/') + 1);
    long size = connection.getContentLengthLong();
    Path copy = dir.resolve(size + "-" + connection.getLastModified() + "/" + name);
    if (Files.isRegularFile(copy) && Files.size(copy) == size) {
      return copy;
    }
    Files.createDirectories(copy.getParent());
    Path partial = Files.createTempFile(copy.getParent(), name, ".partial");
    try (InputStream in = connection.getInputStream()) {
      Files.copy(in, partial, StandardCopyOption.REPLACE_EXISTING);
      Files.move(partial, copy, StandardCopyOption.ATOMIC_MOVE);
    } finally {
      Files.deleteIfExists(partial);
    }
    return copy;
  }
}
