package org.digitocr.synth;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.digitocr.layout.Box;
import org.digitocr.layout.ReadDigit;
import org.digitocr.layout.ReadLine;
import org.digitocr.pipeline.PageResult;
import org.junit.jupiter.api.Test;
import org.opencv.core.Mat;

class ReadingScoreTest {
  private static TruthDigit truth(int digit, int x, int y) {
    return new TruthDigit(digit, 0, new Box(x, y, 30, 50));
  }

  private static ReadDigit read(int index, int digit, int x, int y, float confidence) {
    return new ReadDigit(
        index, digit, confidence, confidence < 0.8f, new Box(x + 2, y + 3, 26, 44));
  }

  @Test
  void countsDigitsEndToEndAndLinesExactly() {
    // Written: "123" and "45 6".
    TruthLine first =
        new TruthLine(
            List.of(List.of(truth(1, 0, 0), truth(2, 40, 0), truth(3, 80, 0))),
            new Box(0, 0, 110, 50));
    TruthLine second =
        new TruthLine(
            List.of(List.of(truth(4, 0, 100), truth(5, 40, 100)), List.of(truth(6, 140, 100))),
            new Box(0, 100, 170, 50));
    SyntheticPage page = new SyntheticPage(new Mat(), List.of(first, second));
    // Read: "173" (a 2 misread, unsure), "45" with the 6 missed, and a speck read as a digit.
    ReadLine one =
        new ReadLine(
            1,
            List.of(
                List.of(
                    read(1, 1, 0, 0, 0.99f), read(2, 7, 40, 0, 0.6f), read(3, 3, 80, 0, 0.99f))),
            new Box(0, 0, 110, 50));
    ReadLine two =
        new ReadLine(
            2,
            List.of(List.of(read(1, 4, 0, 100, 0.99f), read(2, 5, 40, 100, 0.95f))),
            new Box(0, 100, 70, 50));
    ReadLine speck =
        new ReadLine(3, List.of(List.of(read(1, 1, 500, 500, 0.99f))), new Box(500, 500, 30, 50));
    ReadingScore score = new ReadingScore();
    score.add(page, new PageResult("p", 1, 600, 600, List.of(one, two, speck), List.of()));
    assertEquals(6, score.truthDigits());
    assertEquals(4, score.correctDigits());
    assertEquals(1, score.missedDigits());
    assertEquals(1, score.spuriousDigits());
    assertEquals(0, score.exactLines());
    assertEquals(1, score.extraLines());
    double[] flagged = score.flagged(0.8f);
    assertEquals(0, flagged[0]);
    assertEquals(1, flagged[1]);
  }
}
