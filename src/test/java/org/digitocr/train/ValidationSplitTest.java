package org.digitocr.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.HashSet;
import java.util.Set;
import org.digitocr.mnist.MnistSet;
import org.junit.jupiter.api.Test;

class ValidationSplitTest {
  /** 100 "digits" whose first pixel is their index, so every digit can be traced. */
  private static MnistSet numbered(int count) {
    float[] pixels = new float[count * MnistSet.PIXELS];
    byte[] labels = new byte[count];
    for (int i = 0; i < count; i++) {
      pixels[i * MnistSet.PIXELS] = i;
      labels[i] = (byte) (i % 10);
    }
    return new MnistSet(pixels, labels);
  }

  @Test
  void holdsOutTheLastDigitsAndKeepsTheRest() {
    ValidationSplit split = ValidationSplit.lastDigits(numbered(100), 15);
    assertEquals(85, split.train().size());
    assertEquals(15, split.validation().size());
    assertEquals(85f, split.validation().digit(0)[0]);
    assertEquals(99f, split.validation().digit(14)[0]);
    assertArrayEquals(
        new byte[] {5, 6, 7, 8, 9}, java.util.Arrays.copyOf(split.validation().labels(), 5));
  }

  @Test
  void trainAndValidationAreDisjointAndCoverEverything() {
    ValidationSplit split = ValidationSplit.lastDigits(numbered(100), 30);
    Set<Float> train = new HashSet<>();
    for (int i = 0; i < split.train().size(); i++) {
      train.add(split.train().digit(i)[0]);
    }
    Set<Float> all = new HashSet<>(train);
    for (int i = 0; i < split.validation().size(); i++) {
      float index = split.validation().digit(i)[0];
      assertEquals(false, train.contains(index), "digit " + index + " is in both");
      all.add(index);
    }
    assertEquals(100, all.size());
  }

  @Test
  void refusesSplitsThatLeaveNothingToTrainOn() {
    assertThrows(
        IllegalArgumentException.class, () -> ValidationSplit.lastDigits(numbered(10), 10));
    assertThrows(IllegalArgumentException.class, () -> ValidationSplit.lastDigits(numbered(10), 0));
  }
}
