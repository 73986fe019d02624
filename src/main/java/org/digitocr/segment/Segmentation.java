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
  private final List<List<Indexed>> clusters = new ArrayList<>();
  private final List<Mark> marks = new ArrayList<>();

  /**
   * One way to read some ink: its pieces left to right, and how plausible that division is before
   * the classifier has a say (the log of a prior, 0 for fully plausible).
   */
  public record Reading(List<Piece> pieces, double logPrior) {}

  private record Indexed(int[] pieces, double logPrior) {}

  /** Adds ink with one reading: a single digit. */
  void addDigit(Piece piece) {
    addAlternatives(List.of(new Reading(List.of(piece), 0)));
  }

  /** Adds ink with several readings; on a tie the first wins. */
  void addAlternatives(List<Reading> readings) {
    List<Indexed> indexed = new ArrayList<>();
    for (Reading reading : readings) {
      int[] indexes = new int[reading.pieces().size()];
      for (int i = 0; i < indexes.length; i++) {
        indexes[i] = pieces.size();
        pieces.add(reading.pieces().get(i));
      }
      indexed.add(new Indexed(indexes, reading.logPrior()));
    }
    clusters.add(indexed);
  }

  public void addMark(Mark mark) {
    marks.add(mark);
  }

  /** Adds everything another segmentation holds (a later row's), after what this one holds. */
  void append(Segmentation later) {
    int offset = pieces.size();
    pieces.addAll(later.pieces);
    for (List<Indexed> readings : later.clusters) {
      List<Indexed> shifted = new ArrayList<>(readings.size());
      for (Indexed reading : readings) {
        int[] indexes = reading.pieces().clone();
        for (int i = 0; i < indexes.length; i++) {
          indexes[i] += offset;
        }
        shifted.add(new Indexed(indexes, reading.logPrior()));
      }
      clusters.add(shifted);
    }
    marks.addAll(later.marks);
  }

  /** Every piece to classify, in one list (one batch). */
  public List<Piece> pieces() {
    return pieces;
  }

  public List<Mark> marks() {
    return marks;
  }

  /**
   * Picks each cluster's reading with the highest mean log-probability per digit — the log of the
   * geometric mean of the confidences, which does not favour readings with fewer digits — plus the
   * reading's log-prior. Pieces of the chosen reading that the classifier calls "not a digit" are
   * set aside as marks.
   *
   * @param predictions one per piece, in {@link #pieces()} order
   * @param strokeWidths one per piece, as {@link Located#strokeWidth()}
   */
  public List<Located> choose(Prediction[] predictions, double[] strokeWidths) {
    return choose(chosenPieces(predictions), predictions, strokeWidths);
  }

  /**
   * The digits of pieces already chosen (by {@link #chosenPieces}), as {@code read} reads them (a
   * second model's second look at some of them, say).
   */
  public List<Located> choose(List<Integer> chosen, Prediction[] read, double[] strokeWidths) {
    requireOnePerPiece(read);
    List<Located> digits = new ArrayList<>();
    for (int index : chosen) {
      Prediction p = read[index];
      if (notADigit(p)) {
        marks.add(new Mark(pieces.get(index).box(), Mark.Kind.NOT_A_DIGIT));
        continue;
      }
      int digit = bestDigit(p);
      digits.add(
          new Located(
              pieces.get(index).box(), digit, p.probabilities()[digit], strokeWidths[index]));
    }
    return digits;
  }

  private void requireOnePerPiece(Prediction[] predictions) {
    if (predictions.length != pieces.size()) {
      throw new IllegalArgumentException(
          predictions.length + " predictions for " + pieces.size() + " pieces");
    }
  }

  /** The pieces of each cluster's best reading, in order. */
  public List<Integer> chosenPieces(Prediction[] predictions) {
    requireOnePerPiece(predictions);
    List<Integer> chosen = new ArrayList<>();
    for (List<Indexed> readings : clusters) {
      Indexed best = readings.get(0);
      double bestScore = score(best, predictions);
      for (int r = 1; r < readings.size(); r++) {
        double score = score(readings.get(r), predictions);
        if (score > bestScore) {
          bestScore = score;
          best = readings.get(r);
        }
      }
      for (int index : best.pieces()) {
        chosen.add(index);
      }
    }
    return chosen;
  }

  private static double score(Indexed reading, Prediction[] predictions) {
    double sum = 0;
    for (int index : reading.pieces()) {
      sum += Math.log(Math.max(1e-9, digitConfidence(predictions[index])));
    }
    return sum / reading.pieces().length + reading.logPrior();
  }

  /**
   * How sure the classifier is that the piece is the digit it reads. A piece a model with the "not
   * a digit" class rejects scores its best digit's probability (low), so that a reading splitting
   * touching digits beats one that takes them for a single non-digit.
   */
  private static double digitConfidence(Prediction p) {
    return p.probabilities()[bestDigit(p)];
  }

  /**
   * Pieces are set aside when the "not a digit" class gets at least this probability. Measured with
   * {@code cnn-notadigit} on 20 generated pages and 20 photos (evaluate-pages), against the
   * ten-class CNN's 1,838 and 1,877 digits read right: at 0.5 pages lost 11 real digits; at 0.7, 3
   * and 1, with 84 and 85 false digits left (ten classes: 128 and 157); at 0.9, pages 2 fewer and
   * photos 7 more digits right, more lines exact on both, with 108 and 106 false digits left.
   */
  static final float NOT_A_DIGIT_MIN = 0.9f;

  private static boolean notADigit(Prediction p) {
    return p.probabilities().length > Prediction.NOT_A_DIGIT
        && p.probabilities()[Prediction.NOT_A_DIGIT] >= NOT_A_DIGIT_MIN;
  }

  private static int bestDigit(Prediction p) {
    int best = 0;
    for (int digit = 1; digit < Prediction.NOT_A_DIGIT; digit++) {
      if (p.probabilities()[digit] > p.probabilities()[best]) {
        best = digit;
      }
    }
    return best;
  }

  public void release() {
    pieces.stream().map(Piece::ink).forEach(Mat::release);
  }
}
