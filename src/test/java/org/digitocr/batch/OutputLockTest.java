package org.digitocr.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OutputLockTest {
  @TempDir Path dir;

  @Test
  void aSecondRunFailsAtOnceNamingTheFolderAndTheHoldersPid() throws Exception {
    Path out = dir.resolve("night run");
    Process holder = startHolder(out);
    try {
      long start = System.nanoTime();
      OutputLock.LockedException locked =
          assertThrows(OutputLock.LockedException.class, () -> OutputLock.acquire(out));
      assertTrue(System.nanoTime() - start < TimeUnit.SECONDS.toNanos(2), "must not wait");
      assertTrue(locked.getMessage().contains(out.toString()), locked.getMessage());
      assertTrue(locked.getMessage().contains("pid " + holder.pid() + ")"), locked.getMessage());
    } finally {
      holder.destroyForcibly().waitFor();
    }
    // The holder died by SIGKILL; the system released its lock.
    try (OutputLock lock = OutputLock.acquire(out)) {
      assertEquals(ProcessHandle.current().pid() + "\n", lockFileText(out));
    }
  }

  @Test
  void theLockIsFreeAgainAfterClose() throws IOException {
    try (OutputLock lock = OutputLock.acquire(dir)) {
      assertThrows(OutputLock.LockedException.class, () -> OutputLock.acquire(dir));
    }
    OutputLock.acquire(dir).close();
  }

  @Test
  void anOutputFolderThatCannotBeCreatedIsReportedByName() throws IOException {
    Path file = Files.writeString(dir.resolve("a file"), "x");
    Path out = file.resolve("out");
    IOException e = assertThrows(IOException.class, () -> OutputLock.acquire(out));
    assertTrue(
        e.getMessage().startsWith("output folder " + out + " is not writable ("), e.getMessage());
  }

  private static String lockFileText(Path out) throws IOException {
    return Files.readString(out.resolve(OutputLock.FILE_NAME));
  }

  /** Runs {@link Holder} in another JVM and waits until it holds the lock. */
  private static Process startHolder(Path out) throws IOException {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Process process =
        new ProcessBuilder(
                java,
                "-cp",
                System.getProperty("java.class.path"),
                Holder.class.getName(),
                out.toString())
            .redirectErrorStream(true)
            .start();
    BufferedReader lines =
        new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
    String line = lines.readLine();
    if (!"locked".equals(line)) {
      process.destroyForcibly();
      throw new IOException("holder process said: " + line);
    }
    return process;
  }

  /** Holds the lock on its argument until killed. */
  public static final class Holder {
    public static void main(String[] args) throws Exception {
      OutputLock lock = OutputLock.acquire(Path.of(args[0]));
      System.out.println("locked");
      System.out.flush();
      Thread.sleep(TimeUnit.MINUTES.toMillis(5));
      lock.close();
    }
  }
}
