package org.digitocr.synth;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.digitocr.layout.Box;
import org.digitocr.mnist.MnistFiles;
import org.digitocr.mnist.MnistSet;
import org.digitocr.page.AwtImages;
import org.opencv.core.Core;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.Point;
import org.opencv.core.Rect;
import org.opencv.core.Scalar;
import org.opencv.core.Size;
import org.opencv.imgproc.Imgproc;

/**
 * Generates scanned-looking form pages filled in with MNIST test digits, with the ground truth: a
 * printed title and small print, field labels, numbers of 3–12 digits (some in two groups) at
 * varied sizes and spacings, written on ruled lines, in boxes, in comb boxes or on blank paper;
 * then paper tone, uneven light, blur, noise, specks and a small rotation.
 *
 * <p>Only MNIST's test digits may be used: the classifier never saw them.
 */
public final class PageGenerator {
  private static final String[] TITLES = {
    "EXPENSE CLAIM", "DELIVERY NOTE", "Order Form", "Meter Readings", "Customer Survey",
    "Stock Count Sheet", "Registration Form", "PAYMENT SLIP", "Inventory Record", "Service Report"
  };
  private static final String[] SMALL_PRINT = {
    "Please write clearly in dark ink, one number per field.",
    "Write inside the boxes. Do not fold this form.",
    "All amounts in whole units. Office use only below the line.",
    "Complete every field and return the form to the office."
  };

  /**
   * The fields a form asks for, with the lengths of number people write in them: numbers of 3 to 12
   * digits, short ones (quantities, amounts) as common as long ones (account numbers); a telephone
   * number is sometimes written in two groups.
   */
  private static final Field[] FIELDS = {
    new Field("Quantity", 3, 3),
    new Field("Amount", 3, 6),
    new Field("Total", 3, 6),
    new Field("Room", 3, 4),
    new Field("Weight (g)", 3, 5),
    new Field("Postcode", 4, 5),
    new Field("Mileage", 4, 6),
    new Field("Batch", 4, 6),
    new Field("Member ID", 5, 7),
    new Field("Meter reading", 5, 6),
    new Field("Invoice no.", 5, 8),
    new Field("Sort code", 6, 6),
    new Field("Reference", 6, 9),
    new Field("Customer number", 6, 9),
    new Field("Order number", 6, 10),
    new Field("Date of birth", 8, 8),
    new Field("Account number", 8, 10),
    new Field("Telephone", 10, 11),
    new Field("Policy number", 8, 12),
    new Field("Serial number", 8, 12)
  };

  /** Share of telephone numbers written in two groups (area code, then the number). */
  private static final double GROUPED_TELEPHONE = 0.5;

  private record Field(String label, int shortest, int longest) {}

  private enum Frame {
    RULED,
    BOX,
    COMB,
    NONE
  }

  private final MnistSet digits;

  /**
   * @param testDigits MNIST's test split — never the training split
   */
  public PageGenerator(MnistSet testDigits) {
    this.digits = testDigits;
  }

  public static PageGenerator fromMnistTest(Path mnistDir) throws IOException {
    return new PageGenerator(MnistFiles.test(mnistDir));
  }

  public SyntheticPage generate(Random random, PageOptions options) {
    Sheet sheet = new Sheet(random, options);
    sheet.drawForm();
    Mat page = AwtImages.toMat(sheet.form);
    sheet.graphics.dispose();
    double pen = 20 + random.nextDouble() * 50;
    for (Stroke stroke : sheet.strokes) {
      darken(page, stroke, pen);
      stroke.alpha.release();
    }
    return scan(page, sheet.lines, random, options);
  }

