package org.digitocr.pipeline;

import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import org.digitocr.layout.Box;
import org.digitocr.layout.LineLayout;
import org.digitocr.layout.ReadLine;
import org.digitocr.model.DigitClassifier;
import org.digitocr.model.Prediction;
import org.digitocr.normalize.MnistNormalizer;
import org.digitocr.page.CleanPage;
import org.digitocr.page.Page;
import org.digitocr.page.PageCleaner;
import org.digitocr.page.PhotoPreparation;
import org.digitocr.segment.LineRemnantFilter;
import org.digitocr.segment.Located;
import org.digitocr.segment.Piece;
import org.digitocr.segment.PrintedTextFilter;
import org.digitocr.segment.Segmentation;
import org.digitocr.segment.Segmenter;
import org.opencv.core.Mat;

/**
 * Reads one page: clean → segment → normalise → classify (the page's candidates in one batch, then
 * the unsure digits chosen once more if the classifier has a checker) → lay out. A pure function of
 * the page: it writes nothing. Not thread-safe: one per worker, each with its own {@link
 * DigitClassifier#copy()}.
 */
public final class PageReader {
  private final DigitClassifier classifier;
  private final PageCleaner cleaner;
  private final Segmenter segmenter = new Segmenter();
  private final MnistNormalizer normalizer = new MnistNormalizer();
  private final PrintedTextFilter printedText = new PrintedTextFilter();
  private final LineRemnantFilter lineRemnants = new LineRemnantFilter();
  private final LineLayout layout;

  public PageReader(DigitClassifier classifier, ReadOptions options) {
    this(classifier, options, new PageCleaner(List.of(new PhotoPreparation(options.pageDetect()))));
  }

  /** With a cleaner that has extra preparation steps (photos: flattening, light-evening). */
  public PageReader(DigitClassifier classifier, ReadOptions options, PageCleaner cleaner) {
    this.classifier = classifier;
    this.cleaner = cleaner;
    this.layout = new LineLayout(options.minConfidence());
  }

  /**
   * @param file the input's name as it should appear in results
   */
  public PageResult read(String file, Page page) {
    Mat image = page.image();
    int width = image.cols();
    int height = image.rows();
    CleanPage clean = cleaner.clean(image);
    Segmentation segmentation = segmenter.segment(clean);
    try {
      List<String> warnings = new ArrayList<>(clean.warnings());
      if (!clean.inkFound()) {
        warnings.add(PageResult.NO_INK);
        return new PageResult(file, page.number(), width, height, List.of(), warnings);
      }
      List<Piece> pieces = segmentation.pieces();
      // Pieces are normalised independently, on both cores.
      List<MnistNormalizer.Normalized> normalized =
          pieces.parallelStream().map(piece -> normalizer.measure(piece.ink())).toList();
      List<Mat> digits = normalized.stream().map(MnistNormalizer.Normalized::digit).toList();
      double[] strokeWidths =
          normalized.stream().mapToDouble(MnistNormalizer.Normalized::strokeWidth).toArray();
      Prediction[] firstLook = classifier.firstLook(digits);
      List<Integer> chosen = segmentation.chosenPieces(firstLook);
      Prediction[] read = classifier.recheck(digits, firstLook, chosen);
      digits.forEach(Mat::release);
      List<Located> located =
          printedText.filter(
              lineRemnants.filter(
                  segmentation.choose(chosen, read, strokeWidths), segmentation.marks()),
              segmentation.marks(),
              clean.ruledLines());
      UnaryOperator<Box> toOriginal = clean.toOriginal().boxesWithin(width, height);
      List<ReadLine> lines =
          layout.arrange(located).stream().map(line -> line.withBoxes(toOriginal)).toList();
      if (lines.isEmpty()) {
        warnings.add(PageResult.NO_DIGITS);
      }
      return new PageResult(file, page.number(), width, height, lines, warnings);
    } finally {
      segmentation.release();
      clean.release();
    }
  }
}
