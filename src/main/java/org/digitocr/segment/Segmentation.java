package org.digitocr.segment;

import java.util.ArrayList;
import java.util.List;
import org.digitocr.model.Prediction;
import org.opencv.core.Mat;

/**
 * The digit candidates of a page. Where the geometry alone cannot tell how ink divides into digits
 * (touching digits, a wide blob), a cluster holds several readings of the same ink; all their
 * pieces are classified together, and the reading the classifier is most confident about wins.
 */
public final class Segmentation {
  private final List<Piece> pieces = new ArrayList<>();
  private final List<List<int[]>> clusters = new ArrayList<>();
  private final List<Mark> marks = new ArrayList<>();

  /** Adds ink with one reading: a single digit. */
  void addDigit(Piece piece) {
    addAlternatives(List.of(List.of(piece)));
  }

  /**
   * Adds ink with several readings, each a left-to-right list of pieces; the first is the reading
   * preferred when the classifier is equally sure of all.
   */
  void addAlternatives(List<List<Piece>> readings) {
    List<int[]> indexed = new ArrayList<>();
    for (List<Piece> reading : readings) {
      int[] indexes = new int[reading.size()];
      for (int i = 0; i < indexes.length; i++) {
        indexes[i] = pieces.size();
        pieces.add(reading.get(i));
      }
      indexed.add(indexes);
    }
    clusters.add(indexed);
  }

  void addMark(Mark mark) {
    marks.add(mark);
  }

  /** Every piece to classify, in one list (one batch). */
  public List<Piece> pieces() {
    return pieces;
  }

  public List<Mark> marks() {
    return marks;
  }

  /**
   * Picks each cluster's reading with the highest mean log-probability per digit — the geometric
   * mean of the confidences, which does not favour readings with fewer digits.
   *
   * @param predictions one per piece, in {@link #pieces()} order
   */
  public List<Located> choose(Prediction[] predictions) {
    if (predictions.length != pieces.size()) {
      throw new IllegalArgumentException(
          predictions.length + " predictions for " + pieces.size() + " pieces");
    }
    List<Located> digits = new ArrayList<>();
    for (List<int[]> readings : clusters) {
      int[] best = readings.get(0);
      double bestScore = score(best, predictions);
      for (int r = 1; r < readings.size(); r++) {
        double score = score(readings.get(r), predictions);
        if (score > bestScore) {
          bestScore = score;
          best = readings.get(r);
        }
      }
      for (int index : best) {
        Prediction p = predictions[index];
        digits.add(new Located(pieces.get(index).box(), p.digit(), p.confidence()));
      }
    }
    return digits;
  }

  private static double score(int[] reading, Prediction[] predictions) {
    double sum = 0;
    for (int index : reading) {
      sum += Math.log(Math.max(1e-9, predictions[index].confidence()));
    }
    return sum / reading.length;
  }

  public void release() {
    pieces.stream().map(Piece::ink).forEach(Mat::release);
  }
}
