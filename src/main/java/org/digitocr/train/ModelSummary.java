package org.digitocr.train;

import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.conf.layers.BaseLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;

/** A Keras-style summary: layer, output shape and parameter count, then the total. */
public final class ModelSummary {
  private ModelSummary() {}

  public static String of(MultiLayerNetwork network) {
    StringBuilder out = new StringBuilder();
    String rule = "-".repeat(62) + "\n";
    out.append(String.format("%-28s %-20s %12s%n", "Layer (type)", "Output Shape", "Param #"));
    out.append("=".repeat(62)).append('\n');
    for (Layer layer : network.getLayers()) {
      var conf = layer.conf().getLayer();
      String type = conf.getClass().getSimpleName();
      String activation =
          conf instanceof BaseLayer base && base.getActivationFn() != null
              ? " " + base.getActivationFn().toString().replace("()", "")
              : "";
      long outputs =
          conf instanceof org.deeplearning4j.nn.conf.layers.FeedForwardLayer ff ? ff.getNOut() : 0;
      String dropout = conf.getIDropout() == null ? "" : " (dropout on input)";
      out.append(
          String.format(
              "%-28s %-20s %,12d%n",
              "layer_" + layer.getIndex() + " (" + type + ")",
              "(None, " + outputs + ")" + activation,
              layer.numParams()));
      if (!dropout.isEmpty()) {
        out.append(String.format("%-28s%n", "  " + dropout.trim()));
      }
      out.append(rule);
    }
    out.append(String.format("Total params: %,d%n", network.numParams()));
    out.append(String.format("Trainable params: %,d%n", network.numParams()));
    out.append("Non-trainable params: 0\n");
    return out.toString();
  }
}
