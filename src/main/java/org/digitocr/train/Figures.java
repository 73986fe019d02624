package org.digitocr.train;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.digitocr.output.AtomicFiles;

/** What the hand-drawn figures share: a white page to draw on in black, and writing it as PNG. */
final class Figures {
  private Figures() {}

  /** A white RGB image of the given size. */
  static BufferedImage blank(int width, int height) {
    BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = image.createGraphics();
    g.setColor(Color.WHITE);
    g.fillRect(0, 0, width, height);
    g.dispose();
    return image;
  }

  /** Graphics on {@code image} drawing black, smooth text. */
  static Graphics2D pen(BufferedImage image) {
    Graphics2D g = image.createGraphics();
    g.setRenderingHint(
        RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
    g.setColor(Color.BLACK);
    return g;
  }

  static void writePng(BufferedImage image, Path png) throws IOException {
    AtomicFiles.write(png, out -> ImageIO.write(image, "png", out));
  }
}
