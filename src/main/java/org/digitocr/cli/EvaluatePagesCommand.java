package org.digitocr.cli;

import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.Callable;
import org.digitocr.model.DigitClassifier;
import org.digitocr.page.PageDetection;
import org.digitocr.pipeline.PageReader;
import org.digitocr.pipeline.PageResult;
import org.digitocr.pipeline.ReadOptions;
import org.digitocr.runtime.Natives;
import org.digitocr.synth.EncodedPage;
import org.digitocr.synth.PageGenerator;
import org.digitocr.synth.PageOptions;
import org.digitocr.synth.ReadingScore;
import org.digitocr.synth.SyntheticPage;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(
    name = "evaluate-pages",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = {
      "Measure the page reader on generated A4 form pages of MNIST test digits: accuracy against"
          + " the ground truth, speed, and how the minimum confidence sorts right from wrong.",
      "Pages are generated and PNG-encoded (or photographed, --photos) first; then each is"
          + " decoded and read, one worker, timed after two warm-up pages."
    })
public final class EvaluatePagesCommand implements Callable<Integer> {
  private static final int WARM_UP_PAGES = 2;
  private static final float[] THRESHOLDS = {0.5f, 0.6f, 0.7f, 0.8f, 0.9f, 0.95f, 0.99f};

  @Spec CommandSpec spec;

  @Option(
      names = "--count",
      defaultValue = "50",
      description = "Pages (default: ${DEFAULT-VALUE}).")
  int count;

  @Option(
      names = "--min-confidence",
      defaultValue = "" + ReadOptions.DEFAULT_MIN_CONFIDENCE,
      description = "Threshold for uncertain digits (default: ${DEFAULT-VALUE}).")
  float minConfidence;

  @Option(
      names = "--photos",
      description =
          "Read phone photos of the pages instead (perspective, table, uneven light, blur, JPEG"
              + " 60-85 stored turned with an EXIF tag); use --dpi 300 for a sharp sheet.")
  boolean photos;

  @Option(
      names = "--page-detect",
      paramLabel = "MODE",
      defaultValue = "auto",
      converter = ReadingOptions.PageDetectionConverter.class,
      description = "As for scan: auto, on or off (default: ${DEFAULT-VALUE}).")
  PageDetection pageDetect;

  @Mixin ModelOption model;

  @Mixin GeneratedPagesOptions generation;

  @Mixin MnistDataOption data;

  @Override
  public Integer call() throws Exception {
    Natives.shareCoresAmong(1); // read as scan --jobs 1 reads
    Natives.keepFreedPageMemory();
    DigitClassifier classifier = model.load();
    double startup =
        (System.currentTimeMillis() - ManagementFactory.getRuntimeMXBean().getStartTime()) / 1e3;
    PrintWriter out = spec.commandLine().getOut();
    PageReader reader = new PageReader(classifier, new ReadOptions(minConfidence, pageDetect));
    PageGenerator generator = PageGenerator.fromMnistTest(data.dir());
    PageOptions options = PageOptions.a4(generation.dpi).withTargetDigits(generation.digits);
    Random random = new Random(generation.seed);

    long generating = System.nanoTime();
    List<EncodedPage> files = new ArrayList<>();
    for (int i = 0; i < WARM_UP_PAGES + count; i++) {
      SyntheticPage page = generator.generate(random, options);
      files.add(photos ? EncodedPage.photo(page, random) : EncodedPage.scan(page, generation.dpi));
    }
    List<SyntheticPage> pages = files.stream().map(EncodedPage::truth).toList();
    double generated = (System.nanoTime() - generating) / 1e9;
    int truthDigits = pages.stream().skip(WARM_UP_PAGES).mapToInt(SyntheticPage::digitCount).sum();
    out.printf(
        Locale.ROOT,
        "Generated %d %s (seed %d, A4 at %d dpi, %d x %d pixels, %.1f digits per page) in"
            + " %.1f s%n",
        count,
        photos ? "photographed pages" : "pages",
        generation.seed,
        generation.dpi,
        options.width(),
        options.height(),
        (double) truthDigits / count,
        generated);
    out.printf(
        Locale.ROOT, "Start-up (JVM start to model loaded, natives ready): %.2f s%n", startup);

    ReadingScore score = new ReadingScore();
    long[] nanos = new long[count];
    for (int i = 0; i < pages.size(); i++) {
      long start = System.nanoTime();
      PageResult result = files.get(i).read("page-" + i, reader);
      long took = System.nanoTime() - start;
      if (i >= WARM_UP_PAGES) {
        nanos[i - WARM_UP_PAGES] = took;
        score.add(pages.get(i), result);
      }
    }
    report(out, score, nanos);
    return 0;
  }

  private void report(PrintWriter out, ReadingScore score, long[] nanos) {
    double total = Arrays.stream(nanos).sum() / 1e9;
    long[] sorted = nanos.clone();
    Arrays.sort(sorted);
    out.printf(
        Locale.ROOT,
        "Speed (decode %s + read, one worker, after %d warm-up pages): %.2f pages/s"
            + " (%.0f ms per page, median %.0f ms)%n",
        photos ? "JPEG" : "PNG",
        WARM_UP_PAGES,
        count / total,
        1000 * total / count,
        sorted[sorted.length / 2] / 1e6);
    out.printf(
        Locale.ROOT,
        "Digits read correctly: %.2f%% (%d of %d; %d not found, %d misread); %d digits read"
            + " where none is written%n",
        100 * score.digitAccuracy(),
        score.correctDigits(),
        score.truthDigits(),
        score.missedDigits(),
        score.truthDigits() - score.correctDigits() - score.missedDigits(),
        score.spuriousDigits());
    out.printf(
        Locale.ROOT,
        "Lines read exactly: %.2f%% (%d of %d); %d lines read where none is written%n",
        100 * score.lineAccuracy(),
        score.exactLines(),
        score.truthLines(),
        score.extraLines());
    StringBuilder lengths = new StringBuilder("  by digits per line:");
    for (Map.Entry<Integer, int[]> entry : score.linesByLength().entrySet()) {
      int[] tally = entry.getValue();
      lengths.append(String.format(Locale.ROOT, " %d: %d/%d", entry.getKey(), tally[1], tally[0]));
    }
    out.println(lengths);
    out.println("Minimum confidence: share of correct / of wrong digits marked uncertain");
    for (float threshold : THRESHOLDS) {
      double[] flagged = score.flagged(threshold);
      out.printf(
          Locale.ROOT,
          "  %.2f: %5.2f%% of correct, %5.1f%% of wrong%s%n",
          threshold,
          100 * flagged[0],
          100 * flagged[1],
          threshold == minConfidence ? "  (current)" : "");
    }
  }
}
