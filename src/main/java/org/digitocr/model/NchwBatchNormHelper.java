package org.digitocr.model;

import java.lang.reflect.Field;
import java.util.Map;
import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.conf.CNN2DFormat;
import org.deeplearning4j.nn.gradient.DefaultGradient;
import org.deeplearning4j.nn.gradient.Gradient;
import org.deeplearning4j.nn.layers.normalization.BatchNormalization;
import org.deeplearning4j.nn.layers.normalization.BatchNormalizationHelper;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.params.BatchNormalizationParamInitializer;
import org.deeplearning4j.nn.workspace.ArrayType;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.memory.MemoryWorkspace;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.BaseScalarOp;
import org.nd4j.linalg.api.ops.impl.reduce.floating.SquaredNorm;
import org.nd4j.linalg.api.ops.impl.reduce.same.Sum;
import org.nd4j.linalg.api.ops.impl.reduce3.Dot;
import org.nd4j.linalg.api.ops.impl.scalar.ScalarAdd;
import org.nd4j.linalg.api.ops.impl.scalar.ScalarMultiplication;
import org.nd4j.linalg.api.shape.Shape;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * Batch normalisation's training passes for NCHW activations, with every per-channel sum taken in
 * two steps along contiguous memory: first over each image's plane of a channel (a row of the
 * activations seen as an (images x channels) x pixels matrix), then over the images.
 *
 * <p>deeplearning4j's oneDNN helper has ND4J reduce over dimensions 0, 2 and 3 at once for the
 * batch's mean and variance, and libnd4j's backward pass does the same for its corrections: strided
 * reductions that took 30% of a CNN training step (async-profiler), several times what reading the
 * activations costs. Inference, which uses the stored mean and variance, stays with the layer's own
 * helper, so a trained network's outputs are exactly as before.
 */
final class NchwBatchNormHelper implements BatchNormalizationHelper {
  private static final Field HELPER = helperField();

  private final BatchNormalizationHelper original;
  private INDArray batchMean;
  private INDArray batchVariance;

  private NchwBatchNormHelper(BatchNormalizationHelper original) {
    this.original = original;
  }

  /**
   * Gives the network's NCHW batch-norm layers this helper for training. Layers without a helper
   * (oneDNN off) are left alone: their built-in passes are then the reference.
   */
  static MultiLayerNetwork install(MultiLayerNetwork network) {
    for (Layer layer : network.getLayers()) {
      if (layer instanceof BatchNormalization norm && isNchw(norm)) {
        BatchNormalizationHelper current = helperOf(norm);
        if (current != null && !(current instanceof NchwBatchNormHelper)) {
          setHelper(norm, new NchwBatchNormHelper(current));
        }
      }
    }
    return network;
  }

  private static boolean isNchw(BatchNormalization layer) {
    var conf = (org.deeplearning4j.nn.conf.layers.BatchNormalization) layer.conf().getLayer();
    return conf.getCnn2DFormat() == CNN2DFormat.NCHW && !conf.isLockGammaBeta();
  }

  @Override
  public boolean checkSupported(double eps, boolean fixedGammaBeta) {
    return !fixedGammaBeta;
  }

  @Override
  public boolean checkSupported() {
    return true;
  }

  @Override
  public Map<String, Long> helperMemoryUse() {
    return original.helperMemoryUse();
  }

