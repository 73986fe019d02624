package org.digitocr.output;

import java.io.BufferedOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.UUID;

/**
 * Writes files so that readers, and a rerun after a crash, only ever see the complete old or the
 * complete new version: the bytes go to a temporary file in the target's folder, are flushed to
 * disk, and the temporary file is renamed over the target.
 *
 * <p>Temporary files are named {@code .partial-<random>-<name>}; they keep the target's extension
 * for writers that choose the format by name. A run killed between creating and renaming one leaves
 * it behind, so a run that holds the output folder's lock removes them first ({@link
 * #removeLeftovers}).
 */
public final class AtomicFiles {
  static final String TEMP_PREFIX = ".partial-";
  private static final int MAX_NAME_CHARS = 120;

  private AtomicFiles() {}

  /** Produces a file's content on a stream; closing the stream is allowed and harmless. */
  @FunctionalInterface
  public interface StreamWriter {
    void writeTo(OutputStream out) throws IOException;
  }

  /** Produces a file's content at a path it is given (for libraries that only write to paths). */
  @FunctionalInterface
  public interface PathWriter {
    void writeTo(Path file) throws IOException;
  }

  public static void write(Path target, StreamWriter writer) throws IOException {
    Path temp = newTempFile(target);
    try {
      try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
        OutputStream out = new BufferedOutputStream(Channels.newOutputStream(channel), 1 << 16);
        writer.writeTo(new UncloseableStream(out));
        out.flush();
        channel.force(true);
      }
      moveIntoPlace(temp, target);
    } finally {
      Files.deleteIfExists(temp);
    }
  }

  public static void writeViaPath(Path target, PathWriter writer) throws IOException {
    Path temp = newTempFile(target);
    try {
      writer.writeTo(temp);
      try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
        channel.force(true);
      }
      moveIntoPlace(temp, target);
    } finally {
      Files.deleteIfExists(temp);
    }
  }

  public static void write(Path target, byte[] bytes) throws IOException {
    write(target, out -> out.write(bytes));
  }

  public static void writeString(Path target, String text) throws IOException {
    write(target, text.getBytes(StandardCharsets.UTF_8));
  }

  /**
   * Deletes the temporary files a killed run left anywhere under {@code dir}. Call only while
   * holding the folder's lock: another run's temporary files are not leftovers.
   *
   * @return how many were deleted
   */
  public static int removeLeftovers(Path dir) throws IOException {
    if (!Files.isDirectory(dir)) {
      return 0;
    }
    int[] removed = {0};
    Files.walkFileTree(
        dir,
        new SimpleFileVisitor<>() {
          @Override
          public FileVisitResult visitFile(Path file, BasicFileAttributes attrs)
              throws IOException {
            if (isTempFile(file)) {
              Files.deleteIfExists(file);
              removed[0]++;
            }
            return FileVisitResult.CONTINUE;
          }
        });
    return removed[0];
  }

  static boolean isTempFile(Path file) {
    return file.getFileName().toString().startsWith(TEMP_PREFIX);
  }

  private static Path newTempFile(Path target) throws IOException {
    Path dir = target.toAbsolutePath().getParent();
    Files.createDirectories(dir);
    String name = target.getFileName().toString();
    if (name.length() > MAX_NAME_CHARS) {
      name = name.substring(name.length() - MAX_NAME_CHARS);
    }
    Path temp =
        dir.resolve(TEMP_PREFIX + UUID.randomUUID().toString().substring(0, 8) + "-" + name);
    // Not Files.createTempFile: that makes the file private (0600), and the rename keeps the mode.
    Files.newByteChannel(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE).close();
    return temp;
  }

  private static void moveIntoPlace(Path temp, Path target) throws IOException {
    Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    syncFolder(target.toAbsolutePath().getParent());
  }

  /** Makes the rename itself durable; folders cannot be opened for syncing on every platform. */
  private static void syncFolder(Path dir) {
    try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
      channel.force(true);
    } catch (IOException | UnsupportedOperationException e) {
      // The file's own content is already on disk; only the rename may be replayed after a crash.
    }
  }

  /** Lets writers that close their stream (Jackson, ImageIO) run before the channel is synced. */
  private static final class UncloseableStream extends FilterOutputStream {
    UncloseableStream(OutputStream out) {
      super(out);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      out.write(b, off, len);
    }

    @Override
    public void close() throws IOException {
      flush();
    }
  }
}
