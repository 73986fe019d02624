package org.digitocr.model;

import static org.bytedeco.openblas.global.openblas_nolapack.CblasNoTrans;
import static org.bytedeco.openblas.global.openblas_nolapack.CblasRowMajor;
import static org.bytedeco.openblas.global.openblas_nolapack.CblasTrans;
import static org.bytedeco.openblas.global.openblas_nolapack.cblas_sgemm;

import java.nio.FloatBuffer;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.bytedeco.javacpp.FloatPointer;
import org.deeplearning4j.nn.conf.GradientNormalization;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.dropout.Dropout;
import org.deeplearning4j.nn.conf.layers.BaseLayer;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.digitocr.util.FloatMatrix;
import org.nd4j.linalg.activations.impl.ActivationSoftmax;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.lossfunctions.impl.LossMCXENT;

/**
 * {@code MultiLayerNetwork.fit} for one mini-batch of the tutorial's kind of network — dense ReLU
 * layers, dropout on their outputs, softmax with cross-entropy, Adam — as OpenBLAS products (the
 * library and threads ND4J itself uses) and fused passes in Java, on the network's own parameter
 * and Adam state arrays, so the network afterwards is what {@code fit} would have left: the same
 * parameters to float rounding, the same Adam moments and iteration count.
 *
 * <p>Inside {@code fit} nearly two-thirds of an MLP epoch went on deeplearning4j's work around the
 * products: Adam's update on one thread, a random-number op per dropout layer, and a native op with
 * fresh arrays for every bias, activation, derivative and mask (docs/performance.md). Here the
 * bias, ReLU and dropout of a layer are one pass, its ReLU derivative and mask one array of
 * factors, and Adam one pass shared by two threads.
 *
 * <p>Dropout masks come from a {@link SplittableRandom} seeded by the caller, not from ND4J's
 * generator: training is reproducible, but not mask for mask the same as {@code fit}'s.
 */
public final class BlasTrainingStep implements AutoCloseable {
  /** Adam's pass copies its four arrays in pieces this long: 32 KB, a core's L1 data cache. */
  private static final int CHUNK = 2048;

  private static final float[] NO_FACTORS = new float[0];

  private final MultiLayerNetwork network;
  private final int layers;

  /** widths[0] inputs, widths[l + 1] layer l's outputs. */
  private final int[] widths;

  /** Where layer l's weights (column-major, inputs x outputs) start in the flat parameters. */
  private final long[] weightOffsets;

  /** Per layer, the probability its input is kept; 1 without dropout. */
  private final float[] retain;

  private final FloatPointer gradient;
  private final SplittableRandom random;
  private final ExecutorService helper;

  /**
   * The network's parameters and Adam's two moments, looked up at every step: changing the learning
   * rate gives the network a new updater with a new state array.
   */
  private FloatPointer params;

  private FloatPointer adamM;
  private FloatPointer adamV;

  /** layerInputs[l] for l > 0: layer l's input after dropout; rows x widths[l]. */
  private final FloatPointer[] layerInputs;

  /** Per layer, the gradient at its pre-activation; rows x widths[l + 1]. */
  private final FloatPointer[] deltas;

  /** Per hidden layer, ReLU's derivative times the dropout mask and 1/retain, by element. */
  private final float[][] factors;

  private FloatPointer backward;
  private FloatPointer logits;
  private float[] staging = new float[0];
  private int capacity;

