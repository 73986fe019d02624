package org.digitocr.model;

import java.util.List;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.weights.WeightInit;
import org.digitocr.mnist.MnistSet;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.lossfunctions.LossFunctions;

/**
 * The tutorial's multi-layer perceptron: 784 → hidden ReLU layers, each followed by dropout → 10
 * softmax, categorical cross-entropy, Adam — with Keras' defaults where DL4J's differ.
 */
public final class MlpFactory {
  /** Keras' Adam epsilon; DL4J defaults to 1e-8. */
  private static final double KERAS_ADAM_EPSILON = 1e-7;

  private MlpFactory() {}

  /**
   * @param dropoutRate Keras' convention: the fraction of activations dropped
   */
  public static MultiLayerNetwork build(
      List<Integer> hidden, double dropoutRate, double learningRate, long seed) {
    return build(hidden, dropoutRate, learningRate, seed, MnistSet.CLASSES);
  }

  /**
   * @param classes 10 digits, or 11 with "not a digit"
   */
  public static MultiLayerNetwork build(
      List<Integer> hidden, double dropoutRate, double learningRate, long seed, int classes) {
    // DL4J's dropOut(p) takes the probability of *retaining* an activation and applies it to the
    // layer's input, so Keras' Dropout after layer k becomes dropOut(1 - rate) on layer k + 1.
    double retain = 1.0 - dropoutRate;
    NeuralNetConfiguration.ListBuilder layers =
        new NeuralNetConfiguration.Builder()
            .seed(seed)
            .updater(Adam.builder().learningRate(learningRate).epsilon(KERAS_ADAM_EPSILON).build())
            .weightInit(WeightInit.XAVIER_UNIFORM)
            .biasInit(0)
            .list();
    int nIn = MnistSet.PIXELS;
    for (int i = 0; i < hidden.size(); i++) {
      DenseLayer.Builder dense =
          new DenseLayer.Builder().nIn(nIn).nOut(hidden.get(i)).activation(Activation.RELU);
      if (i > 0 && dropoutRate > 0) {
        dense.dropOut(retain);
      }
      layers.layer(dense.build());
      nIn = hidden.get(i);
    }
    OutputLayer.Builder output =
        new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT)
            .nIn(nIn)
            .nOut(classes)
            .activation(Activation.SOFTMAX);
    if (!hidden.isEmpty() && dropoutRate > 0) {
      output.dropOut(retain);
    }
    layers.layer(output.build());
    MultiLayerNetwork network = new MultiLayerNetwork(layers.build());
    network.init();
    return network;
  }
}
