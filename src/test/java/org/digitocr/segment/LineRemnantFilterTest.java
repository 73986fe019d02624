package org.digitocr.segment;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.digitocr.layout.Box;
import org.junit.jupiter.api.Test;

class LineRemnantFilterTest {
  private static Located one(int x, int y, int width, int height) {
    return new Located(new Box(x, y, width, height), 1, 1.0f, 2.2);
  }

  @Test
  void setsAsideABoxSideTallerThanTheDigitsButKeepsThinOnesOfTheirHeight() {
    List<Located> row = new ArrayList<>();
    row.add(one(90, 80, 8, 100)); // the box's left side, taller than the digits in it
    for (int i = 0; i < 4; i++) {
      row.add(new Located(new Box(110 + 50 * i, 95, 40, 70), 3, 0.99f, 2.2));
    }
    row.add(one(320, 96, 9, 68)); // a thin handwritten 1, as tall as its neighbours
    List<Mark> marks = new ArrayList<>();

    List<Located> kept = new LineRemnantFilter().filter(row, marks);

    assertEquals(5, kept.size(), kept.toString());
    assertEquals(List.of(new Mark(new Box(90, 80, 8, 100), Mark.Kind.OTHER)), marks);
  }

  @Test
  void setsAsideASliverOfUnderlineButKeepsAFlatHandwrittenDigit() {
    List<Located> row = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      row.add(new Located(new Box(100 + 40 * i, 50, 30, 40), 0, 0.99f, 2.2));
    }
    row.add(new Located(new Box(130, 92, 25, 4), 7, 0.9f, 2.2)); // underline left under a digit
    row.add(new Located(new Box(220, 66, 40, 24), 5, 0.9f, 2.2)); // a flat 5, MNIST has them
    List<Mark> marks = new ArrayList<>();

    List<Located> kept = new LineRemnantFilter().filter(row, marks);

    assertEquals(4, kept.size(), kept.toString());
    assertEquals(List.of(new Mark(new Box(130, 92, 25, 4), Mark.Kind.OTHER)), marks);
  }

  @Test
  void leavesShortRowsAlone() {
    List<Located> row = List.of(one(100, 80, 8, 100), one(130, 95, 30, 60));
    assertEquals(2, new LineRemnantFilter().filter(row, new ArrayList<>()).size());
  }
}