  /**
   * @param network initialised, and accepted by {@link #supports}
   * @param seed the dropout masks' generator's
   */
  public BlasTrainingStep(MultiLayerNetwork network, long seed) {
    if (!supports(network)) {
      throw new IllegalArgumentException("not a dense ReLU network with softmax, trained by Adam");
    }
    this.network = network;
    MultiLayerConfiguration conf = network.getLayerWiseConfigurations();
    layers = conf.getConfs().size();
    widths = new int[layers + 1];
    weightOffsets = new long[layers];
    retain = new float[layers];
    long offset = 0;
    for (int l = 0; l < layers; l++) {
      var layer = (org.deeplearning4j.nn.conf.layers.FeedForwardLayer) conf.getConf(l).getLayer();
      widths[l] = (int) layer.getNIn();
      widths[l + 1] = (int) layer.getNOut();
      weightOffsets[l] = offset;
      offset += (layer.getNIn() + 1) * layer.getNOut();
      retain[l] = layer.getIDropout() == null ? 1f : (float) ((Dropout) layer.getIDropout()).getP();
    }
    gradient = new FloatPointer(offset);
    random = new SplittableRandom(seed);
    helper =
        Executors.newSingleThreadExecutor(
            task -> {
              Thread thread = new Thread(task, "adam-update");
              thread.setDaemon(true);
              return thread;
            });
    layerInputs = new FloatPointer[layers];
    deltas = new FloatPointer[layers];
    factors = new float[layers][];
  }

  /**
   * Whether this step trains {@code network} as {@code fit} would: dense layers with plain ReLU, a
   * softmax output with cross-entropy, all with biases, one Adam configuration, dropout with a
   * fixed probability on hidden layers' outputs only, no regularisation, gradient normalisation,
   * weight noise or constraints, floats, flat parameters and Adam state.
   */
  public static boolean supports(MultiLayerNetwork network) {
    MultiLayerConfiguration conf = network.getLayerWiseConfigurations();
    List<org.deeplearning4j.nn.conf.NeuralNetConfiguration> confs = conf.getConfs();
    int last = confs.size() - 1;
    if (last < 1
        || conf.getDataType() != DataType.FLOAT
        || !conf.getInputPreProcessors().isEmpty()
        || network.params() == null) {
      return false;
    }
    Object updater = ((BaseLayer) confs.get(0).getLayer()).getIUpdater();
    long parameters = 0;
    for (int l = 0; l <= last; l++) {
      if (!confs.get(l).isMiniBatch()
          || !(confs.get(l).getLayer() instanceof BaseLayer layer)
          || !trainsPlainly(layer, updater)
          || !(l == last ? isSoftmaxOutput(layer) : isPlainReluLayer(layer))
          || !(l == 0 ? layer.getIDropout() == null : hasFixedDropout(layer))) {
        return false;
      }
      var dense = (org.deeplearning4j.nn.conf.layers.FeedForwardLayer) layer;
      parameters += (dense.getNIn() + 1) * dense.getNOut();
    }
    INDArray state = network.getUpdater().getStateViewArray();
    return network.params().length() == parameters
        && state != null
        && state.length() == 2 * parameters
        && FloatMatrix.isContiguous(network.params())
        && FloatMatrix.isContiguous(state);
  }

  private static boolean trainsPlainly(BaseLayer layer, Object updater) {
    return layer.getIUpdater() instanceof Adam
        && layer.getIUpdater().equals(updater)
        && (layer.getBiasUpdater() == null || layer.getBiasUpdater().equals(updater))
        && isEmpty(layer.getRegularization())
        && isEmpty(layer.getRegularizationBias())
        && (layer.getGradientNormalization() == null
            || layer.getGradientNormalization() == GradientNormalization.None)
        && layer.getWeightNoise() == null
        && isEmpty(layer.getConstraints());
  }

  private static boolean isPlainReluLayer(BaseLayer layer) {
    return layer.getClass() == DenseLayer.class
        && ((DenseLayer) layer).hasBias()
        && DenseSkippingRecompute.isPlainRelu((DenseLayer) layer);
  }

  private static boolean isSoftmaxOutput(BaseLayer layer) {
    return layer.getClass() == OutputLayer.class
        && ((OutputLayer) layer).hasBias()
        && layer.getActivationFn() instanceof ActivationSoftmax
        && ((OutputLayer) layer).getLossFn() instanceof LossMCXENT loss
        && loss.getWeights() == null;
  }

