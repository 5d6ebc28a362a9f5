package org.trialdex.search;

import java.math.BigDecimal;
import java.util.Optional;
import org.trialdex.core.celltherapy.CellNumbers;

/**
 * Numbers of cells as {@code RANGE} bounds write them, and the span form the schema indexes a dose
 * as. A bound reads {@code 1000000}, {@code 1.5e6}, {@code 1E6}, {@code 1x10^6} (also {@code ×},
 * {@code *}, spaces around the sign) or {@code 10^6}; it is a finite number, not negative.
 */
final class CellCounts {

  /** The forms a bound may take, for messages. */
  static final String FORMS = CellNumbers.FORMS + ", MIN, MAX";


  private CellCounts() {}

  /**
   * The number {@code text} writes, as a bound of {@code field}.
   *
   * @throws SearchException naming the value and the field when it is not a number in one of the
   *     {@link #FORMS}, or is too large (1e400) or too small to compare
   */
  static double parse(String text, String field) {
    String t = text.strip();
    BigDecimal value = CellNumbers.parse(t).orElseThrow(() -> new SearchException(
        "Bad value \"" + t + "\" for " + field + ": not a number of cells; accepted: " + FORMS));
    double d = value.doubleValue();
    if (Double.isInfinite(d)) {
      throw outOfScale(t, field, true);
    }
    if (d == 0 && value.signum() != 0) {
      throw outOfScale(t, field, false);
    }
    return d;
  }

  private static SearchException outOfScale(String text, String field, boolean large) {
    return new SearchException("Bad value \"" + text + "\" for " + field + ": the number is too "
        + (large ? "large" : "small") + " to compare; write a number of cells such as 1e6 or 2.5x10^9");
  }

  /** A dose span {@code min..max} as the schema's values carry it. */
  static String span(double min, double max) {
    return min + ".." + max;
  }

  /** The {min, max} of a {@link #span}, or empty when {@code text} is not one. */
  static Optional<double[]> readSpan(String text) {
    int dots = text.indexOf("..");
    if (dots < 0) {
      return Optional.empty();
    }
    try {
      double min = Double.parseDouble(text.substring(0, dots));
      double max = Double.parseDouble(text.substring(dots + 2));
      return Double.isFinite(min) && Double.isFinite(max) && min <= max ? Optional.of(new double[] {min, max})
          : Optional.empty();
    } catch (NumberFormatException notASpan) {
      return Optional.empty();
    }
  }
}
