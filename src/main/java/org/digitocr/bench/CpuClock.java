package org.digitocr.bench;

import com.sun.management.OperatingSystemMXBean;
import java.lang.management.ManagementFactory;

/**
 * CPU time used by this process, all threads. On a shared machine wall-clock figures include the
 * time other processes held the cores; CPU time mostly does not, so the benchmark prints both.
 */
final class CpuClock {
  private static final OperatingSystemMXBean OS =
      (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

  private CpuClock() {}

  static long nanos() {
    return OS.getProcessCpuTime();
  }
}
