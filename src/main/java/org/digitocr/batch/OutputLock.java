package org.digitocr.batch;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Keeps a second run from writing into an output folder while one is at work in it. The operating
 * system drops the lock when the holding process ends in any way (kill -9 included), so a lock is
 * never stale; the lock file itself stays and only carries the holder's pid for the message.
 */
public final class OutputLock implements AutoCloseable {
  public static final String FILE_NAME = ".digit-ocr.lock";

  private final FileChannel channel;
  private final FileLock lock;

  private OutputLock(FileChannel channel, FileLock lock) {
    this.channel = channel;
    this.lock = lock;
  }

  /** Thrown when another run holds the folder. */
  public static final class LockedException extends IOException {
    LockedException(String message) {
      super(message);
    }
  }

  /**
   * Creates {@code dir} if needed and locks it, without waiting.
   *
   * @throws LockedException if another run holds it
   * @throws IOException if the folder cannot be created or written
   */
  public static OutputLock acquire(Path dir) throws IOException {
    Path file = dir.resolve(FILE_NAME);
    FileChannel channel;
    try {
      Files.createDirectories(dir);
      channel =
          FileChannel.open(
              file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
    } catch (IOException e) {
      throw new IOException("output folder " + dir + " is not writable (" + reason(e) + ")", e);
    }
    FileLock lock;
    try {
      lock = channel.tryLock();
    } catch (OverlappingFileLockException e) {
      lock = null; // held by this very process
    } catch (IOException e) {
      channel.close();
      throw new IOException("cannot lock output folder " + dir + " (" + reason(e) + ")", e);
    }
    if (lock == null) {
      String holder = holderPid(channel);
      channel.close();
      throw new LockedException(
          "output folder "
              + dir
              + " is in use by another digit-ocr run (pid "
              + holder
              + "); wait for it to end or choose another --output");
    }
    channel.truncate(0);
    channel.write(
        ByteBuffer.wrap((ProcessHandle.current().pid() + "\n").getBytes(StandardCharsets.US_ASCII)),
        0);
    channel.force(false);
    return new OutputLock(channel, lock);
  }

  @Override
  public void close() throws IOException {
    try {
      lock.release();
    } finally {
      channel.close();
    }
  }

  private static String holderPid(FileChannel channel) {
    try {
      ByteBuffer buffer = ByteBuffer.allocate(32);
      channel.read(buffer, 0);
      String pid = new String(buffer.array(), 0, buffer.position(), StandardCharsets.US_ASCII);
      return pid.isBlank() ? "unknown" : pid.strip();
    } catch (IOException e) {
      return "unknown";
    }
  }

  static String reason(IOException e) {
    String type = e.getClass().getSimpleName().replace("Exception", "");
    return e.getMessage() == null ? type : type + ": " + e.getMessage();
  }
}
