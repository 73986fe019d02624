package org.nd4j.nativeblas;

/**
 * Restores the class name deeplearning4j 1.0.0-M2.1 looks up before it hands convolution, pooling
 * and batch norm to oneDNN.
 *
 * <p>Its {@code BaseMKLDNNHelper} asks {@code org.nd4j.nativeblas.Nd4jCpu$Environment} whether
 * oneDNN is in use, but nd4j-native 1.0.0-M2.1 moved that class to {@code
 * org.nd4j.linalg.cpu.nativecpu.bindings}; the lookup fails and every layer silently falls back to
 * its slow built-in path. This class answers with the real one. Delete it when deeplearning4j is
 * upgraded past the bug.
 */
public final class Nd4jCpu {
  private Nd4jCpu() {}

  /** The two members {@code BaseMKLDNNHelper.mklDnnEnabled()} calls by reflection. */
  public static final class Environment {
    private static final Environment INSTANCE = new Environment();

    private Environment() {}

    public static Environment getInstance() {
      return INSTANCE;
    }

    public boolean isUseMKLDNN() {
      return org.nd4j.linalg.cpu.nativecpu.bindings.Nd4jCpu.Environment.getInstance().isUseONEDNN();
    }
  }
}
