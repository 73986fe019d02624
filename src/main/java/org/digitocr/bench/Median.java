package org.digitocr.bench;

import java.util.Arrays;

/** The benchmark reports medians: one slow repeat on a shared machine does not move them. */
final class Median {
  private Median() {}

  static double of(double[] values) {
    if (values.length == 0) {
      throw new IllegalArgumentException("no values");
    }
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    int mid = sorted.length / 2;
    return sorted.length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
  }
}
