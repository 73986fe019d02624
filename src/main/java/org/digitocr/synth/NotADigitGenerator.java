package org.digitocr.synth;

import java.awt.Font;
import java.awt.FontFormatException;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.font.FontRenderContext;
import java.awt.font.GlyphVector;
import java.awt.geom.AffineTransform;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.digitocr.mnist.MnistSet;
import org.digitocr.model.Prediction;
import org.digitocr.normalize.MnistNormalizer;
import org.digitocr.page.AwtImages;
import org.digitocr.runtime.Natives;
import org.opencv.core.Core;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.MatOfPoint;
import org.opencv.core.MatOfPoint2f;
import org.opencv.core.Point;
import org.opencv.core.Rect;
import org.opencv.core.Scalar;
import org.opencv.core.Size;
import org.opencv.imgproc.Imgproc;

/**
 * Makes the marks a form carries besides handwritten digits — printed letters and words in the
 * machine's fonts, punctuation, dashes and underlines, fragments of boxes and rules, ink blobs,
 * halves of digits and pairs of digits — drawn at page scale as binary ink and then normalised by
 * the same {@link MnistNormalizer} that prepares page crops for the classifier.
 *
 * <p>Shapes that a handwritten digit can legitimately look like are left out, or the network would
 * learn to reject real digits: printed digits, letters such as O, C, U, l, I, S, Z, B, G, q, g, b,
 * a vertical rule (a 1), a corner like ┐ (a 7), loops cut from 6, 8 and 9 (a 0), halves of 1, 4 and
 * 7, and tall thin slivers of any digit (a 1).
 */
public final class NotADigitGenerator {
  /** The kinds of mark made, in equal shares. */
  public enum Kind {
    LETTER,
    WORD,
    PUNCTUATION,
    DASH,
    BOX_FRAGMENT,
    BLOB,
    DIGIT_HALF,
    DIGIT_PAIR
  }

  static final String LETTERS = "AEFHKLMNPRVWXYadefhkmnprtvwxyz";
  static final String PUNCTUATION = "?#%&*@~^+=<>{}€£§¶®©";
  private static final Path FONT_DIR = Path.of("/usr/share/fonts/truetype");
  private static final int[] HALVED_DIGITS = {2, 3, 5, 6, 8, 9, 0};

  /** Halves narrower than this times their length (in any direction) would pass for a 1. */
  private static final double MIN_HALF_ASPECT = 0.5;

  private final MnistSet digits;
  private final Random random;
  private final List<Font> fonts;
  private final MnistNormalizer normalizer = new MnistNormalizer();

  /**
   * @param digits handwritten digits to cut in halves and pair up (use training digits only)
   */
  public NotADigitGenerator(MnistSet digits, long seed) {
    Natives.loadOpenCv();
    this.digits = digits;
    this.random = new Random(seed);
    this.fonts = fonts();
  }

  /** {@code count} normalised non-digits, all labelled {@link Prediction#NOT_A_DIGIT}. */
  public MnistSet generate(int count) {
    float[] pixels = new float[count * MnistSet.PIXELS];
    byte[] labels = new byte[count];
    float[] one = new float[MnistSet.PIXELS];
    Kind[] kinds = Kind.values();
    for (int i = 0; i < count; i++) {
      Mat crop = next(kinds[i % kinds.length]);
      Mat scaled = new Mat();
      crop.convertTo(scaled, CvType.CV_32F, 1 / 255.0);
      scaled.get(0, 0, one);
      System.arraycopy(one, 0, pixels, i * MnistSet.PIXELS, MnistSet.PIXELS);
      labels[i] = Prediction.NOT_A_DIGIT;
      crop.release();
      scaled.release();
    }
    return new MnistSet(pixels, labels);
  }

  /** One normalised 28x28 8UC1 crop (light on black) of the given kind. */
  public Mat next(Kind kind) {
    Mat ink = ink(kind);
    Mat crop = normalizer.normalize(ink);
    ink.release();
    return crop;
  }

  /** The mark as binary (0/255) ink on black, at page scale. */
  Mat ink(Kind kind) {
    return switch (kind) {
      case LETTER -> text(pick(LETTERS));
      case WORD -> text(word());
      case PUNCTUATION -> text(pick(PUNCTUATION));
      case DASH -> dash();
      case BOX_FRAGMENT -> boxFragment();
      case BLOB -> blob();
      case DIGIT_HALF -> digitHalf();
      case DIGIT_PAIR -> digitPair();
    };
  }

  private String pick(String characters) {
    int index = random.nextInt(characters.codePointCount(0, characters.length()));
    int offset = characters.offsetByCodePoints(0, index);
    return new String(Character.toChars(characters.codePointAt(offset)));
  }

  private String word() {
    StringBuilder word = new StringBuilder();
    int length = 2 + random.nextInt(5);
    for (int i = 0; i < length; i++) {
      word.append(pick(LETTERS));
    }
    return word.toString();
  }

