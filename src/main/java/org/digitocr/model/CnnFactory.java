package org.digitocr.model;

import org.deeplearning4j.nn.conf.CNN2DFormat;
import org.deeplearning4j.nn.conf.ConvolutionMode;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.BatchNormalization;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.conf.layers.SubsamplingLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.weights.WeightInit;
import org.digitocr.mnist.MnistSet;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.lossfunctions.LossFunctions;

/**
 * A small convolutional network: three blocks of 3x3 convolution, batch norm, ReLU and 2x2 max
 * pooling (32, 64, 128 channels at 28, 14 and 7 pixels), then a dense layer of 128 with dropout.
 *
 * <p>Sized for two CPU cores, where a convolution's cost grows with its image size far more than
 * with its channels: pooling after every convolution kept an epoch short. With oneDNN's kernels
 * (see {@code runtime.Natives}) and the layers {@link NetworkClassifier} swaps in, an epoch of 60k
 * digits takes 75-100 s here (135 s before those). Half the width (16, 32, 64 channels) topped out
 * at 99.28% on MNIST's test set, short of issue 6's 99.5%. It takes the same flat {@code n x 784}
 * rows as the MLP, so everything downstream treats both alike.
 */
public final class CnnFactory {
  private static final int[] CHANNELS = {32, 64, 128};
  private static final int DENSE = 128;
  private static final CNN2DFormat FORMAT = CNN2DFormat.NCHW;

  private CnnFactory() {}

  /**
   * @param dropoutRate Keras' convention, applied before the dense layer and before the output
   */
  public static MultiLayerNetwork build(
      int classes, double dropoutRate, double learningRate, long seed) {
    NeuralNetConfiguration.ListBuilder layers =
        new NeuralNetConfiguration.Builder()
            .seed(seed)
            .updater(Adam.builder().learningRate(learningRate).build())
            .weightInit(WeightInit.RELU)
            .convolutionMode(ConvolutionMode.Same)
            .list();
    for (int channels : CHANNELS) {
      // batch norm's shift makes the convolution's bias redundant
      layers.layer(
          new ConvolutionLayer.Builder(3, 3)
              .nOut(channels)
              .hasBias(false)
              .dataFormat(FORMAT)
              .activation(Activation.IDENTITY)
              .build());
      layers.layer(
          new BatchNormalization.Builder().dataFormat(FORMAT).activation(Activation.RELU).build());
      layers.layer(
          new SubsamplingLayer.Builder(SubsamplingLayer.PoolingType.MAX)
              .kernelSize(2, 2)
              .stride(2, 2)
              .dataFormat(FORMAT)
              .build());
    }
    DenseLayer.Builder dense = new DenseLayer.Builder().nOut(DENSE).activation(Activation.RELU);
    OutputLayer.Builder output =
        new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT)
            .nOut(classes)
            .weightInit(WeightInit.XAVIER)
            .activation(Activation.SOFTMAX);
    if (dropoutRate > 0) {
      dense.dropOut(1 - dropoutRate);
      output.dropOut(1 - dropoutRate);
    }
    layers.layer(dense.build());
    layers.layer(output.build());
    layers.setInputType(InputType.convolutionalFlat(MnistSet.SIDE, MnistSet.SIDE, 1));
    MultiLayerNetwork network = new MultiLayerNetwork(layers.build());
    network.init();
    return network;
  }
}