  /** Paper tone, uneven light, blur, noise, specks, rotation — and the boxes rotated along. */
  private static SyntheticPage scan(
      Mat page, List<TruthLine> lines, Random random, PageOptions options) {
    Mat grey = new Mat();
    page.convertTo(grey, CvType.CV_32F, (225 + random.nextDouble() * 25) / 255.0);
    if (random.nextDouble() < options.unevenLightRate()) {
      Core.multiply(grey, gradient(grey.size(), random), grey);
    }
    Imgproc.GaussianBlur(grey, grey, new Size(0, 0), 0.5 + random.nextDouble() * 0.4);
    int specks = 20 + random.nextInt(80);
    for (int i = 0; i < specks; i++) {
      Point at = new Point(random.nextInt(grey.cols()), random.nextInt(grey.rows()));
      Imgproc.circle(grey, at, 1 + random.nextInt(2), Scalar.all(60 + random.nextInt(100)), -1);
    }
    addNoise(grey, random, options.noise());

    double degrees = (random.nextDouble() * 2 - 1) * options.maxRotationDegrees();
    Mat rotation =
        Imgproc.getRotationMatrix2D(new Point(grey.cols() / 2.0, grey.rows() / 2.0), degrees, 1);
    Mat rotated = new Mat();
    Imgproc.warpAffine(
        grey, rotated, rotation, grey.size(), Imgproc.INTER_LINEAR, Core.BORDER_REPLICATE);
    Mat image = new Mat();
    rotated.convertTo(image, CvType.CV_8U);
    grey.release();
    rotated.release();
    page.release();
    double[] m = new double[6];
    rotation.get(0, 0, m);
    List<TruthLine> moved = new ArrayList<>();
    for (TruthLine line : lines) {
      List<List<TruthDigit>> groups = new ArrayList<>();
      for (List<TruthDigit> group : line.groups()) {
        groups.add(
            group.stream()
                .map(d -> new TruthDigit(d.digit(), d.mnistIndex(), transform(m, d.box())))
                .toList());
      }
      moved.add(new TruthLine(groups, transform(m, line.box())));
    }
    return new SyntheticPage(image, moved);
  }

  /**
   * Grey-level noise from the page's own random source (not OpenCV's global one), so that a seed
   * always gives the same page.
   */
  private static void addNoise(Mat grey, Random random, double sigma) {
    float[] row = new float[grey.cols()];
    float[] noise = new float[grey.cols()];
    for (int y = 0; y < grey.rows(); y++) {
      grey.get(y, 0, row);
      for (int x = 0; x < row.length; x++) {
        noise[x] = row[x] + (float) (random.nextGaussian() * sigma);
      }
      grey.put(y, 0, noise);
    }
  }

  /** Light falling off across the page in a random direction, down to 60–80%. */
  private static Mat gradient(Size size, Random random) {
    Mat ramp = new Mat(size, CvType.CV_32F);
    double angle = random.nextDouble() * 2 * Math.PI;
    double cos = Math.cos(angle);
    double sin = Math.sin(angle);
    double darkest = 0.6 + random.nextDouble() * 0.2;
    float[] row = new float[(int) size.width];
    for (int y = 0; y < size.height; y++) {
      for (int x = 0; x < row.length; x++) {
        double along = (x / size.width - 0.5) * cos + (y / size.height - 0.5) * sin + 0.5;
        row[x] = (float) (1 - (1 - darkest) * Math.max(0, Math.min(1, along)));
      }
      ramp.put(y, 0, row);
    }
    return ramp;
  }

  private static Box transform(double[] m, Box box) {
    double minX = Double.MAX_VALUE;
    double minY = Double.MAX_VALUE;
    double maxX = -Double.MAX_VALUE;
    double maxY = -Double.MAX_VALUE;
    for (int corner = 0; corner < 4; corner++) {
      double x = box.x() + (corner & 1) * box.width();
      double y = box.y() + (corner >> 1) * box.height();
      double tx = m[0] * x + m[1] * y + m[2];
      double ty = m[3] * x + m[4] * y + m[5];
      minX = Math.min(minX, tx);
      minY = Math.min(minY, ty);
      maxX = Math.max(maxX, tx);
      maxY = Math.max(maxY, ty);
    }
    int x = (int) Math.floor(minX);
    int y = (int) Math.floor(minY);
    return new Box(x, y, (int) Math.ceil(maxX) - x, (int) Math.ceil(maxY) - y);
  }

