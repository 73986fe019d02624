package org.digitocr.output;

import java.util.List;
import org.digitocr.layout.Box;
import org.digitocr.layout.ReadDigit;
import org.digitocr.layout.ReadLine;
import org.digitocr.pipeline.PageResult;

/** A small page read by hand: line 1 "12 7", line 2 "4?" (the 5 is uncertain). */
final class OutputFixtures {
  private OutputFixtures() {}

  static PageResult page(String file, int number) {
    ReadDigit one = new ReadDigit(1, 1, 0.99f, false, new Box(100, 100, 40, 60));
    ReadDigit two = new ReadDigit(2, 2, 0.98f, false, new Box(150, 100, 40, 60));
    ReadDigit seven = new ReadDigit(3, 7, 0.97f, false, new Box(300, 102, 40, 60));
    ReadDigit four = new ReadDigit(1, 4, 0.95f, false, new Box(100, 300, 40, 60));
    ReadDigit five = new ReadDigit(2, 5, 0.40f, true, new Box(150, 300, 40, 60));
    ReadLine first =
        new ReadLine(1, List.of(List.of(one, two), List.of(seven)), new Box(100, 100, 240, 62));
    ReadLine second = new ReadLine(2, List.of(List.of(four, five)), new Box(100, 300, 90, 60));
    return new PageResult(file, number, 600, 500, List.of(first, second), List.of());
  }
}
