package org.digitocr.bench;

import java.util.List;

/** Measures one aspect of the program's speed; the benchmark runs its probes one after another. */
public interface Probe {
  /**
   * @param progress told what is being measured, for a long-running benchmark's console
   */
  List<Figure> measure(Progress progress) throws Exception;

  /** Where a probe reports what it is doing. */
  interface Progress {
    void step(String what);
  }
}
