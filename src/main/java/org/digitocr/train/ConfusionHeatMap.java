package org.digitocr.train;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * Draws a confusion matrix as a heat map: true class down, predicted class across, the count in
 * every cell.
 *
 * <p>Drawn with Java2D rather than xchart's HeatMapChart: that chart prints the very value it
 * colours by, so it cannot colour on a log scale, and on a linear one a few dozen errors vanish
 * beside a thousand correct answers.
 */
public final class ConfusionHeatMap {
  private static final int CELL = 60;
  private static final int LEFT = 90;
  private static final int TOP = 80;
  private static final int MARGIN = 30;
  private static final Color EMPTY = Color.WHITE;
  private static final Color CORRECT = new Color(0x08306b);
  private static final Color WRONG = new Color(0xb2182b);
  private static final Font TITLE_FONT = new Font(Font.SANS_SERIF, Font.BOLD, 16);
  private static final Font AXIS_FONT = new Font(Font.SANS_SERIF, Font.BOLD, 14);
  private static final Font LABEL_FONT = new Font(Font.SANS_SERIF, Font.PLAIN, 14);
  private static final Font COUNT_FONT = new Font(Font.SANS_SERIF, Font.PLAIN, 13);

  private ConfusionHeatMap() {}

  public static void write(int[][] confusion, List<String> labels, String title, Path png)
      throws IOException {
    Figures.writePng(draw(confusion, labels, title), png);
  }

  public static BufferedImage draw(int[][] confusion, List<String> labels, String title) {
    int n = confusion.length;
    int width = LEFT + n * CELL + MARGIN;
    int height = TOP + n * CELL + MARGIN + 40;
    BufferedImage image = Figures.blank(width, height);
    Graphics2D g = Figures.pen(image);
    g.setFont(TITLE_FONT);
    centred(g, title, width / 2, 24);
    g.setFont(AXIS_FONT);
    centred(g, "predicted", LEFT + n * CELL / 2, TOP - 34);
    AffineTransform plain = g.getTransform();
    g.rotate(-Math.PI / 2);
    centred(g, "true", -(TOP + n * CELL / 2), LEFT - 50);
    g.setTransform(plain);

    // Hits and errors get their own colour and scale, and the shade follows log(1 + count), so
    // that a handful of errors stands out beside a thousand hits.
    double hitScale = Math.log1p(max(confusion, true));
    double errorScale = Math.log1p(max(confusion, false));
    for (int truth = 0; truth < n; truth++) {
      g.setColor(Color.BLACK);
      g.setFont(LABEL_FONT);
      centred(g, labels.get(truth), LEFT + truth * CELL + CELL / 2, TOP - 8);
      centred(g, labels.get(truth), LEFT - 20, TOP + truth * CELL + CELL / 2 + 5);
      g.setFont(COUNT_FONT);
      for (int predicted = 0; predicted < n; predicted++) {
        int count = confusion[truth][predicted];
        boolean hit = truth == predicted;
        double shade = Math.log1p(count) / (hit ? hitScale : errorScale);
        int x = LEFT + predicted * CELL;
        int y = TOP + truth * CELL;
        g.setColor(blend(EMPTY, hit ? CORRECT : WRONG, shade));
        g.fillRect(x, y, CELL, CELL);
        g.setColor(shade > 0.55 ? Color.WHITE : Color.BLACK);
        centred(g, String.format("%,d", count), x + CELL / 2, y + CELL / 2 + 5);
      }
    }
    g.setColor(Color.GRAY);
    g.setStroke(new BasicStroke(1));
    g.drawRect(LEFT, TOP, n * CELL, n * CELL);
    g.setColor(Color.DARK_GRAY);
    g.setFont(LABEL_FONT);
    g.drawString(
        "Blue: read right, red: read wrong; shades on a log scale.",
        LEFT - 60,
        TOP + n * CELL + 30);
    g.dispose();
    return image;
  }

  private static void centred(Graphics2D g, String text, int centreX, int baselineY) {
    FontMetrics metrics = g.getFontMetrics();
    g.drawString(text, centreX - metrics.stringWidth(text) / 2, baselineY);
  }

  private static Color blend(Color from, Color to, double t) {
    return new Color(
        (int) Math.round(from.getRed() + t * (to.getRed() - from.getRed())),
        (int) Math.round(from.getGreen() + t * (to.getGreen() - from.getGreen())),
        (int) Math.round(from.getBlue() + t * (to.getBlue() - from.getBlue())));
  }

  /** The largest count on (or off) the diagonal, at least 1. */
  private static int max(int[][] counts, boolean diagonal) {
    int max = 1;
    for (int truth = 0; truth < counts.length; truth++) {
      for (int predicted = 0; predicted < counts.length; predicted++) {
        if ((truth == predicted) == diagonal) {
          max = Math.max(max, counts[truth][predicted]);
        }
      }
    }
    return max;
  }
}