  /** Printed text: a random font, 14–64 px, sometimes slightly rotated, thresholded like a scan. */
  private Mat text(String text) {
    Font font = fonts.get(random.nextInt(fonts.size())).deriveFont(14f + random.nextInt(51));
    FontRenderContext context = new FontRenderContext(null, true, true);
    GlyphVector glyphs = font.createGlyphVector(context, text);
    Rectangle2D bounds = glyphs.getVisualBounds();
    int pad = 8;
    int width = (int) Math.ceil(bounds.getWidth()) + 2 * pad;
    int height = (int) Math.ceil(bounds.getHeight()) + 2 * pad;
    BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_BYTE_GRAY);
    Graphics2D g = image.createGraphics();
    g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
    g.setRenderingHint(
        RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
    g.setTransform(
        AffineTransform.getRotateInstance(
            Math.toRadians(random.nextGaussian() * 3), width / 2.0, height / 2.0));
    g.drawGlyphVector(glyphs, (float) (pad - bounds.getX()), (float) (pad - bounds.getY()));
    g.dispose();
    Mat grey = AwtImages.toMat(image);
    Mat ink = new Mat();
    Imgproc.threshold(grey, ink, 110 + random.nextInt(40), 255, Imgproc.THRESH_BINARY);
    grey.release();
    return ink;
  }

  /** A dash, hyphen or underline: a flat bar, possibly slightly tilted and ragged. */
  private Mat dash() {
    int length = 20 + random.nextInt(120);
    int thickness = 1 + random.nextInt(Math.max(1, length / 12));
    Mat ink = Mat.zeros(thickness + 20, length + 20, CvType.CV_8UC1);
    int tilt = random.nextInt(5) - 2;
    Imgproc.line(
        ink,
        new Point(10, 10 + thickness / 2.0),
        new Point(10 + length, 10 + thickness / 2.0 + tilt),
        Scalar.all(255),
        thickness);
    return ink;
  }

  /** Corners, junctions and partial frames of form boxes and tables. */
  private Mat boxFragment() {
    int w = 20 + random.nextInt(60);
    int h = 20 + random.nextInt(60);
    int t = 1 + random.nextInt(4);
    Mat ink = Mat.zeros(h + 2 * t + 4, w + 2 * t + 4, CvType.CV_8UC1);
    Point topLeft = new Point(t + 2, t + 2);
    Point topRight = new Point(w + t + 2, t + 2);
    Point bottomLeft = new Point(t + 2, h + t + 2);
    Point bottomRight = new Point(w + t + 2, h + t + 2);
    Point midTop = new Point((w + 2 * t + 4) / 2.0, t + 2);
    Point midBottom = new Point((w + 2 * t + 4) / 2.0, h + t + 2);
    Point midLeft = new Point(t + 2, (h + 2 * t + 4) / 2.0);
    Point midRight = new Point(w + t + 2, (h + 2 * t + 4) / 2.0);
    Scalar white = Scalar.all(255);
    switch (random.nextInt(7)) {
      case 0 -> { // └
        Imgproc.line(ink, topLeft, bottomLeft, white, t);
        Imgproc.line(ink, bottomLeft, bottomRight, white, t);
      }
      case 1 -> { // ┌
        Imgproc.line(ink, bottomLeft, topLeft, white, t);
        Imgproc.line(ink, topLeft, topRight, white, t);
      }
      case 2 -> { // ┘
        Imgproc.line(ink, bottomLeft, bottomRight, white, t);
        Imgproc.line(ink, bottomRight, topRight, white, t);
      }
      case 3 -> { // ┬ or ┴
        boolean down = random.nextBoolean();
        Imgproc.line(ink, down ? topLeft : bottomLeft, down ? topRight : bottomRight, white, t);
        Imgproc.line(ink, midTop, midBottom, white, t);
      }
      case 4 -> { // ┼
        Imgproc.line(ink, midLeft, midRight, white, t);
        Imgproc.line(ink, midTop, midBottom, white, t);
      }
      case 5 -> // a whole small box, a checkbox
          Imgproc.rectangle(ink, topLeft, bottomRight, white, t);
      default -> { // three sides of a box, open left or right
        boolean openLeft = random.nextBoolean();
        Imgproc.line(ink, topLeft, topRight, white, t);
        Imgproc.line(ink, bottomLeft, bottomRight, white, t);
        Imgproc.line(
            ink, openLeft ? topRight : topLeft, openLeft ? bottomRight : bottomLeft, white, t);
      }
    }
    return ink;
  }

  /** A filled irregular blot: a smudge, a filled-in box, a coffee drop. */
  private Mat blob() {
    int size = 20 + random.nextInt(60);
    Mat ink = Mat.zeros(size + 4, size + 4, CvType.CV_8UC1);
    int corners = 5 + random.nextInt(8);
    Point[] points = new Point[corners];
    double centre = (size + 4) / 2.0;
    double squash = 0.4 + 0.6 * random.nextDouble();
    boolean tall = random.nextBoolean();
    for (int i = 0; i < corners; i++) {
      double angle = 2 * Math.PI * i / corners;
      double radius = size / 2.0 * (0.55 + 0.45 * random.nextDouble());
      double x = radius * Math.cos(angle);
      double y = squash * radius * Math.sin(angle);
      points[i] = tall ? new Point(centre + y, centre + x) : new Point(centre + x, centre + y);
    }
    Imgproc.fillPoly(ink, List.of(new MatOfPoint(points)), Scalar.all(255));
    return ink;
  }

