package org.digitocr.bench;

/**
 * One measured figure.
 *
 * @param key its name in the benchmark's JSON, or null for figures printed for people only
 * @param label what it measures, for people
 * @param unit printed after the value
 */
public record Figure(String key, String label, String unit, double value) {
  public static Figure reported(String key, String label, String unit, double value) {
    return new Figure(key, label, unit, value);
  }

  public static Figure detail(String label, String unit, double value) {
    return new Figure(null, label, unit, value);
  }

  public boolean inJson() {
    return key != null;
  }
}
