package org.digitocr.segment;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.digitocr.layout.Box;
import org.junit.jupiter.api.Test;

class PrintedTextFilterTest {
  private static Located digit(int x, int y, int width, int height) {
    return new Located(new Box(x, y, width, height), 1, 0.99f, 2.5 * Math.max(width, height) / 20);
  }

  @Test
  void setsAsideSmallPrintButKeepsHandwritingAndFlatDigitsBesideIt() {
    List<Located> candidates = new ArrayList<>();
    // A label in small print: letters 20 pixels high, close together.
    for (int i = 0; i < 5; i++) {
      candidates.add(digit(50 + 16 * i, 110, 14, 20));
    }
    // A handwritten number, 60 pixels high, with a flat digit (a wide 5) in it.
    int x = 250;
    for (int i = 0; i < 6; i++) {
      boolean flat = i == 3;
      candidates.add(digit(x, flat ? 125 : 100, flat ? 50 : 40, flat ? 26 : 60));
      x += (flat ? 50 : 40) + 10;
    }
    List<Mark> marks = new ArrayList<>();
    List<Located> kept = new PrintedTextFilter().filter(candidates, marks, List.of());
    assertEquals(6, kept.size(), kept.toString());
    assertEquals(5, marks.stream().filter(m -> m.kind() == Mark.Kind.PRINTED_TEXT).count());
  }

  @Test
  void setsAsideBoldPrintSmallerThanTheHandwriting() {
    List<Located> candidates = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      // A title: letters 40 pixels high with 9-pixel strokes.
      candidates.add(new Located(new Box(50 + 36 * i, 40, 32, 40), 8, 0.99f, 9.0 * 20 / 40));
    }
    for (int i = 0; i < 20; i++) {
      candidates.add(digit(50 + 50 * (i % 10), 200 + 100 * (i / 10), 40, 60));
    }
    List<Located> kept = new PrintedTextFilter().filter(candidates, new ArrayList<>(), List.of());
    assertEquals(20, kept.size());
  }

  @Test
  void keepsASmallNumberInAThickPenThatIsWrittenOnARuledLine() {
    List<Located> candidates = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      candidates.add(digit(50 + 50 * (i % 10), 200 + 100 * (i / 10), 40, 60));
    }
    // Three digits 40 pixels high with 9-pixel strokes: bold print, by size and strokes alone.
    List<Located> number = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      number.add(new Located(new Box(100 + 36 * i, 500, 32, 40), 2, 0.99f, 9.0 * 20 / 40));
    }
    candidates.addAll(number);
    Box ruledLine = new Box(80, 543, 300, 3);
    Box lineFarBelow = new Box(80, 580, 300, 3);

    assertEquals(
        23,
        new PrintedTextFilter().filter(candidates, new ArrayList<>(), List.of(ruledLine)).size());
    assertEquals(
        20,
        new PrintedTextFilter()
            .filter(candidates, new ArrayList<>(), List.of(lineFarBelow))
            .size());
  }

  @Test
  void keepsANumberAmongTheDashesOfAFaintBoxButNotAWordAmongSmallPrint() {
    List<Located> number = new ArrayList<>();
    List<Mark> marks = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      number.add(digit(100 + 50 * i, 100, 40, 60));
      // what is left of a faint printed box once binarised: dashes and dots along the digits
      marks.add(new Mark(new Box(95 + 50 * i, 150, 30, 4), Mark.Kind.DASH));
      marks.add(new Mark(new Box(125 + 50 * i, 152, 6, 6), Mark.Kind.DOT));
    }
    assertEquals(
        4, new PrintedTextFilter().filter(number, marks, List.of()).size(), marks.toString());

    List<Located> capitals = new ArrayList<>(List.of(digit(100, 100, 40, 60)));
    List<Mark> lowerCase = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      lowerCase.add(new Mark(new Box(145 + 30 * i, 125, 25, 35), Mark.Kind.PRINTED_TEXT));
    }
    assertEquals(0, new PrintedTextFilter().filter(capitals, lowerCase, List.of()).size());
  }
}
