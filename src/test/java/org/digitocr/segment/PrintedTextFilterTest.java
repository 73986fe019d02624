package org.digitocr.segment;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.digitocr.layout.Box;
import org.junit.jupiter.api.Test;

class PrintedTextFilterTest {
  /** How far a hand's digits stray from a level line, in pixels: no two digits quite alike. */
  private static final int[] HAND = {0, 3, -2, 4, -3, 1, -4, 2, -1, 3};

  private static Located digit(int x, int y, int width, int height) {
    return new Located(new Box(x, y, width, height), 1, 0.99f, 2.5 * Math.max(width, height) / 20);
  }

  /** Handwritten digits about 60 pixels high, 50 apart, their tops and bottoms uneven. */
  private static List<Located> handwriting(int x, int y, int count) {
    List<Located> digits = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      int stray = HAND[i % HAND.length];
      digits.add(digit(x + 50 * i, y + stray, 40, 60 + HAND[(i + 3) % HAND.length]));
    }
    return digits;
  }

  /** What the filter keeps of the candidates on a page without ruled lines. */
  private static List<Located> kept(List<Located> candidates) {
    return new PrintedTextFilter().filter(candidates, new ArrayList<>(), List.of());
  }

  /** A letter of type: regular strokes (a tenth of its height) unless bold (a fifth). */
  private static Located letter(int x, int top, int width, int bottom, boolean bold) {
    int height = bottom - top;
    double stroke = (bold ? 0.2 : 0.1) * height;
    return new Located(
        new Box(x, top, width, height), 8, 0.9f, stroke * 20 / Math.max(width, height));
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
    candidates.addAll(handwriting(50, 200, 10));
    candidates.addAll(handwriting(50, 300, 10));
    assertEquals(20, kept(candidates).size());
  }

  @Test
  void keepsASmallNumberInAThickPenThatIsWrittenOnARuledLine() {
    List<Located> candidates = new ArrayList<>();
    candidates.addAll(handwriting(50, 200, 10));
    candidates.addAll(handwriting(50, 300, 10));
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

  @Test
  void setsAsideCapitalsOnOneBaselineAndCapLineHoweverLarge() {
    List<Located> candidates = new ArrayList<>(handwriting(50, 300, 10));
    // EXPENSE CLAIM: capitals as high as the handwriting, regular weight, their tops and bottoms
    // within a pixel of two lines that fall 3 pixels across the title (deskewed a little short).
    List<Located> title = new ArrayList<>();
    int[] rounding = {0, 1, 0, -1, 0, 1, 0, 1, -1, 0, 0, 1};
    for (int i = 0; i < 12; i++) {
      int x = 100 + 48 * i + (i >= 7 ? 30 : 0);
      int fall = x * 3 / 700;
      title.add(letter(x, 60 + fall + rounding[i], 40, 122 + fall + rounding[(i + 5) % 12], false));
    }
    candidates.addAll(title);
    List<Mark> marks = new ArrayList<>();

    List<Located> kept = new PrintedTextFilter().filter(candidates, marks, List.of());

    assertEquals(handwriting(50, 300, 10), kept);
    assertEquals(12, marks.size(), marks.toString());
  }

  @Test
  void setsAsideABoldMixedCaseTitleAndTheShortWordOnItsBaseline() {
    List<Located> candidates = new ArrayList<>(handwriting(50, 300, 10));
    // "Stock Count Sheet"-like, as large as the handwriting: letters at the x-height and at the
    // ascenders' height, bold, all on one baseline at y = 100; the last word has only three
    // letters, too few to be known as type alone.
    int[] tops = {30, 40, 50, 50, 30, 30, 50, 50, 50, 40};
    for (int i = 0; i < tops.length; i++) {
      candidates.add(letter(100 + 40 * i + (i >= 5 ? 30 : 0), tops[i], 34, 100, true));
    }
    for (int i = 0; i < 3; i++) {
      candidates.add(letter(600 + 40 * i, tops[i], 34, 100, true));
    }

    assertEquals(handwriting(50, 300, 10), kept(candidates));
  }

  /**
   * A handwritten number and, above it, capitals 42 pixels high standing on y = 170 with the given
   * letters standing on y = 208 under them, alternating with them from left to right; a blob
   * joining a letter of each line makes the two one row of marks.
   */
  private static List<Located> titleInOneRowWith(List<Located> lettersUnder) {
    List<Located> candidates = new ArrayList<>(handwriting(50, 400, 10));
    for (int i = 0; i < 8; i++) {
      candidates.add(letter(100 + 40 * i, 128, 36, 170, false));
    }
    candidates.addAll(lettersUnder);
    candidates.add(letter(420, 128, 30, 208, false));
    return candidates;
  }

  @Test
  void setsAsideATitleAndTheLineOfTypeUnderItThoughTheyFallIntoOneRow() {
    // Under the title, capitals half as high.
    List<Located> under = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      under.add(letter(112 + 40 * i, 187, 24, 208, false));
    }

    assertEquals(handwriting(50, 400, 10), kept(titleInOneRowWith(under)));
  }

  @Test
  void setsAsideSmallPrintThatFallsIntoOneRowWithATitle() {
    // Under the title, four small letters, too few to be known as type, but a third as high as
    // the handwriting.
    List<Located> under = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      under.add(letter(112 + 40 * i, 188 + HAND[i] / 2, 24, 208, false));
    }

    assertEquals(handwriting(50, 400, 10), kept(titleInOneRowWith(under)));
  }

  @Test
  void keepsHandwritingOffALevelLineAndBoldLettersNotOnOne() {
    // Bold letters whose bottoms are as uneven as a hand's are not known by their baseline...
    List<Located> candidates = new ArrayList<>(handwriting(50, 300, 10));
    List<Located> uneven = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      uneven.add(letter(100 + 40 * i, 50 + HAND[i], 34, 100 + HAND[i + 2], true));
    }
    candidates.addAll(uneven);
    // ... nor are digits of one height whose bottoms fall steadily, 1.8 pixels in 100 (a photo's
    // page a degree off level): no level line of type, though a tilted one would fit them.
    for (int i = 0; i < 6; i++) {
      int x = 100 + 60 * i;
      candidates.add(digit(x, 500 + x * 18 / 1000, 40, 60));
    }

    // ... nor five digits of which four happen to line up, top and bottom.
    for (int i = 0; i < 5; i++) {
      candidates.add(digit(100 + 50 * i, i == 2 ? 706 : 700, 40, 60));
    }

    assertEquals(27, kept(candidates).size());
  }
}
