package org.digitocr.train;

import org.digitocr.mnist.MnistSet;

/**
 * Holds the last digits of the training set out for model selection, so the test set can be scored
 * once at the end. MNIST's training file is not ordered by class or writer, so its tail is a fair
 * sample.
 */
public record ValidationSplit(MnistSet train, MnistSet validation) {

  public static ValidationSplit lastDigits(MnistSet all, int validationSize) {
    if (validationSize <= 0 || validationSize >= all.size()) {
      throw new IllegalArgumentException(
          "validation split of "
              + validationSize
              + " digits does not fit a training set of "
              + all.size());
    }
    int cut = all.size() - validationSize;
    return new ValidationSplit(all.range(0, cut), all.range(cut, all.size()));
  }
}
