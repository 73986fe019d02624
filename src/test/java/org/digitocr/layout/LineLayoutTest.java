package org.digitocr.layout;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.digitocr.segment.Located;
import org.junit.jupiter.api.Test;

class LineLayoutTest {
  private static Located at(int digit, int x, int y, float confidence) {
    return new Located(new Box(x, y, 30, 50), digit, confidence, 2.5);
  }

  @Test
  void ordersLinesTopToBottomAndDigitsLeftToRightAndSplitsNumbersAtWideGaps() {
    List<Located> digits = new ArrayList<>();
    // Line 2 (lower): "12 345" with a gap of two digit widths after "12".
    int[] second = {1, 2, -1, -1, 3, 4, 5};
    for (int i = 0; i < second.length; i++) {
      if (second[i] >= 0) {
        digits.add(at(second[i], 100 + 36 * i, 300 + (i % 2) * 4, 0.99f));
      }
    }
    // Line 1 (upper): "9876", one digit unsure.
    for (int i = 0; i < 4; i++) {
      digits.add(at(9 - i, 120 + 36 * i, 100 - i * 2, i == 2 ? 0.4f : 0.99f));
    }
    Collections.shuffle(digits, new Random(3));
    List<ReadLine> lines = new LineLayout(0.8f).arrange(digits);
    assertEquals(2, lines.size());
    assertEquals("98?6", lines.get(0).text());
    assertEquals("9876", lines.get(0).bestGuess());
    assertEquals(1, lines.get(0).number());
    assertEquals("12 345", lines.get(1).text());
    assertEquals(
        List.of(1, 2, 3, 4, 5), lines.get(1).digits().stream().map(ReadDigit::index).toList());
    assertEquals(0.99f * 0.99f * 0.4f * 0.99f, lines.get(0).confidence(), 1e-4);
  }

  @Test
  void doesNotSplitAtTheWideGapsAroundAThinDigitInACombBox() {
    // Digits at a steady pitch of 50; the 1s are 8 pixels wide, so the gaps around them are wide.
    List<Located> digits = new ArrayList<>();
    int[] number = {4, 1, 1, 7, 2};
    for (int i = 0; i < number.length; i++) {
      int width = number[i] == 1 ? 8 : 30;
      digits.add(
          new Located(
              new Box(100 + 50 * i + (30 - width) / 2, 200, width, 50), number[i], 0.99f, 2.5));
    }
    List<ReadLine> lines = new LineLayout(0.8f).arrange(digits);
    assertEquals(1, lines.size());
    assertEquals("41172", lines.get(0).text());
    assertTrue(lines.get(0).groups().size() == 1);
  }
}
