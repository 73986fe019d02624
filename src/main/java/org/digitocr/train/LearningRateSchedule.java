package org.digitocr.train;

/**
 * The learning rate for each epoch, from the base rate: {@code constant}, {@code exp:G} (multiplied
 * by G after every epoch) or {@code cosine} (half a cosine from the base rate down to 1% of it over
 * all epochs).
 */
public record LearningRateSchedule(String spec, double base, int epochs) {
  public static final String CONSTANT = "constant";
  private static final double COSINE_FLOOR = 0.01;

  public static LearningRateSchedule parse(String spec, double base, int epochs) {
    LearningRateSchedule schedule = new LearningRateSchedule(spec, base, epochs);
    schedule.rate(1); // validates the spec
    return schedule;
  }

  public boolean isConstant() {
    return spec.equals(CONSTANT);
  }

  /** The rate for {@code epoch} (1-based). */
  public double rate(int epoch) {
    if (spec.equals(CONSTANT)) {
      return base;
    }
    if (spec.equals("cosine")) {
      double progress = epochs <= 1 ? 0 : (epoch - 1) / (double) (epochs - 1);
      double cosine = 0.5 * (1 + Math.cos(Math.PI * progress));
      return base * (COSINE_FLOOR + (1 - COSINE_FLOOR) * cosine);
    }
    if (spec.startsWith("exp:")) {
      double gamma;
      try {
        gamma = Double.parseDouble(spec.substring(4));
      } catch (NumberFormatException e) {
        gamma = Double.NaN;
      }
      if (gamma > 0 && gamma <= 1) {
        return base * Math.pow(gamma, epoch - 1);
      }
    }
    throw new IllegalArgumentException(
        "learning-rate schedule '" + spec + "': use constant, cosine or exp:G with 0 < G <= 1");
  }
}