  /** Darkens the page under a digit's ink: ink coverage {@code alpha} in [0,1]. */
  private static void darken(Mat page, Stroke stroke, double pen) {
    Rect rect = new Rect(stroke.x, stroke.y, stroke.alpha.cols(), stroke.alpha.rows());
    Mat area = page.submat(rect);
    Mat paper = new Mat();
    area.convertTo(paper, CvType.CV_32F);
    Mat keep = new Mat();
    // result = paper * (1 - a) + pen * a
    Core.multiply(stroke.alpha, Scalar.all(-1), keep);
    Core.add(keep, Scalar.all(1), keep);
    Core.multiply(paper, keep, paper);
    Mat ink = new Mat();
    Core.multiply(stroke.alpha, Scalar.all(pen), ink);
    Core.add(paper, ink, paper);
    paper.convertTo(area, CvType.CV_8U);
    paper.release();
    keep.release();
    ink.release();
  }

  /** A digit's ink coverage, placed on the page. */
  private record Stroke(Mat alpha, int x, int y) {}

  /** One page being laid out: the printed form in Java2D, the digits as strokes to add. */
  private final class Sheet {
    final Random random;
    final PageOptions options;
    final BufferedImage form;
    final Graphics2D graphics;
    final List<Stroke> strokes = new ArrayList<>();
    final List<TruthLine> lines = new ArrayList<>();
    final int margin;
    int y;
    int written;

