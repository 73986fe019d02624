package org.digitocr.model;

import java.util.function.Function;
import java.util.function.Predicate;
import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.layers.BaseLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;

/** Puts replacement layers into a network in place of some of its own. */
final class LayerSwap {
  private LayerSwap() {}

  /**
   * Replaces each layer of exactly class {@code type} (not a subclass: not a replacement again)
   * that {@code qualifies}.
   */
  static <L extends Layer> MultiLayerNetwork replace(
      MultiLayerNetwork network,
      Class<L> type,
      Predicate<L> qualifies,
      Function<L, Layer> replacement) {
    Layer[] layers = network.getLayers().clone();
    boolean swapped = false;
    for (int i = 0; i < layers.length; i++) {
      if (layers[i].getClass() == type && qualifies.test(type.cast(layers[i]))) {
        layers[i] = replacement.apply(type.cast(layers[i]));
        swapped = true;
      }
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
