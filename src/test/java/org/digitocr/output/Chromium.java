package org.digitocr.output;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Headless Chromium for the tests that check a page renders. Skips the test where no browser is
 * installed, except in CI ({@code CI=true}), where a missing browser is a failure.
 */
public final class Chromium {
  private Chromium() {}

  public static String dumpDom(Path html) throws IOException, InterruptedException {
    return new String(run(html, "--dump-dom"), StandardCharsets.UTF_8);
  }

  /** Renders the page to a PNG beside it and returns the PNG's path. */
  public static Path screenshot(Path html) throws IOException, InterruptedException {
    Path png = html.resolveSibling(html.getFileName() + ".png");
    run(html, "--screenshot=" + png, "--window-size=1200,1600");
    if (!Files.isRegularFile(png)) {
      throw new IOException("chromium wrote no screenshot");
    }
    return png;
  }

  private static byte[] run(Path html, String... action) throws IOException, InterruptedException {
    String binary = binary();
    Path profile = Files.createTempDirectory("chromium-profile");
    List<String> command = new ArrayList<>();
    command.addAll(
        List.of(
            binary,
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--no-first-run",
            "--user-data-dir=" + profile));
    command.addAll(List.of(action));
    command.add(html.toUri().toString());
    try {
      Process process =
          new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
      byte[] out = process.getInputStream().readAllBytes();
      if (!process.waitFor(60, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        throw new IOException("chromium did not finish within 60 s");
      }
      if (process.exitValue() != 0) {
        throw new IOException("chromium exited with " + process.exitValue());
      }
      return out;
    } finally {
      try (Stream<Path> files = Files.walk(profile)) {
        files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
      }
    }
  }

  private static String binary() {
    for (String name : List.of("chromium", "chromium-browser", "google-chrome")) {
      for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin").split(":")) {
        if (Files.isExecutable(Path.of(dir, name))) {
          return Path.of(dir, name).toString();
        }
      }
    }
    assumeTrue(
        !"true".equalsIgnoreCase(System.getenv("CI")),
        "chromium is not installed (apt-get install chromium)");
    throw new IllegalStateException(
        "chromium is not installed but CI needs it (apt-get install -y chromium)");
  }
}
