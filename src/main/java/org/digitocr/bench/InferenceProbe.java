package org.digitocr.bench;

import java.util.ArrayList;
import java.util.List;
import org.digitocr.mnist.MnistSet;
import org.digitocr.model.DigitClassifier;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * Digits classified per second through {@link DigitClassifier#classify(INDArray)}, the call the
 * scan pipeline makes, one digit at a time and in batches of 256, over the test set after two
 * seconds of warm-up, with the process's thread settings: a batch of 256 is read in parts, one per
 * core ({@code Natives.batchThreads()}), where {@code scan} reads each page in one. The batches are
 * views of one matrix made before the clock starts, so the figures measure the classifier, not
 * copying pixels around. Each timed repeat passes over the test set for at least a second: one pass
 * in batches of 256 takes under a tenth of one, where a neighbour's burst or a clock tick (CPU time
 * is counted in 10 ms steps) moved the figure by a third (medians of three one-pass repeats, five
 * runs: 89–144k digits/s).
 */
public final class InferenceProbe implements Probe {
  static final int LARGE_BATCH = 256;

  private static final long WARM_UP_NANOS = 2_000_000_000L;

  private static final long REPEAT_NANOS = 1_000_000_000L;

  private final DigitClassifier classifier;
  private final MnistSet digits;
  private final int repeats;

  public InferenceProbe(DigitClassifier classifier, MnistSet digits, int repeats) {
    this.classifier = classifier;
    this.digits = digits;
    this.repeats = repeats;
  }

  @Override
  public List<Figure> measure(Progress progress) {
    INDArray all = digits.features();
    List<Figure> figures = new ArrayList<>();
    for (int batchSize : new int[] {1, LARGE_BATCH}) {
      List<INDArray> batches = batches(all, batchSize);
      if (batches.isEmpty()) {
        throw new IllegalArgumentException(
            "need at least " + batchSize + " test digits to time batches of " + batchSize);
      }
      progress.step(
          String.format(
              "classifying %,d digits in batches of %d: %d timed repeats of at least a second",
              batches.size() * batchSize, batchSize, repeats));
      warmUp(batches);
      double[] rates = new double[repeats];
      double[] cpuRates = new double[repeats];
      for (int r = 0; r < repeats; r++) {
        long start = System.nanoTime();
        long startCpu = CpuClock.nanos();
        int passes = 0;
        do {
          classifyAll(batches);
          passes++;
        } while (System.nanoTime() - start < REPEAT_NANOS);
        long classified = (long) passes * batches.size() * batchSize;
        rates[r] = classified / ((System.nanoTime() - start) / 1e9);
        cpuRates[r] = classified / ((CpuClock.nanos() - startCpu) / 1e9);
      }
      figures.add(
          Figure.reported(
              "infer_digits_per_second_batch" + batchSize,
              "inference, batch " + batchSize,
              "digits/s",
              Median.of(rates)));
      figures.add(Figure.detail("  per CPU-second, all threads", "digits/s", Median.of(cpuRates)));
    }
    return figures;
  }

  /**
   * Passes over the batches for at least {@link #WARM_UP_NANOS}: one pass left the JIT compiling
   * the forward pass's loops during the timed ones, and two of three repeats at batch 256 ran 40%
   * slow in some runs.
   */
  private void warmUp(List<INDArray> batches) {
    long start = System.nanoTime();
    do {
      classifyAll(batches);
    } while (System.nanoTime() - start < WARM_UP_NANOS);
  }

  private void classifyAll(List<INDArray> batches) {
    for (INDArray batch : batches) {
      classifier.classify(batch);
    }
  }

  /** Whole batches only, so every call classifies exactly {@code size} digits. */
  private static List<INDArray> batches(INDArray all, int size) {
    List<INDArray> batches = new ArrayList<>();
    for (long from = 0; from + size <= all.rows(); from += size) {
      batches.add(all.get(NDArrayIndex.interval(from, from + size), NDArrayIndex.all()));
    }
    return batches;
  }
}
