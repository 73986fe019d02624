package org.digitocr.model;

import java.util.function.UnaryOperator;
import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.layers.BaseLayer;
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

  /**
   * Gives a replacement the place of a layer with parameters: its index, listeners, parameters and
   * gradient arrays (the network's own, shared).
   */
  static void takeOver(BaseLayer<?> replacement, BaseLayer<?> layer) {
    replacement.setIndex(layer.getIndex());
    replacement.setListeners(layer.getListeners());
    replacement.setParamsViewArray(layer.params());
    replacement.setParamTable(layer.paramTable());
    if (layer.getGradientsViewArray() != null) {
      // else the network has not trained yet and hands the views to its current layers when it does
      replacement.setBackpropGradientsViewArray(layer.getGradientsViewArray());
    }
  }
}
