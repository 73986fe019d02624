package org.digitocr.train;

import java.util.List;
import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.BaseLayer;
import org.deeplearning4j.nn.conf.layers.BatchNormalization;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.digitocr.mnist.MnistSet;

/**
 * A Keras-style summary: layer, output shape and parameter count, then the totals. As in Keras,
 * batch normalisation's running mean and variance count as non-trainable parameters.
 */
public final class ModelSummary {
  private ModelSummary() {}

  public static String of(MultiLayerNetwork network) {
    StringBuilder out = new StringBuilder();
    String rule = "-".repeat(72) + "\n";
    out.append(String.format("%-28s %-30s %12s%n", "Layer (type)", "Output Shape", "Param #"));
    out.append("=".repeat(72)).append('\n');
    List<InputType> outputs =
        network
            .getLayerWiseConfigurations()
            .getLayerActivationTypes(InputType.convolutionalFlat(MnistSet.SIDE, MnistSet.SIDE, 1));
    long nonTrainable = 0;
    for (Layer layer : network.getLayers()) {
      var conf = layer.conf().getLayer();
      String type = conf.getClass().getSimpleName();
      String activation =
          conf instanceof BaseLayer base && base.getActivationFn() != null
              ? " " + base.getActivationFn().toString().replace("()", "")
              : "";
      if (conf instanceof BatchNormalization batchNorm) {
        activation = " " + batchNorm.getActivationFn().toString().replace("()", "");
        nonTrainable += 2 * batchNorm.getNOut();
      }
      String dropout = conf.getIDropout() == null ? "" : " (dropout on input)";
      out.append(
          String.format(
              "%-28s %-30s %,12d%n",
              "layer_" + layer.getIndex() + " (" + type + ")",
              shape(outputs.get(layer.getIndex())) + activation,
              layer.numParams()));
      if (!dropout.isEmpty()) {
        out.append(String.format("%-28s%n", "  " + dropout.trim()));
      }
      out.append(rule);
    }
    out.append(String.format("Total params: %,d%n", network.numParams()));
    out.append(String.format("Trainable params: %,d%n", network.numParams() - nonTrainable));
    out.append(String.format("Non-trainable params: %,d%n", nonTrainable));
    return out.toString();
  }

  /** Keras' notation: (None, 128) for a vector, (None, 14, 14, 16) for an image. */
  private static String shape(InputType type) {
    if (type instanceof InputType.InputTypeConvolutional image) {
      return String.format(
          "(None, %d, %d, %d)", image.getHeight(), image.getWidth(), image.getChannels());
    }
    return "(None, " + type.arrayElementsPerExample() + ")";
  }
}