  @Override
  public INDArray preOutput(
      INDArray x,
      boolean training,
      long[] shape,
      INDArray gamma,
      INDArray beta,
      INDArray mean,
      INDArray var,
      double decay,
      double eps,
      CNN2DFormat format,
      LayerWorkspaceMgr workspaceMgr) {
    if (!training || x.rank() != 4 || format != CNN2DFormat.NCHW) {
      return original.preOutput(
          x, training, shape, gamma, beta, mean, var, decay, eps, format, workspaceMgr);
    }
    Planes planes = Planes.of(x);
    keepBatchStatistics(planes);
    INDArray scale = gamma.reshape(-1).div(Transforms.sqrt(batchVariance.add(eps), false));
    INDArray shift = beta.reshape(-1).sub(batchMean.mul(scale));
    INDArray output =
        workspaceMgr.createUninitialized(ArrayType.ACTIVATIONS, x.dataType(), x.shape(), 'c');
    INDArray outputRows = output.reshape(planes.rows(), planes.pixels());
    alongRows(
        new ScalarMultiplication(planes.rows(planes.input()), planes.perRow(scale), outputRows, 0));
    alongRows(new ScalarAdd(outputRows, planes.perRow(shift), outputRows, 0));
    return output;
  }

  /** The batch's per-channel mean and (biased) variance, from sums and sums of squares. */
  private void keepBatchStatistics(Planes planes) {
    long channels = planes.channels();
    try (MemoryWorkspace ignored = Nd4j.getMemoryManager().scopeOutOfWorkspaces()) {
      if (batchMean == null || batchMean.length() != channels) {
        batchMean = Nd4j.createUninitialized(planes.input().dataType(), channels);
        batchVariance = Nd4j.createUninitialized(planes.input().dataType(), channels);
      }
    }
    double count = planes.valuesPerChannel();
    batchMean.assign(planes.channelSums(planes.input())).divi(count);
    INDArray squares = planes.perPlane();
    Nd4j.exec(new SquaredNorm(planes.cube(planes.input()), squares, 2));
    batchVariance.assign(squares.sum(0)).divi(count).subi(batchMean.mul(batchMean));
  }

  /**
   * With y = gamma (x - mean) / s + beta, s = sqrt(var + eps) and m values a channel: dbeta = sum
   * dy, dgamma = (sum dy x - mean sum dy) / s, and dx = a dy + b x + k with a = gamma / s, b =
   * -gamma dgamma / (m s^2) and k = -a dbeta / m - b mean.
   */
  @Override
  public Pair<Gradient, INDArray> backpropGradient(
      INDArray x,
      INDArray dy,
      long[] shape,
      INDArray gamma,
      INDArray beta,
      INDArray dGammaView,
      INDArray dBetaView,
      double eps,
      CNN2DFormat format,
      LayerWorkspaceMgr workspaceMgr) {
    if (x.rank() != 4 || format != CNN2DFormat.NCHW || batchMean == null) {
      return original.backpropGradient(
          x, dy, shape, gamma, beta, dGammaView, dBetaView, eps, format, workspaceMgr);
    }
    Planes planes = Planes.of(x);
    INDArray gradient = Planes.contiguous(dy);
    double count = planes.valuesPerChannel();
    INDArray sumDy = planes.channelSums(gradient);
    INDArray dotPerPlane = planes.perPlane();
    Nd4j.exec(new Dot(planes.cube(gradient), planes.cube(planes.input()), dotPerPlane, 2));
    INDArray sumDyX = dotPerPlane.sum(0);
    INDArray inverseStd = Transforms.pow(batchVariance.add(eps), -0.5, false);
    INDArray dGamma = sumDyX.sub(batchMean.mul(sumDy)).muli(inverseStd);
    INDArray a = gamma.reshape(-1).mul(inverseStd);
    INDArray b = a.mul(inverseStd).muli(dGamma).divi(-count);
    INDArray k = a.mul(sumDy).divi(-count).subi(b.mul(batchMean));

    INDArray dx =
        workspaceMgr.createUninitialized(ArrayType.ACTIVATION_GRAD, x.dataType(), x.shape(), 'c');
    INDArray dxRows = dx.reshape(planes.rows(), planes.pixels());
    INDArray xTimesB = Nd4j.createUninitialized(x.dataType(), planes.rows(), planes.pixels());
    alongRows(new ScalarMultiplication(planes.rows(planes.input()), planes.perRow(b), xTimesB, 0));
    alongRows(new ScalarMultiplication(planes.rows(gradient), planes.perRow(a), dxRows, 0));
    dxRows.addi(xTimesB);
    alongRows(new ScalarAdd(dxRows, planes.perRow(k), dxRows, 0));

    dGammaView.assign(dGamma.reshape(dGammaView.shape()));
    dBetaView.assign(sumDy.reshape(dBetaView.shape()));
    Gradient parameters = new DefaultGradient();
    parameters.setGradientFor(BatchNormalizationParamInitializer.GAMMA, dGammaView);
    parameters.setGradientFor(BatchNormalizationParamInitializer.BETA, dBetaView);
    return new Pair<>(parameters, dx);
  }

