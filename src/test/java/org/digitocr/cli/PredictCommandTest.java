package org.digitocr.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import org.digitocr.mnist.MnistFiles;
import org.digitocr.mnist.MnistSet;
import org.digitocr.mnist.MnistTestData;
import org.digitocr.runtime.Natives;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opencv.core.Core;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.Rect;
import org.opencv.core.Scalar;
import org.opencv.core.Size;
import org.opencv.imgcodecs.Imgcodecs;
import org.opencv.imgproc.Imgproc;

/** {@code predict} with the shipped model on files the test draws and on MNIST test digits. */
class PredictCommandTest {
  private static final int DIGITS = 10;

  @TempDir Path dir;

  private static MnistSet test;

  @BeforeAll
  static void data() throws IOException {
    Natives.loadOpenCv();
    test = MnistFiles.test(MnistTestData.dir());
  }

  /**
   * MNIST test digit {@code index} as a scanned one might look: eight times larger, dark ink on
   * white paper, off-centre on a page of another shape.
   */
  private Path drawnDigit(int index) {
    Mat digit = new Mat();
    test.image(index).convertTo(digit, CvType.CV_8U, 255);
    Mat large = new Mat();
    Imgproc.resize(digit, large, new Size(224, 224), 0, 0, Imgproc.INTER_CUBIC);
    Core.bitwise_not(large, large);
    Mat page = new Mat(300, 260, CvType.CV_8UC1, Scalar.all(255));
    large.copyTo(page.submat(new Rect(10, 40, 224, 224)));
    Path file = dir.resolve("digit-" + index + ".png");
    assertTrue(Imgcodecs.imwrite(file.toString(), page));
    return file;
  }

  @Test
  void readsDrawnDigitsDarkOnLight() throws IOException {
    List<String> args =
        new ArrayList<>(List.of("predict", "--out", dir.resolve("fig.png").toString()));
    for (int i = 0; i < DIGITS; i++) {
      args.add(drawnDigit(i).toString());
    }
    CliRun run = CliRun.of(args.toArray(String[]::new));
    assertEquals(0, run.exitCode(), run.err());
    List<String> lines = run.outLines();
    for (int i = 0; i < DIGITS; i++) {
      String[] fields = lines.get(i).trim().split("\\s+");
      assertEquals(dir.resolve("digit-" + i + ".png").toString(), fields[0]);
      assertEquals(String.valueOf(test.labels()[i]), fields[1], lines.get(i));
      double probability = Double.parseDouble(fields[2]);
      assertTrue(probability > 0.5 && probability <= 1, lines.get(i));
    }
    BufferedImage figure = ImageIO.read(dir.resolve("fig.png").toFile());
    assertTrue(figure.getWidth() > 8 * 112 && figure.getHeight() > 2 * 112, "two rows of eight");
  }

  @Test
  void mnistRangeIncludesStartAndExcludesEnd() {
    CliRun run =
        CliRun.of("predict", "--mnist-test", "1:5,9", "--out", dir.resolve("fig.png").toString());
    assertEquals(0, run.exitCode(), run.err());
    List<String> lines = run.outLines();
    List<String> names = new ArrayList<>();
    for (String line : lines.subList(0, 5)) {
      String[] fields = line.trim().split("\\s+");
      names.add(fields[0]);
      int index = Integer.parseInt(fields[0].substring("mnist-test:".length()));
      assertTrue(line.endsWith("(labelled " + test.labels()[index] + ")"), line);
    }
    assertEquals(
        List.of("mnist-test:1", "mnist-test:2", "mnist-test:3", "mnist-test:4", "mnist-test:9"),
        names);
    assertTrue(Files.isRegularFile(dir.resolve("fig.png")));
  }

  @Test
  void badFileIsReportedInOneLineAndTheOthersAreStillRead() throws IOException {
    Path broken = Files.writeString(dir.resolve("broken.png"), "not an image");
    Path blank = dir.resolve("blank.png");
    Imgcodecs.imwrite(blank.toString(), new Mat(60, 60, CvType.CV_8UC1, Scalar.all(255)));
    Path good = drawnDigit(0);
    CliRun run =
        CliRun.of(
            "predict",
            broken.toString(),
            good.toString(),
            blank.toString(),
            "--out",
            dir.resolve("fig.png").toString());
    assertEquals(1, run.exitCode());
    assertEquals(2, run.errLines().size(), run.err());
    assertTrue(run.errLines().get(0).startsWith("digit-ocr: " + broken + ": "), run.err());
    assertTrue(run.errLines().get(1).startsWith("digit-ocr: " + blank + ": has no ink"), run.err());
    assertTrue(run.out().startsWith(good + "  " + test.labels()[0] + "  "), run.out());
  }

  @Test
  void outOfRangeIndexIsRefused() {
    CliRun run =
        CliRun.of(
            "predict", "--mnist-test", "9998:10001", "--out", dir.resolve("f.png").toString());
    assertEquals(DigitOcr.EXIT_FATAL, run.exitCode());
    assertTrue(run.err().contains("0 <= START < END <= 10000"), run.err());
    assertTrue(Files.notExists(dir.resolve("f.png")));
  }
}
