package org.digitocr.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.digitocr.model.ModelChoice;

/**
 * Seconds from process start to a loaded model that has classified its first digit, measured in
 * fresh JVMs on this program's class path (a warm JVM would hide the class loading and native
 * library loading that dominate start-up): as {@code bin/digit-ocr} starts it, with the build's
 * class-data-sharing archive beside the jar, and as plain {@code java -jar} does.
 */
public final class StartupProbe implements Probe {
  /** Written by {@code mvn package} beside the jar; {@code bin/digit-ocr} starts with it. */
  static final String ARCHIVE_NAME = "digit-ocr.jsa";

  private final ModelChoice model;
  private final int runs;

  public StartupProbe(ModelChoice model, int runs) {
    this.model = model;
    this.runs = runs;
  }

  @Override
  public List<Figure> measure(Progress progress) throws Exception {
    Optional<Path> archive = archiveBesideJar();
    if (archive.isEmpty()) {
      progress.step(
          String.format(
              "starting %d fresh JVMs that load %s (no %s beside the jar)",
              runs, model, ARCHIVE_NAME));
      return List.of(
          Figure.reported(
              "startup_seconds",
              "start-up: JVM start to model loaded and first digit classified",
              "s",
              medianStart(List.of())));
    }
    progress.step(
        String.format(
            "starting %d fresh JVMs that load %s, with %s and without",
            runs, model, archive.get()));
    double plain = medianStart(List.of());
    double withArchive;
    try {
      // -Xshare:on makes an archive that no longer fits an error instead of a silently slower
      // start reported as the archive's.
      withArchive = medianStart(List.of("-Xshare:on", "-XX:SharedArchiveFile=" + archive.get()));
    } catch (IOException e) {
      throw new IOException(
          archive.get()
              + " does not fit this jar and JVM (rebuilt jar, moved checkout or another JDK);"
              + " mvn package makes it again",
          e);
    }
    return List.of(
        Figure.reported(
            "startup_seconds",
            "start-up as bin/digit-ocr starts: JVM start to first digit classified",
            "s",
            withArchive),
        Figure.reported(
            "startup_seconds_plain_java",
            "start-up with java -jar (no class-data archive)",
            "s",
            plain));
  }

  private static Optional<Path> archiveBesideJar() throws URISyntaxException {
    Path location =
        Path.of(StartupProbe.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    if (!location.toString().endsWith(".jar")) {
      return Optional.empty();
    }
    Path archive = location.resolveSibling(ARCHIVE_NAME);
    return Files.isRegularFile(archive) ? Optional.of(archive) : Optional.empty();
  }

  private double medianStart(List<String> jvmOptions) throws IOException, InterruptedException {
    double[] seconds = new double[runs];
    for (int r = 0; r < runs; r++) {
      seconds[r] = startOnce(jvmOptions);
    }
    return Median.of(seconds);
  }

  private double startOnce(List<String> jvmOptions) throws IOException, InterruptedException {
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    List<String> command = new ArrayList<>();
    command.add(java.toString());
    command.addAll(jvmOptions);
    command.addAll(
        List.of(
            "-cp",
            System.getProperty("java.class.path"),
            ModelReady.class.getName(),
            model.model().toAbsolutePath().toString()));
    if (model.recheck() != null) {
      command.add(model.recheck().toAbsolutePath().toString());
      command.add(String.valueOf(model.recheckBelow()));
    }
    Process child = new ProcessBuilder(command).redirectErrorStream(true).start();
    String seconds = null;
    String lastLine = "";
    try (BufferedReader out =
        new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
      for (String line; (line = out.readLine()) != null; ) {
        if (line.startsWith(ModelReady.PREFIX)) {
          seconds = line.substring(ModelReady.PREFIX.length());
        } else if (!line.isBlank()) {
          lastLine = line;
        }
      }
    }
    int status = child.waitFor();
    if (status != 0 || seconds == null) {
      throw new IOException(
          model
              + ": start-up run failed (exit "
              + status
              + "): "
              + lastLine.strip()
              + (jvmOptions.isEmpty()
                  ? ""
                  : " (JVM options " + String.join(" ", jvmOptions) + ")"));
    }
    return Double.parseDouble(seconds);
  }
}
