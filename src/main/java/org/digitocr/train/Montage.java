package org.digitocr.train;

import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.opencv.core.CvType;
import org.opencv.core.Mat;

/** A titled grid of digit images, each enlarged and captioned, written as one PNG. */
public final class Montage {
  private static final int SCALE = 4;
  private static final int GAP = 12;
  private static final int CAPTION_LINE = 16;
  private static final int TITLE_HEIGHT = 40;
  private static final Font TITLE_FONT = new Font(Font.SANS_SERIF, Font.BOLD, 16);
  private static final Font CAPTION_FONT = new Font(Font.SANS_SERIF, Font.PLAIN, 13);

  /**
   * One image of the grid.
   *
   * @param digit single-channel, 8-bit (0..255) or float (0..1), shown as it is
   * @param caption lines separated by {@code \n}
   */
  public record Tile(Mat digit, String caption) {}

  private Montage() {}

  public static void write(List<Tile> tiles, int columns, String title, Path png)
      throws IOException {
    Figures.writePng(draw(tiles, columns, title), png);
  }

  public static BufferedImage draw(List<Tile> tiles, int columns, String title) {
    int side =
        tiles.stream().mapToInt(t -> Math.max(t.digit().cols(), t.digit().rows())).max().orElse(0);
    int captionLines =
        tiles.stream().mapToInt(t -> t.caption().split("\n", -1).length).max().orElse(0);
    int cellWidth = Math.max(side * SCALE, 130) + GAP;
    int cellHeight = side * SCALE + captionLines * CAPTION_LINE + GAP;
    int cols = Math.max(1, Math.min(columns, tiles.size()));
    int rows = (tiles.size() + cols - 1) / cols;
    int width = Math.max(cols * cellWidth + GAP, 400);
    int height = TITLE_HEIGHT + rows * cellHeight + GAP;

    BufferedImage canvas = Figures.blank(width, height);
    Graphics2D g = Figures.pen(canvas);
    g.setRenderingHint(
        RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_NEAREST_NEIGHBOR);
    g.setFont(TITLE_FONT);
    g.drawString(title, GAP, TITLE_HEIGHT - 14);
    g.setFont(CAPTION_FONT);
    FontMetrics metrics = g.getFontMetrics();
    for (int i = 0; i < tiles.size(); i++) {
      Tile tile = tiles.get(i);
      int x = GAP + (i % cols) * cellWidth;
      int y = TITLE_HEIGHT + (i / cols) * cellHeight;
      int imageWidth = tile.digit().cols() * SCALE;
      int imageHeight = tile.digit().rows() * SCALE;
      int imageX = x + (cellWidth - GAP - imageWidth) / 2;
      g.drawImage(toGrey(tile.digit()), imageX, y, imageWidth, imageHeight, null);
      int lineY = y + side * SCALE + metrics.getAscent();
      for (String line : tile.caption().split("\n", -1)) {
        String shown = fit(line, metrics, cellWidth - GAP);
        g.drawString(shown, x + (cellWidth - GAP - metrics.stringWidth(shown)) / 2, lineY);
        lineY += CAPTION_LINE;
      }
    }
    g.dispose();
    return canvas;
  }

  /** The line, or its start and an ellipsis when it is wider than the cell. */
  private static String fit(String line, FontMetrics metrics, int width) {
    if (metrics.stringWidth(line) <= width) {
      return line;
    }
    String shortened = line;
    while (!shortened.isEmpty() && metrics.stringWidth(shortened + "…") > width) {
      shortened = shortened.substring(0, shortened.length() - 1);
    }
    return shortened + "…";
  }

  private static BufferedImage toGrey(Mat digit) {
    Mat bytes = new Mat();
    digit.convertTo(bytes, CvType.CV_8U, digit.depth() == CvType.CV_8U ? 1 : 255);
    BufferedImage grey =
        new BufferedImage(bytes.cols(), bytes.rows(), BufferedImage.TYPE_BYTE_GRAY);
    bytes.get(0, 0, ((DataBufferByte) grey.getRaster().getDataBuffer()).getData());
    bytes.release();
    return grey;
  }
}
