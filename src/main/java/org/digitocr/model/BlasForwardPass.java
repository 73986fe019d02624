package org.digitocr.model;

import static org.bytedeco.openblas.global.openblas_nolapack.CblasNoTrans;
import static org.bytedeco.openblas.global.openblas_nolapack.CblasRowMajor;
import static org.bytedeco.openblas.global.openblas_nolapack.cblas_sgemm;

import java.nio.FloatBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.bytedeco.javacpp.FloatPointer;
import org.digitocr.runtime.Natives;

/**
 * A dense ReLU network's forward pass to its softmax output as one OpenBLAS product per layer (the
 * library ND4J itself calls, on its threads), on buffers kept from one batch to the next.
 *
 * <p>{@code MultiLayerNetwork.output()} on a batch of 256 ran at ~60–90k digits/s where its three
 * products alone run at ~125–160k with two threads: the rest went on dispatch, fresh output arrays
 * and separate bias, ReLU and softmax ops (docs/performance.md, session 13). Here:
 *
 * <ul>
 *   <li>each layer's bias is the last row of its weight matrix, met by a column of ones in the
 *       layer's input, so the product adds it;
 *   <li>a layer writes its output straight into the next layer's input, ReLU is applied there in
 *       one pass, and the softmax on the last layer's logits in Java;
 *   <li>the first layer multiplies only the pixels that are ink in some digit of the batch: a third
 *       of an MNIST batch's pixels are background in all 256 digits;
 *   <li>a batch of at least twice {@link #MIN_PART_ROWS} digits is split by rows into up to {@link
 *       Natives#batchThreads()} parts, each read as a batch of its own by a copy of this pass on a
 *       thread of its own, OpenBLAS on one thread: at batch 256 OpenBLAS's own split of each
 *       product left the rest of the pass, a quarter of its time, on one core, and its threads
 *       waited for each other in {@code sched_yield} (docs/performance.md, session 19). {@code
 *       scan} reads a page in one part, so it reads the same with any number of workers.
 * </ul>
 *
 * <p>Holds buffers between calls: one instance per thread ({@link #copy()}).
 */
final class BlasForwardPass {
  private static final int SIGN = 0x8000_0000;

  /** A part of a batch has at least this many rows: a smaller one is not worth a thread. */
  static final int MIN_PART_ROWS = 32;

  /** Threads for the parts of a batch after the first, which the calling thread reads. */
  private static final ExecutorService PARTS =
      Executors.newCachedThreadPool(
          task -> {
            Thread thread = new Thread(task, "digit-ocr-batch-part");
            thread.setDaemon(true);
            return thread;
          });

  private final DenseWeights network;

  /**
   * Per layer after the first (index 0 stays empty: that layer's rows are chosen per batch), its
   * weights with the bias as last row; shared by copies, read only.
   */
  private final FloatPointer[] weightsWithBias;

  /** The first layer's weight rows for the batch's inked pixels, then its bias. */
  private final FloatPointer firstLayerWeights;

  /**
   * Per layer, {@code rows x (inputs + 1)}, row-major, the last column all ones; the first layer's
   * is as wide as the batch's inked pixels, plus one.
   */
  private final FloatPointer[] layerInputs;

  private FloatPointer logits;
  private float[] staging = new float[0];
  private int capacity;

  /** Copies that read the parts of a batch after the first. */
  private final List<BlasForwardPass> partReaders = new ArrayList<>();

  private BlasForwardPass(DenseWeights network, FloatPointer[] weightsWithBias) {
    this.network = network;
    this.weightsWithBias = weightsWithBias;
    this.firstLayerWeights = new FloatPointer((long) (network.inputs() + 1) * network.outputs(0));
    this.layerInputs = new FloatPointer[network.layers()];
  }

  static BlasForwardPass of(DenseWeights network) {
    FloatPointer[] weightsWithBias = new FloatPointer[network.layers()];
    for (int l = 1; l < network.layers(); l++) {
      float[] weights = network.weights(l);
      float[] biases = network.biases(l);
      weightsWithBias[l] = new FloatPointer((long) weights.length + biases.length);
      weightsWithBias[l].asBuffer().put(weights).put(biases);
    }
    return new BlasForwardPass(network, weightsWithBias);
  }

  /** A pass over the same weights with buffers of its own, for another thread. */
  BlasForwardPass copy() {
    return new BlasForwardPass(network, weightsWithBias);
  }

  /**
   * @param pixels at least {@code rows x network.inputs()}, row-major
   * @return {@code rows x network.classes()} probabilities, row-major
   */
  float[] probabilities(float[] pixels, int rows) {
    float[] probabilities = new float[rows * network.classes()];
    int parts = parts(rows);
    if (parts == 1) {
      read(pixels, 0, rows, probabilities);
      return probabilities;
    }
    while (partReaders.size() < parts - 1) {
      partReaders.add(copy());
    }
    List<Future<?>> others = new ArrayList<>();
    for (int part = 1; part < parts; part++) {
      BlasForwardPass reader = partReaders.get(part - 1);
      int from = rows * part / parts;
      int to = rows * (part + 1) / parts;
      others.add(PARTS.submit(() -> reader.read(pixels, from, to, probabilities)));
    }
    try {
      read(pixels, 0, rows / parts, probabilities);
    } finally {
      // Every part is waited for, even on an interrupt: the next call reuses their buffers.
      awaitAll(others);
    }
    return probabilities;
  }