  /** A handwritten digit cut roughly in half, as a bad segmentation or a torn stroke leaves it. */
  private Mat digitHalf() {
    int digit = HALVED_DIGITS[random.nextInt(HALVED_DIGITS.length)];
    Mat ink = enlargedDigit(randomDigit(digit));
    // loops cut from 6, 8 and 9 look like a 0, the sides of a 0 like a 1
    boolean horizontalCut =
        switch (digit) {
          case 0 -> true;
          case 6, 8, 9 -> false;
          default -> random.nextBoolean();
        };
    double fraction = 0.4 + 0.2 * random.nextDouble();
    Rect inkBox = Imgproc.boundingRect(ink);
    Rect half;
    if (horizontalCut) {
      int cut = (int) (inkBox.height * fraction);
      half =
          random.nextBoolean()
              ? new Rect(inkBox.x, inkBox.y, inkBox.width, cut)
              : new Rect(inkBox.x, inkBox.y + cut, inkBox.width, inkBox.height - cut);
    } else {
      int cut = (int) (inkBox.width * fraction);
      half =
          random.nextBoolean()
              ? new Rect(inkBox.x, inkBox.y, cut, inkBox.height)
              : new Rect(inkBox.x + cut, inkBox.y, inkBox.width - cut, inkBox.height);
    }
    Mat piece = ink.submat(half).clone();
    ink.release();
    MatOfPoint inkPoints = new MatOfPoint();
    Core.findNonZero(piece, inkPoints);
    Size extent = Imgproc.minAreaRect(new MatOfPoint2f(inkPoints.toArray())).size;
    inkPoints.release();
    if (Math.min(extent.width, extent.height)
        < MIN_HALF_ASPECT * Math.max(extent.width, extent.height)) {
      piece.release(); // a thin sliver, upright or slanted, is a 1
      return digitHalf();
    }
    return piece;
  }

  /** Two handwritten digits side by side, touching or nearly: a blob segmentation did not cut. */
  private Mat digitPair() {
    Mat left = enlargedDigit(random.nextInt(digits.size()));
    Mat right = enlargedDigit(random.nextInt(digits.size()));
    Rect a = Imgproc.boundingRect(left);
    Rect b = Imgproc.boundingRect(right);
    int gap = random.nextInt(9) - 6; // negative: the digits overlap a little
    int width = a.width + b.width + Math.max(gap, 0) + 2;
    int height = Math.max(a.height, b.height) + 2;
    Mat pair = Mat.zeros(height, width, CvType.CV_8UC1);
    left.submat(a).copyTo(pair.submat(new Rect(1, 1, a.width, a.height)));
    Mat rightInk = right.submat(b);
    Mat target = pair.submat(new Rect(1 + a.width + gap, 1, b.width, b.height));
    Core.bitwise_or(target, rightInk, target);
    left.release();
    right.release();
    return pair;
  }

  private int randomDigit(int label) {
    for (int tries = 0; tries < 1000; tries++) {
      int index = random.nextInt(digits.size());
      if (digits.labels()[index] == label) {
        return index;
      }
    }
    return random.nextInt(digits.size());
  }

  /** An MNIST digit at three times its size, thresholded to binary ink as on a page. */
  private Mat enlargedDigit(int index) {
    Mat digit = new Mat(MnistSet.SIDE, MnistSet.SIDE, CvType.CV_32F);
    digit.put(0, 0, digits.digit(index));
    Mat large = new Mat();
    Imgproc.resize(digit, large, new Size(), 3, 3, Imgproc.INTER_LINEAR);
    Mat ink = new Mat();
    Imgproc.threshold(large, ink, 0.5, 255, Imgproc.THRESH_BINARY);
    ink.convertTo(ink, CvType.CV_8U);
    digit.release();
    large.release();
    return ink;
  }

  /** The machine's TrueType fonts (all weights and slants); Java's logical fonts if none. */
  private static List<Font> fonts() {
    List<Font> found = new ArrayList<>();
    if (Files.isDirectory(FONT_DIR)) {
      try (Stream<Path> files = Files.walk(FONT_DIR)) {
        for (Path file : files.filter(f -> f.toString().endsWith(".ttf")).sorted().toList()) {
          try {
            found.add(Font.createFont(Font.TRUETYPE_FONT, file.toFile()));
          } catch (FontFormatException | IOException e) {
            // an unreadable font file is simply not used
          }
        }
      } catch (IOException e) {
        found.clear();
      }
    }
    if (found.isEmpty()) {
      for (String name : List.of(Font.SANS_SERIF, Font.SERIF, Font.MONOSPACED)) {
        for (int style : new int[] {Font.PLAIN, Font.BOLD, Font.ITALIC}) {
          found.add(new Font(name, style, 12));
        }
      }
    }
    return found;
  }
}