  private static boolean hasFixedDropout(BaseLayer layer) {
    return layer.getIDropout() == null
        || (layer.getIDropout().getClass() == Dropout.class
            && ((Dropout) layer.getIDropout()).getPSchedule() == null);
  }

  private static boolean isEmpty(List<?> list) {
    return list == null || list.isEmpty();
  }

  /**
   * One step on a mini-batch, as {@code network.fit(new DataSet(features, labels))}.
   *
   * @param features rows x inputs, floats, row-major and contiguous
   * @param labels rows x classes, one-hot (or class probabilities), the same layout
   */
  public void fit(INDArray features, INDArray labels) {
    if (features.rank() != 2
        || labels.rank() != 2
        || features.columns() != widths[0]
        || labels.columns() != widths[layers]
        || labels.rows() != features.rows()) {
      throw new IllegalArgumentException(
          String.format(
              "a batch for %d inputs and %d classes, not features %s and labels %s",
              widths[0],
              widths[layers],
              Arrays.toString(features.shape()),
              Arrays.toString(labels.shape())));
    }
    if (!FloatMatrix.isContiguous(features) || !FloatMatrix.isContiguous(labels)) {
      features = features.castTo(DataType.FLOAT).dup('c');
      labels = labels.castTo(DataType.FLOAT).dup('c');
    }
    int rows = (int) features.rows();
    reserve(rows);
    long parameters = gradient.capacity();
    INDArray state = network.getUpdater().getStateViewArray();
    params = FloatMatrix.elements(network.params());
    adamM = FloatMatrix.elements(state);
    adamV = FloatMatrix.elements(state).position(parameters);
    FloatPointer input = FloatMatrix.elements(features);
    forward(input, rows);
    outputDelta(FloatMatrix.elements(labels), rows);
    backward(input, rows);
    adam();
  }

  private void forward(FloatPointer input, int rows) {
    for (int l = 0; l < layers; l++) {
      int in = widths[l];
      int out = widths[l + 1];
      FloatPointer output = l + 1 < layers ? layerInputs[l + 1] : logits;
      cblas_sgemm(
          CblasRowMajor,
          CblasNoTrans,
          CblasTrans,
          rows,
          out,
          in,
          1f,
          l == 0 ? input : layerInputs[l],
          in,
          weights(l),
          in,
          0f,
          output,
          out);
      if (l + 1 < layers) {
        activate(l, output.asBuffer(), rows);
      }
    }
  }

  /**
   * Adds layer l's bias, applies ReLU and the next layer's dropout in place, and keeps their
   * derivative by element. Without branches: the masks are random, and ReLU's zeros nearly so.
   */
  private void activate(int l, FloatBuffer values, int rows) {
    int width = widths[l + 1];
    int length = rows * width;
    float[] bias = bias(l);
    float[] factor = factors[l];
    dropoutMask(factor, length, retain[l + 1]);
    values.get(0, staging, 0, length);
    for (int r = 0, i = 0; r < rows; r++) {
      for (int j = 0; j < width; j++, i++) {
        int sum = Float.floatToRawIntBits(staging[i] + bias[j]);
        int relu = sum & ~(sum >> 31);
        int alive = -relu >> 31;
        staging[i] = Float.intBitsToFloat(relu) * factor[i];
        factor[i] = Float.intBitsToFloat(Float.floatToRawIntBits(factor[i]) & alive);
      }
    }
    values.put(0, staging, 0, length);
  }