    Sheet(Random random, PageOptions options) {
      this.random = random;
      this.options = options;
      this.form =
          new BufferedImage(options.width(), options.height(), BufferedImage.TYPE_BYTE_GRAY);
      this.graphics = form.createGraphics();
      graphics.setColor(Color.WHITE);
      graphics.fillRect(0, 0, options.width(), options.height());
      graphics.setRenderingHint(
          RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
      graphics.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
      this.margin = (int) options.pixels(15);
      this.y = margin;
    }

    void drawForm() {
      Font title =
          new Font(random.nextBoolean() ? Font.SANS_SERIF : Font.SERIF, Font.BOLD, size(6, 8));
      y += print(pick(TITLES), title, margin, y, random.nextBoolean());
      if (random.nextBoolean()) {
        y +=
            print(
                pick(SMALL_PRINT),
                new Font(Font.SANS_SERIF, Font.PLAIN, size(3, 3.6)),
                margin,
                y,
                false);
      }
      y += (int) options.pixels(6);
      while (written < options.targetDigits() && addField()) {
        y += (int) options.pixels(2 + random.nextDouble() * 4);
      }
    }

    /** Prints text with its top at {@code top}; returns the height used. */
    int print(String text, Font font, int left, int top, boolean centred) {
      graphics.setFont(font);
      graphics.setColor(new Color(gray(10, 60), gray(10, 60), gray(10, 60)));
      FontMetrics metrics = graphics.getFontMetrics();
      int x = centred ? (options.width() - metrics.stringWidth(text)) / 2 : left;
      graphics.drawString(text, x, top + metrics.getAscent());
      return metrics.getHeight();
    }

    /** Adds one labelled field with a number written in it; false if the page is full. */
    boolean addField() {
      Field field = FIELDS[random.nextInt(FIELDS.length)];
      List<Integer> groupLengths = groupLengths(field);
      Frame frame = Frame.values()[random.nextInt(Frame.values().length)];
      if (frame == Frame.COMB && groupLengths.size() > 1) {
        frame = Frame.BOX;
      }
      boolean labelAbove = random.nextDouble() < 0.25;
      Font labelFont =
          new Font(
              random.nextBoolean() ? Font.SANS_SERIF : Font.SERIF,
              random.nextDouble() < 0.3 ? Font.BOLD : Font.PLAIN,
              size(3.2, 4.2));
      graphics.setFont(labelFont);
      String label = field.label() + (random.nextBoolean() ? ":" : "");
      int labelWidth = graphics.getFontMetrics().stringWidth(label);
      int labelHeight = graphics.getFontMetrics().getHeight();

      double height = options.pixels(5 + random.nextDouble() * 4.5);
      int left =
          labelAbove
              ? margin + random.nextInt((int) options.pixels(10))
              : margin + labelWidth + (int) options.pixels(4 + random.nextDouble() * 6);
      Layout layout = layout(groupLengths, height, frame, options.width() - margin - left);
      while (layout == null && height > options.pixels(4)) {
        height *= 0.85;
        layout = layout(groupLengths, height, frame, options.width() - margin - left);
      }
      if (layout == null) {
        return true;
      }
      int padY = (int) (height * 0.3);
      int fieldTop = labelAbove ? y + labelHeight + (int) options.pixels(1) : y;
      int fieldHeight = (int) (height + 2 * padY);
      if (fieldTop + fieldHeight + margin > options.height()) {
        return false;
      }
      int labelTop = labelAbove ? y : fieldTop + (fieldHeight - labelHeight) / 2;
      print(label, labelFont, margin, labelTop, false);
      int baseline = fieldTop + padY + (int) height;
      drawFrame(frame, layout, left, fieldTop, fieldHeight, baseline, height);
      writeNumber(layout, left, baseline, height);
      y = fieldTop + fieldHeight;
      return true;
    }

    List<Integer> groupLengths(Field field) {
      int length = field.shortest() + random.nextInt(field.longest() - field.shortest() + 1);
      if (field.label().equals("Telephone") && random.nextDouble() < GROUPED_TELEPHONE) {
        int area = 3 + random.nextInt(3);
        return List.of(area, length - area);
      }
      return List.of(length);
    }

    /** Where each digit goes: x offsets from the field's left, and which MNIST digits. */
    Layout layout(List<Integer> groupLengths, double height, Frame frame, int room) {
      List<int[]> placed = new ArrayList<>();
      List<Mat> alphas = new ArrayList<>();
      double cell = height * (0.85 + random.nextDouble() * 0.3);
      double x = frame == Frame.NONE ? 0 : height * 0.3;
      for (int g = 0; g < groupLengths.size(); g++) {
        if (g > 0) {
          x += height * (1.0 + random.nextDouble() * 0.8);
        }
        for (int i = 0; i < groupLengths.get(g); i++) {
          int index = random.nextInt(digits.size());
          double scale = 1 + (random.nextDouble() * 2 - 1) * 0.1;
          Mat alpha = render(index, height * scale);
          int at;
          if (frame == Frame.COMB) {
            at = (int) Math.round(x + (cell - alpha.cols()) / 2);
            x += cell;
          } else {
            if (i > 0) {
              x +=
                  height
                      * (options.touchingGap()
                          + random.nextDouble() * (0.3 - options.touchingGap()));
            }
            at = (int) Math.round(x);
            x += alpha.cols();
          }
          placed.add(new int[] {index, at, g});
          alphas.add(alpha);
        }
      }
      int width = (int) Math.ceil(x + (frame == Frame.NONE ? 0 : height * 0.3));
      if (width > room) {
        alphas.forEach(Mat::release);
        return null;
      }
      return new Layout(placed, alphas, width, cell);
    }

    void drawFrame(
        Frame frame,
        Layout layout,
        int left,
        int top,
        int height,
        int baseline,
        double digitHeight) {
      if (frame == Frame.NONE) {
        return;
      }
      int shade = gray(30, 130);
      graphics.setColor(new Color(shade, shade, shade));
      float thickness = (float) options.pixels(0.2 + random.nextDouble() * 0.25);
      graphics.setStroke(new BasicStroke(thickness));
      int right = left + layout.width;
      switch (frame) {
        case RULED -> {
          int lineY = baseline + (int) Math.round((random.nextDouble() - 0.3) * 0.08 * digitHeight);
          graphics.drawLine(left, lineY, right, lineY);
        }
        case BOX -> graphics.drawRect(left, top, layout.width, height);
        case COMB -> {
          graphics.drawRect(left, top, layout.width, height);
          double x = left + digitHeight * 0.3;
          for (int i = 0; i <= layout.placed.size(); i++) {
            int at = (int) Math.round(x + i * layout.cell);
            graphics.drawLine(at, top, at, top + height);
          }
        }
        default -> throw new IllegalStateException(frame.name());
      }
    }

    void writeNumber(Layout layout, int left, int baseline, double height) {
      List<List<TruthDigit>> groups = new ArrayList<>();
      for (int i = 0; i < layout.placed.size(); i++) {
        int[] placed = layout.placed.get(i);
        Mat alpha = layout.alphas.get(i);
        if (random.nextDouble() < options.brokenRate()) {
          breakStroke(alpha, height);
        }
        int x = left + placed[1];
        int top =
            baseline
                - alpha.rows()
                + (int) Math.round((random.nextDouble() * 2 - 1) * 0.08 * height);
        strokes.add(new Stroke(alpha, x, top));
        Rect ink = inkBounds(alpha);
        TruthDigit digit =
            new TruthDigit(
                digits.labels()[placed[0]],
                placed[0],
                new Box(x + ink.x, top + ink.y, ink.width, ink.height));
        if (placed[2] == groups.size()) {
          groups.add(new ArrayList<>());
        }
        groups.get(placed[2]).add(digit);
        written++;
      }
      Box box = Box.around(groups.stream().flatMap(List::stream).map(TruthDigit::box).toList());
      lines.add(new TruthLine(groups, box));
    }

    /** A short gap across a stroke, as a pen running dry leaves. */
    void breakStroke(Mat alpha, double height) {
      float[] values = new float[(int) alpha.total()];
      alpha.get(0, 0, values);
      List<Integer> inked = new ArrayList<>();
      for (int i = 0; i < values.length; i++) {
        if (values[i] > 0.8f) {
          inked.add(i);
        }
      }
      if (inked.isEmpty()) {
        return;
      }
      int at = inked.get(random.nextInt(inked.size()));
      Point centre = new Point(at % alpha.cols(), at / alpha.cols());
      double angle = random.nextDouble() * Math.PI;
      double half = 0.15 * height;
      Point a = new Point(centre.x - half * Math.cos(angle), centre.y - half * Math.sin(angle));
      Point b = new Point(centre.x + half * Math.cos(angle), centre.y + half * Math.sin(angle));
      Imgproc.line(alpha, a, b, Scalar.all(0), Math.max(2, (int) Math.round(0.06 * height)));
    }

    int size(double fromMm, double toMm) {
      return (int) Math.round(options.pixels(fromMm + random.nextDouble() * (toMm - fromMm)));
    }

    int gray(int from, int to) {
      return from + random.nextInt(to - from + 1);
    }

    String pick(String[] choices) {
      return choices[random.nextInt(choices.length)];
    }
  }

