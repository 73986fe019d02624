package org.digitocr.runtime;

import nu.pattern.OpenCV;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.nativeblas.NativeOpsHolder;

/**
 * Loads the native libraries once per process and applies the thread settings this program runs
 * best with, so that users never have to set environment variables themselves.
 */
public final class Natives {
  private static boolean openCvLoaded;
  private static boolean nd4jConfigured;

  private Natives() {}

  /** OpenCV from org.openpnp; {@code loadShared()} is refused on Java 12+, so unpack locally. */
  public static synchronized void loadOpenCv() {
    if (!openCvLoaded) {
      OpenCV.loadLocally();
      openCvLoaded = true;
    }
  }

  /**
   * One OpenMP thread per ND4J op: with the default (one per core) OpenMP and OpenBLAS threads
   * oversubscribe the cores and a third of the CPU time goes to the kernel. Parallelism comes from
   * running several pages or batches at once instead.
   */
  public static synchronized void configureNd4j() {
    if (!nd4jConfigured) {
      Nd4j.getExecutioner(); // NativeOpsHolder needs the backend loaded first
      NativeOpsHolder.getInstance().getDeviceNativeOps().setOmpNumThreads(1);
      Nd4j.getEnvironment().setMaxThreads(1);
      Nd4j.getEnvironment().setMaxMasterThreads(1);
      nd4jConfigured = true;
    }
  }
}