  /**
   * Fills {@code mask} with 1/keep where an element is kept, with probability {@code keep}, and 0
   * elsewhere: kept where 32 random bits fall below keep x 2^32, two elements from each 64 bits.
   */
  private void dropoutMask(float[] mask, int length, float keep) {
    if (keep == 1f) {
      Arrays.fill(mask, 0, length, 1f);
      return;
    }
    long threshold = (long) (keep * 0x1p32);
    int scale = Float.floatToRawIntBits(1 / keep);
    for (int i = 0; i < length; i += 2) {
      long bits = random.nextLong();
      mask[i] = Float.intBitsToFloat(scale & (int) (((bits & 0xFFFF_FFFFL) - threshold) >> 63));
      if (i + 1 < length) {
        mask[i + 1] = Float.intBitsToFloat(scale & (int) (((bits >>> 32) - threshold) >> 63));
      }
    }
  }

  /** Softmax of the logits, less the labels, over the batch size: the gradient at the logits. */
  private void outputDelta(FloatPointer labels, int rows) {
    int classes = widths[layers];
    int length = rows * classes;
    float[] bias = bias(layers - 1);
    float[] target = new float[length];
    labels.asBuffer().get(0, target, 0, length);
    logits.asBuffer().get(0, staging, 0, length);
    for (int r = 0; r < rows; r++) {
      int from = r * classes;
      for (int c = 0; c < classes; c++) {
        staging[from + c] += bias[c];
      }
      DenseWeights.softmax(staging, from, classes);
    }
    for (int i = 0; i < length; i++) {
      staging[i] = (staging[i] - target[i]) / rows;
    }
    deltas[layers - 1].asBuffer().put(0, staging, 0, length);
  }

  /**
   * From the last layer down: each layer's weight and bias gradients into {@link #gradient}, and
   * the gradient at the layer below's pre-activation.
   */
  private void backward(FloatPointer input, int rows) {
    FloatBuffer gradients = gradient.asBuffer();
    for (int l = layers - 1; l >= 0; l--) {
      int in = widths[l];
      int out = widths[l + 1];
      cblas_sgemm(
          CblasRowMajor,
          CblasTrans,
          CblasNoTrans,
          out,
          in,
          rows,
          1f,
          deltas[l],
          out,
          l == 0 ? input : layerInputs[l],
          in,
          0f,
          gradient.getPointer(weightOffsets[l]),
          in);
      float[] biasGradient = new float[out];
      deltas[l].asBuffer().get(0, staging, 0, rows * out);
      for (int r = 0; r < rows; r++) {
        for (int j = 0, i = r * out; j < out; j++, i++) {
          biasGradient[j] += staging[i];
        }
      }
      gradients.put((int) (weightOffsets[l] + (long) in * out), biasGradient);
      if (l > 0) {
        cblas_sgemm(
            CblasRowMajor,
            CblasNoTrans,
            CblasNoTrans,
            rows,
            in,
            out,
            1f,
            deltas[l],
            out,
            weights(l),
            in,
            0f,
            backward,
            in);
        int length = rows * in;
        backward.asBuffer().get(0, staging, 0, length);
        float[] factor = factors[l - 1];
        for (int i = 0; i < length; i++) {
          staging[i] *= factor[i];
        }
        deltas[l - 1].asBuffer().put(0, staging, 0, length);
      }
    }
  }

  /**
   * deeplearning4j's Adam (libnd4j's {@code adam_updater}, then {@code params -= update}) over all
   * parameters, half on a helper thread.
   */
  private void adam() {
    var config = (Adam) ((BaseLayer) network.getLayer(0).conf().getLayer()).getIUpdater();
    int iteration = network.getIterationCount();
    float learningRate = (float) config.getLearningRate(iteration, network.getEpochCount());
    float beta1 = (float) config.getBeta1();
    float beta2 = (float) config.getBeta2();
    float epsilon = (float) config.getEpsilon();
    float beta1T = (float) Math.pow(beta1, iteration + 1);
    float beta2T = (float) Math.pow(beta2, iteration + 1);
    float alpha = (float) (learningRate * (float) Math.sqrt(1.0 - beta2T) / (1.0 - beta1T));
    if (Float.isNaN(alpha) || Float.isInfinite(alpha) || alpha == 0) {
      alpha = epsilon;
    }
    AdamPass pass = new AdamPass(beta1, beta2, epsilon, alpha);
    int count = (int) gradient.capacity();
    int half = count / 2 / CHUNK * CHUNK;
    Future<?> upper = helper.submit(() -> pass.run(half, count));
    pass.run(0, half);
    try {
      upper.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted during Adam's update", e);
    } catch (java.util.concurrent.ExecutionException e) {
      throw new IllegalStateException("Adam's update failed", e.getCause());
    }
    network.getLayerWiseConfigurations().setIterationCount(iteration + 1);
  }