  /** How many parts a batch of {@code rows} digits is read in. */
  static int parts(int rows) {
    // Where OpenBLAS splits each product itself, parts would only compete with its threads.
    if (Natives.blasThreads() > 1) {
      return 1;
    }
    return Math.max(1, Math.min(Natives.batchThreads(), rows / MIN_PART_ROWS));
  }

  private static void awaitAll(List<Future<?>> parts) {
    boolean interrupted = false;
    RuntimeException failure = null;
    for (Future<?> part : parts) {
      while (true) {
        try {
          part.get();
          break;
        } catch (InterruptedException e) {
          interrupted = true;
        } catch (ExecutionException e) {
          failure = new IllegalStateException("a part of a batch of digits failed", e.getCause());
          break;
        }
      }
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
    if (failure != null) {
      throw failure;
    }
  }

  /** Reads rows {@code from} to {@code to} as a batch of their own, into those of the output. */
  private void read(float[] pixels, int from, int to, float[] probabilities) {
    int rows = to - from;
    reserve(rows);
    int inked = stageFirstLayer(pixels, from, rows);
    int last = network.layers() - 1;
    for (int l = 0; l <= last; l++) {
      int inputs = (l == 0 ? inked : network.inputs(l)) + 1;
      int outputs = network.outputs(l);
      FloatPointer weights = l == 0 ? firstLayerWeights : weightsWithBias[l];
      FloatPointer output = l < last ? layerInputs[l + 1] : logits;
      int outputStride = l < last ? outputs + 1 : outputs;
      cblas_sgemm(
          CblasRowMajor,
          CblasNoTrans,
          CblasNoTrans,
          rows,
          outputs,
          inputs,
          1f,
          layerInputs[l],
          inputs,
          weights,
          outputs,
          0f,
          output,
          outputStride);
      if (l < last) {
        relu(output.asBuffer(), rows * outputStride);
      }
    }
    int classes = network.classes();
    logits.asBuffer().get(probabilities, from * classes, rows * classes);
    for (int r = from; r < to; r++) {
      DenseWeights.softmax(probabilities, r * classes, classes);
    }
  }

  /**
   * Copies the columns of the batch's inked pixels, and a column of ones, into the first layer's
   * input, and the matching weight rows, and the bias, into its weights.
   *
   * @param first the batch's first row in {@code pixels}
   * @return how many pixels are ink in some digit of the batch
   */
  private int stageFirstLayer(float[] pixels, int first, int rows) {
    int inputs = network.inputs();
    // Bits of the pixels' magnitudes ORed down each column: plain integer operations, fast under
    // scan's C1 as well as C2.
    int[] ink = new int[inputs];
    for (int r = first; r < first + rows; r++) {
      for (int i = 0, p = r * inputs; i < inputs; i++, p++) {
        ink[i] |= Float.floatToRawIntBits(pixels[p]) & ~SIGN;
      }
    }
    int[] inked = new int[inputs];
    int count = 0;
    for (int i = 0; i < inputs; i++) {
      if (ink[i] != 0) {
        inked[count++] = i;
      }
    }
    int stride = count + 1;
    for (int r = 0; r < rows; r++) {
      int from = (first + r) * inputs;
      int to = r * stride;
      for (int j = 0; j < count; j++) {
        staging[to + j] = pixels[from + inked[j]];
      }
      staging[to + count] = 1;
    }
    layerInputs[0].asBuffer().put(staging, 0, rows * stride);
    int outputs = network.outputs(0);
    float[] weights = network.weights(0);
    FloatBuffer rowsOfInk = firstLayerWeights.asBuffer();
    for (int j = 0; j < count; j++) {
      rowsOfInk.put(weights, inked[j] * outputs, outputs);
    }
    rowsOfInk.put(network.biases(0));
    return count;
  }

  /**
   * ReLU in place; the ones column stays 1. A value whose sign bit is set becomes +0: integer
   * operations, fast under C1 too.
   */
  private void relu(FloatBuffer values, int length) {
    values.get(0, staging, 0, length);
    for (int i = 0; i < length; i++) {
      int bits = Float.floatToRawIntBits(staging[i]);
      staging[i] = Float.intBitsToFloat(bits & ~(bits >> 31));
    }
    values.put(0, staging, 0, length);
  }

  /** Buffers for batches of up to {@code rows} digits. */
  private void reserve(int rows) {
    if (rows <= capacity) {
      return;
    }
    int widest = 0;
    for (int l = 0; l < network.layers(); l++) {
      int stride = network.inputs(l) + 1;
      widest = Math.max(widest, stride);
      if (layerInputs[l] != null) {
        layerInputs[l].close();
      }
      layerInputs[l] = new FloatPointer((long) rows * stride);
      if (l > 0) {
        FloatBuffer input = layerInputs[l].asBuffer();
        for (int r = 0; r < rows; r++) {
          input.put(r * stride + stride - 1, 1);
        }
      }
    }
    if (logits != null) {
      logits.close();
    }
    logits = new FloatPointer((long) rows * network.classes());
    staging = new float[rows * widest];
    capacity = rows;
  }
}
