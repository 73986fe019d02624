package org.digitocr.synth;

import java.util.ArrayList;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;
import org.digitocr.layout.Box;
import org.digitocr.layout.ReadDigit;
import org.digitocr.pipeline.PageResult;

/**
 * Scores what a reader made of synthetic pages against their ground truth, end to end: a digit
 * counts as read correctly only if a digit was found where it is written (the read box's centre
 * inside the true box) and classified right; a line counts as exact if the read line over it says
 * exactly what is written, groups included (best guesses, uncertain or not).
 */
public final class ReadingScore {
  private int pages;
  private int truthDigits;
  private int correctDigits;
  private int missedDigits;
  private int spuriousDigits;
  private int truthLines;
  private int exactLines;
  private int extraLines;
  private final List<float[]> confidences = new ArrayList<>();
  private final SortedMap<Integer, int[]> linesByLength = new TreeMap<>();

  public void add(SyntheticPage truth, PageResult read) {
    pages++;
    List<ReadDigit> found = read.digits();
    boolean[] used = new boolean[found.size()];
    for (TruthLine line : truth.lines()) {
      for (TruthDigit digit : line.digits()) {
        truthDigits++;
        int match = nearestInside(digit.box(), found, used);
        if (match < 0) {
          missedDigits++;
          continue;
        }
        used[match] = true;
        ReadDigit readDigit = found.get(match);
        boolean right = readDigit.digit() == digit.digit();
        if (right) {
          correctDigits++;
        }
        confidences.add(new float[] {readDigit.confidence(), right ? 1 : 0});
      }
    }
    for (boolean u : used) {
      if (!u) {
        spuriousDigits++;
      }
    }
    boolean[] lineUsed = new boolean[read.lines().size()];
    for (TruthLine line : truth.lines()) {
      truthLines++;
      int[] tally = linesByLength.computeIfAbsent(line.digits().size(), n -> new int[2]);
      tally[0]++;
      int best = -1;
      long bestShared = 0;
      for (int i = 0; i < read.lines().size(); i++) {
        long shared = shared(line.box(), read.lines().get(i).box());
        if (shared > bestShared) {
          bestShared = shared;
          best = i;
        }
      }
      if (best >= 0) {
        lineUsed[best] = true;
        if (read.lines().get(best).bestGuess().equals(line.text())) {
          exactLines++;
          tally[1]++;
        }
      }
    }
    for (boolean u : lineUsed) {
      if (!u) {
        extraLines++;
      }
    }
  }

  private static int nearestInside(Box truth, List<ReadDigit> found, boolean[] used) {
    int best = -1;
    double bestDistance = Double.MAX_VALUE;
    for (int i = 0; i < found.size(); i++) {
      if (used[i]) {
        continue;
      }
      Box box = found.get(i).box();
      if (truth.contains(box.centerX(), box.centerY())) {
        double distance =
            Math.hypot(box.centerX() - truth.centerX(), box.centerY() - truth.centerY());
        if (distance < bestDistance) {
          bestDistance = distance;
          best = i;
        }
      }
    }
    return best;
  }

  private static long shared(Box a, Box b) {
    long w = a.overlapX(b);
    long h = a.overlapY(b);
    return w > 0 && h > 0 ? w * h : 0;
  }

  public int pages() {
    return pages;
  }

  public int truthDigits() {
    return truthDigits;
  }

  public int correctDigits() {
    return correctDigits;
  }

  public int missedDigits() {
    return missedDigits;
  }

  /** Digits read where none is written (printed text, specks, remains of lines). */
  public int spuriousDigits() {
    return spuriousDigits;
  }

  public int truthLines() {
    return truthLines;
  }

  public int exactLines() {
    return exactLines;
  }

  /** Lines read that lie over no written line. */
  public int extraLines() {
    return extraLines;
  }

  /** Per number of digits in a line: {lines, lines read exactly}. */
  public SortedMap<Integer, int[]> linesByLength() {
    return linesByLength;
  }

  public double digitAccuracy() {
    return truthDigits == 0 ? 0 : (double) correctDigits / truthDigits;
  }

  public double lineAccuracy() {
    return truthLines == 0 ? 0 : (double) exactLines / truthLines;
  }

  /**
   * Of the digits found, with a threshold: {fraction of correct digits below it (needlessly
   * flagged), fraction of wrong digits below it (rightly flagged)}.
   */
  public double[] flagged(float threshold) {
    int right = 0;
    int wrong = 0;
    int rightFlagged = 0;
    int wrongFlagged = 0;
    for (float[] c : confidences) {
      boolean flagged = c[0] < threshold;
      if (c[1] == 1) {
        right++;
        rightFlagged += flagged ? 1 : 0;
      } else {
        wrong++;
        wrongFlagged += flagged ? 1 : 0;
      }
    }
    return new double[] {
      right == 0 ? 0 : (double) rightFlagged / right, wrong == 0 ? 0 : (double) wrongFlagged / wrong
    };
  }
}
