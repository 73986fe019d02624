package org.digitocr.segment;

import static org.digitocr.segment.SegmentationNotADigitTest.prediction;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.digitocr.layout.Box;
import org.digitocr.model.Prediction;
import org.digitocr.runtime.Natives;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.opencv.core.Mat;

class SegmentationTest {
  @BeforeAll
  static void openCv() {
    Natives.loadOpenCv();
  }

  private static Piece piece(int x, int width) {
    return new Piece(new Box(x, 0, width, 20), new Mat());
  }

  @Test
  void anAppendedRowKeepsItsReadingsAndMarksAfterThoseBeforeIt() {
    Segmentation first = new Segmentation();
    first.addDigit(piece(0, 10));
    first.addMark(new Mark(new Box(12, 15, 3, 3), Mark.Kind.DOT));
    Segmentation second = new Segmentation();
    second.addAlternatives(
        List.of(
            new Segmentation.Reading(List.of(piece(40, 20)), 0),
            new Segmentation.Reading(List.of(piece(40, 10), piece(50, 10)), 0)));
    second.addMark(new Mark(new Box(70, 0, 30, 3), Mark.Kind.DASH));

    first.append(second);

    assertEquals(List.of(0, 40, 40, 50), first.pieces().stream().map(p -> p.box().x()).toList());
    assertEquals(
        List.of(Mark.Kind.DOT, Mark.Kind.DASH), first.marks().stream().map(Mark::kind).toList());
    // the appended cluster's readings point at its own pieces: the cut one wins here
    Prediction[] predictions = {
      prediction(7, 0.9f), prediction(0, 0.3f), prediction(4, 0.9f), prediction(2, 0.9f)
    };
    assertEquals(List.of(0, 2, 3), first.chosenPieces(predictions));
    // and the whole one there
    predictions =
        new Prediction[] {
          prediction(7, 0.9f), prediction(0, 0.99f), prediction(4, 0.2f), prediction(2, 0.2f)
        };
    assertEquals(List.of(0, 1), first.chosenPieces(predictions));
  }
}
