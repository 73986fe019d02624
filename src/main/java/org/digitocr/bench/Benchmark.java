package org.digitocr.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Runs probes one after another and collects their figures in order. */
public final class Benchmark {
  private Benchmark() {}

  public static List<Figure> run(List<Probe> probes, Probe.Progress progress) throws Exception {
    List<Figure> figures = new ArrayList<>();
    for (Probe probe : probes) {
      figures.addAll(probe.measure(progress));
    }
    return figures;
  }

  /** The figures that have a JSON key, in order: the benchmark's {@code --json} object. */
  public static Map<String, Double> json(List<Figure> figures) {
    Map<String, Double> json = new LinkedHashMap<>();
    for (Figure figure : figures) {
      if (figure.inJson()) {
        json.put(figure.key(), figure.value());
      }
    }
    return json;
  }
}