  /** Digits placed in a field: {mnist index, x offset, group}, their inks, total width. */
  private record Layout(List<int[]> placed, List<Mat> alphas, int width, double cell) {}

  /** An MNIST digit scaled so that its 20-pixel box is {@code height} tall, cropped to its ink. */
  private Mat render(int index, double height) {
    Mat digit = new Mat(MnistSet.SIDE, MnistSet.SIDE, CvType.CV_32F);
    digit.put(0, 0, digits.digit(index));
    int side = (int) Math.round(MnistSet.SIDE * height / 20);
    Mat scaled = new Mat();
    Imgproc.resize(digit, scaled, new Size(side, side), 0, 0, Imgproc.INTER_LINEAR);
    Mat mask = new Mat();
    Core.compare(scaled, Scalar.all(0.02), mask, Core.CMP_GT);
    Rect bounds = Imgproc.boundingRect(mask);
    Mat cropped = scaled.submat(bounds).clone();
    digit.release();
    scaled.release();
    mask.release();
    return cropped;
  }

  /** The part of an ink coverage that a binariser would call ink (coverage over one half). */
  private static Rect inkBounds(Mat alpha) {
    Mat mask = new Mat();
    Core.compare(alpha, Scalar.all(0.5), mask, Core.CMP_GT);
    Rect bounds = Imgproc.boundingRect(mask);
    mask.release();
    return bounds.width == 0 ? new Rect(0, 0, alpha.cols(), alpha.rows()) : bounds;
  }
}
