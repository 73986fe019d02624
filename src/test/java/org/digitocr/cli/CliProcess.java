package org.digitocr.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The command line in a process of its own, for what needs a real process: signals, kill -9, two
 * runs at once. Runs the same classes as the jar, with the JVM options the launcher scripts use.
 */
final class CliProcess {
  private CliProcess() {}

  /** Starts {@code digit-ocr args...}; its output and errors go to {@code log}. */
  static Process start(Path log, String... args) throws IOException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-Xmx1g");
    // A process killed with -9 cannot delete its scratch files (PDFBox's): keep them in the test's
    // folder, not in the machine's /tmp.
    command.add("-Djava.io.tmpdir=" + log.toAbsolutePath().getParent());
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add(DigitOcr.class.getName());
    command.addAll(List.of(args));
    ProcessBuilder builder =
        new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
    builder.environment().put("LC_ALL", "C.UTF-8");
    builder.environment().put("OMP_NUM_THREADS", "1");
    return builder.start();
  }

  /** Runs {@code digit-ocr args...} to the end and returns its exit status. */
  static int run(Path log, String... args) throws IOException, InterruptedException {
    Process process = start(log, args);
    if (!process.waitFor(5, TimeUnit.MINUTES)) {
      process.destroyForcibly();
      throw new IOException("digit-ocr " + String.join(" ", args) + " did not end in 5 minutes");
    }
    return process.exitValue();
  }
}
