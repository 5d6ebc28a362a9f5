package org.trialdex.bench;

/**
 * The least-squares line of a figure sampled over time: its slope per hour and the slope's standard
 * error, so that a short or noisy run can say it cannot tell growth from noise.
 *
 * @param perHour the slope in the figure's unit per hour; NaN with fewer than two distinct times
 * @param standardError the standard error of the slope; NaN with fewer than three samples
 * @param samples how many samples had a value
 */
record Trend(double perHour, double standardError, int samples) {

  /** How a trend compares with a threshold per hour. */
  enum Verdict { FLAT, GROWING, UNCLEAR }

  /** The line through ({@code tSeconds[i]}, {@code y[i]}); pairs whose {@code y} is NaN are left out. */
  static Trend fit(double[] tSeconds, double[] y) {
    int n = 0;
    double sx = 0;
    double sy = 0;
    for (int i = 0; i < y.length; i++) {
      if (!Double.isNaN(y[i])) {
        n++;
        sx += tSeconds[i] / 3600;
        sy += y[i];
      }
    }
    if (n < 2) {
      return new Trend(Double.NaN, Double.NaN, n);
    }
    double mx = sx / n;
    double my = sy / n;
    double sxx = 0;
    double sxy = 0;
    for (int i = 0; i < y.length; i++) {
      if (!Double.isNaN(y[i])) {
        double dx = tSeconds[i] / 3600 - mx;
        sxx += dx * dx;
        sxy += dx * (y[i] - my);
      }
    }
    if (sxx == 0) {
      return new Trend(Double.NaN, Double.NaN, n);
    }
    double slope = sxy / sxx;
    if (n < 3) {
      return new Trend(slope, Double.NaN, n);
    }
    double residuals = 0;
    for (int i = 0; i < y.length; i++) {
      if (!Double.isNaN(y[i])) {
        double r = y[i] - (my + slope * (tSeconds[i] / 3600 - mx));
        residuals += r * r;
      }
    }
    return new Trend(slope, Math.sqrt(residuals / (n - 2) / sxx), n);
  }

  /**
   * {@link Verdict#FLAT} when the slope is below {@code threshold} per hour even at two standard
   * errors above it, {@link Verdict#GROWING} when it is at or above it even at two standard errors
   * below, otherwise (or unmeasured) {@link Verdict#UNCLEAR}: the run was too short or too noisy.
   */
  Verdict against(double threshold) {
    if (Double.isNaN(perHour) || Double.isNaN(standardError)) {
      return Verdict.UNCLEAR;
    }
    if (perHour + 2 * standardError < threshold) {
      return Verdict.FLAT;
    }
    return perHour - 2 * standardError >= threshold ? Verdict.GROWING : Verdict.UNCLEAR;
  }
}
