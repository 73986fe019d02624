package org.digitocr.synth;

/**
 * What a generated page looks like.
 *
 * @param width page width in pixels
 * @param height page height in pixels
 * @param dpi resolution the page stands for: sets the size of handwriting and print
 * @param targetDigits fields are added until about this many digits are written
 * @param maxRotationDegrees the page is rotated by up to this much either way
 * @param noise standard deviation of the scanner's grey-level noise
 * @param brokenRate fraction of digits drawn with a gap in a stroke (a faint pen)
 * @param touchingGap closest spacing of digits within a number, in digit heights; negative values
 *     let neighbours touch
 * @param unevenLightRate fraction of pages with a shadow-like gradient across them
 */
public record PageOptions(
    int width,
    int height,
    int dpi,
    int targetDigits,
    double maxRotationDegrees,
    double noise,
    double brokenRate,
    double touchingGap,
    double unevenLightRate) {

  private static final double MM_PER_INCH = 25.4;

  /** An A4 scan: about 100 digits, rotation up to 3°, mild noise, a few broken digits. */
  public static PageOptions a4(int dpi) {
    return sheet(210, 297, dpi).withTargetDigits(100);
  }

  /**
   * A scan of a sheet of the given size in millimetres: rotation up to 3°, mild noise, 3% of digits
   * broken, neighbours within a number touching now and then, uneven light on 15% of pages; digits
   * are added until the sheet is full.
   */
  public static PageOptions sheet(double widthMm, double heightMm, int dpi) {
    return new PageOptions(
        (int) Math.round(widthMm / MM_PER_INCH * dpi),
        (int) Math.round(heightMm / MM_PER_INCH * dpi),
        dpi,
        Integer.MAX_VALUE,
        3,
        6,
        0.03,
        -0.05,
        0.15);
  }

  public PageOptions withTargetDigits(int digits) {
    return new PageOptions(
        width,
        height,
        dpi,
        digits,
        maxRotationDegrees,
        noise,
        brokenRate,
        touchingGap,
        unevenLightRate);
  }

  public PageOptions withBrokenRate(double rate) {
    return new PageOptions(
        width,
        height,
        dpi,
        targetDigits,
        maxRotationDegrees,
        noise,
        rate,
        touchingGap,
        unevenLightRate);
  }

  public PageOptions withTouchingGap(double gap) {
    return new PageOptions(
        width,
        height,
        dpi,
        targetDigits,
        maxRotationDegrees,
        noise,
        brokenRate,
        gap,
        unevenLightRate);
  }

  public PageOptions withMaxRotation(double degrees) {
    return new PageOptions(
        width, height, dpi, targetDigits, degrees, noise, brokenRate, touchingGap, unevenLightRate);
  }

  /** Millimetres to pixels at this page's resolution. */
  public double pixels(double millimetres) {
    return millimetres / MM_PER_INCH * dpi;
  }
}