  /** Adam's update over a range of the parameters, with buffers of its own. */
  private final class AdamPass {
    private final float beta1;
    private final float beta2;
    private final float epsilon;
    private final float alpha;

    AdamPass(float beta1, float beta2, float epsilon, float alpha) {
      this.beta1 = beta1;
      this.beta2 = beta2;
      this.epsilon = epsilon;
      this.alpha = alpha;
    }

    void run(int from, int to) {
      FloatBuffer g = gradient.asBuffer();
      FloatBuffer p = params.asBuffer();
      FloatBuffer m = adamM.asBuffer();
      FloatBuffer v = adamV.asBuffer();
      float[] gs = new float[CHUNK];
      float[] ps = new float[CHUNK];
      float[] ms = new float[CHUNK];
      float[] vs = new float[CHUNK];
      float keep1 = 1 - beta1;
      float keep2 = 1 - beta2;
      for (int start = from; start < to; start += CHUNK) {
        int n = Math.min(CHUNK, to - start);
        g.get(start, gs, 0, n);
        p.get(start, ps, 0, n);
        m.get(start, ms, 0, n);
        v.get(start, vs, 0, n);
        for (int i = 0; i < n; i++) {
          float grad = gs[i];
          float moment = beta1 * ms[i] + grad * keep1;
          float square = beta2 * vs[i] + grad * grad * keep2;
          ms[i] = moment;
          vs[i] = square;
          ps[i] -= (moment * alpha) / ((float) Math.sqrt(square) + epsilon);
        }
        p.put(start, ps, 0, n);
        m.put(start, ms, 0, n);
        v.put(start, vs, 0, n);
      }
    }
  }

  /** Layer l's weights as a row-major outputs x inputs matrix. */
  private FloatPointer weights(int l) {
    return params.getPointer(weightOffsets[l]);
  }

  private float[] bias(int l) {
    float[] bias = new float[widths[l + 1]];
    params
        .asBuffer()
        .get((int) (weightOffsets[l] + (long) widths[l] * widths[l + 1]), bias, 0, bias.length);
    return bias;
  }

  /** Buffers for batches of up to {@code rows} digits. */
  private void reserve(int rows) {
    if (rows <= capacity) {
      return;
    }
    freeBatchBuffers();
    int widest = 0;
    for (int l = 0; l < layers; l++) {
      widest = Math.max(widest, Math.max(widths[l], widths[l + 1]));
      deltas[l] = new FloatPointer((long) rows * widths[l + 1]);
      if (l > 0) {
        layerInputs[l] = new FloatPointer((long) rows * widths[l]);
      }
      factors[l] = l + 1 < layers ? new float[rows * widths[l + 1]] : NO_FACTORS;
    }
    backward = new FloatPointer((long) rows * widest);
    logits = new FloatPointer((long) rows * widths[layers]);
    staging = new float[rows * widest];
    capacity = rows;
  }

  private void freeBatchBuffers() {
    for (int l = 0; l < layers; l++) {
      close(layerInputs[l]);
      close(deltas[l]);
    }
    close(backward);
    close(logits);
  }

  private static void close(FloatPointer pointer) {
    if (pointer != null) {
      pointer.close();
    }
  }

  @Override
  public void close() {
    helper.shutdown();
    freeBatchBuffers();
    gradient.close();
  }
}
