package org.digitocr.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.digitocr.model.ModelChoice;

/**
 * Seconds from process start to a loaded model that has classified its first digit, measured in
 * fresh JVMs on this program's class path (a warm JVM would hide the class loading and native
 * library loading that dominate start-up).
 */
public final class StartupProbe implements Probe {
  private final ModelChoice model;
  private final int runs;

  public StartupProbe(ModelChoice model, int runs) {
    this.model = model;
    this.runs = runs;
  }

  @Override
  public List<Figure> measure(Progress progress) throws IOException, InterruptedException {
    progress.step(String.format("starting %d fresh JVMs that load %s", runs, model));
    double[] seconds = new double[runs];
    for (int r = 0; r < runs; r++) {
      seconds[r] = startOnce();
    }
    return List.of(
        Figure.reported(
            "startup_seconds",
            "start-up: JVM start to model loaded and first digit classified",
            "s",
            Median.of(seconds)));
  }

  private double startOnce() throws IOException, InterruptedException {
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    List<String> command =
        new ArrayList<>(
            List.of(
                java.toString(),
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
          model + ": start-up run failed (exit " + status + "): " + lastLine.strip());
    }
    return Double.parseDouble(seconds);
  }
}