  /**
   * Runs a scalar operation with one scalar per row of a matrix. (A broadcast of a column vector
   * walks the matrix column by column: 20 times slower on these shapes.)
   */
  private static void alongRows(BaseScalarOp operation) {
    operation.setDimension(1);
    Nd4j.exec(operation);
  }

  @Override
  public INDArray getMeanCache(DataType dataType) {
    return batchMean == null ? original.getMeanCache(dataType) : batchMean.castTo(dataType);
  }

  @Override
  public INDArray getVarCache(DataType dataType) {
    return batchVariance == null ? original.getVarCache(dataType) : batchVariance.castTo(dataType);
  }

  /** An N x C x H x W batch seen as N x C planes of H x W values; the input made contiguous. */
  private record Planes(INDArray input, long images, long channels, long pixels) {
    static Planes of(INDArray x) {
      return new Planes(contiguous(x), x.size(0), x.size(1), x.size(2) * x.size(3));
    }

    static INDArray contiguous(INDArray x) {
      return x.ordering() == 'c' && Shape.hasDefaultStridesForShape(x) ? x : x.dup('c');
    }

    long rows() {
      return images * channels;
    }

    double valuesPerChannel() {
      return (double) images * pixels;
    }

    /** A contiguous array of the input's shape seen as images x channels x pixels. */
    INDArray cube(INDArray a) {
      return a.reshape(images, channels, pixels);
    }

    /** A contiguous array of the input's shape seen as (images x channels) x pixels. */
    INDArray rows(INDArray a) {
      return a.reshape(rows(), pixels);
    }

    INDArray perPlane() {
      return Nd4j.createUninitialized(input.dataType(), images, channels);
    }

    /** The sum of each channel's values over all images and pixels. */
    INDArray channelSums(INDArray a) {
      INDArray planeSums = perPlane();
      Nd4j.exec(new Sum(cube(a), planeSums, 2));
      INDArray sums = Nd4j.createUninitialized(input.dataType(), channels);
      Nd4j.exec(new Sum(planeSums, sums, 0));
      return sums;
    }

    /** A per-channel value repeated for every image: one value per row of {@link #rows}. */
    INDArray perRow(INDArray perChannel) {
      return Nd4j.zeros(input.dataType(), images, channels)
          .addiRowVector(perChannel.reshape(1, channels))
          .reshape(rows());
    }
  }

  private static Field helperField() {
    try {
      Field field = BatchNormalization.class.getDeclaredField("helper");
      field.setAccessible(true);
      return field;
    } catch (NoSuchFieldException e) {
      throw new IllegalStateException("deeplearning4j's BatchNormalization has no helper field", e);
    }
  }

  private static BatchNormalizationHelper helperOf(BatchNormalization layer) {
    try {
      return (BatchNormalizationHelper) HELPER.get(layer);
    } catch (IllegalAccessException e) {
      throw new IllegalStateException(e);
    }
  }

  private static void setHelper(BatchNormalization layer, BatchNormalizationHelper helper) {
    try {
      HELPER.set(layer, helper);
    } catch (IllegalAccessException e) {
      throw new IllegalStateException(e);
    }
  }
}
