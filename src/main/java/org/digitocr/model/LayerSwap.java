package org.digitocr.model;

import java.util.function.UnaryOperator;
import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;

/** Puts replacement layers into a network in place of some of its own. */
final class LayerSwap {
  private LayerSwap() {}

  /**
   * @param replacement a layer's replacement, or the layer itself to keep it
   */
  static MultiLayerNetwork replace(MultiLayerNetwork network, UnaryOperator<Layer> replacement) {
    Layer[] layers = network.getLayers().clone();
    boolean swapped = false;
    for (int i = 0; i < layers.length; i++) {
      Layer replaced = replacement.apply(layers[i]);
      swapped |= replaced != layers[i];
      layers[i] = replaced;
    }
    if (swapped) {
      network.setLayers(layers);
    }
    return network;
  }
}
