package org.trialdex.core.celltherapy;

import java.math.BigDecimal;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Numbers of cells as people type them in a search: {@code 1000000}, {@code 1.5e6}, {@code 1E6},
 * {@code 1x10^6} (also {@code ×} or {@code *}, spaces around the sign) or {@code 10^6}. The search's
 * {@code RANGE} bounds and the portal's dose boxes read them alike. (Doses in record text, with their
 * many more notations, are {@link DoseReader}'s.)
 */
public final class CellNumbers {

  /** The forms accepted, for messages. */
  public static final String FORMS = "1000000, 1e6, 1E6, 1.5x10^6, 10^6";

  private static final Pattern PLAIN = Pattern.compile("(\\d+(?:\\.\\d*)?|\\.\\d+)(?:[eE]([+-]?\\d{1,6}))?");
  private static final Pattern TIMES_TEN = Pattern.compile(
      "(?:(\\d+(?:\\.\\d*)?|\\.\\d+)\\s*[xX×*]\\s*)?10\\s*\\^\\s*([+-]?\\d{1,6})");
  /**
   * Powers of ten beyond ±400 (1e400, 10^-999999) are taken as ±401 before any arithmetic: no
   * double holds either, so the value reads as infinite or zero, and the arithmetic stays cheap.
   */
  private static final int MAX_EXPONENT = 401;

  private CellNumbers() {}

  /**
   * The exact number {@code text} writes, or empty when it is in none of the {@link #FORMS}. The
   * caller decides what is too large or too small for it ({@link BigDecimal#doubleValue()} infinite
   * or zero).
   */
  public static Optional<BigDecimal> parse(String text) {
    String t = text == null ? "" : text.strip();
    String mantissa;
    String exponent;
    Matcher m = PLAIN.matcher(t);
    if (m.matches()) {
      mantissa = m.group(1);
      exponent = m.group(2);
    } else if ((m = TIMES_TEN.matcher(t)).matches()) {
      mantissa = m.group(1) == null ? "1" : m.group(1);
      exponent = m.group(2);
    } else {
      return Optional.empty();
    }
    BigDecimal value = new BigDecimal(mantissa.endsWith(".") ? mantissa + "0" : mantissa);
    if (exponent == null) {
      return Optional.of(value);
    }
    int e = Math.max(-MAX_EXPONENT, Math.min(MAX_EXPONENT, Integer.parseInt(exponent)));
    return Optional.of(value.scaleByPowerOfTen(e));
  }
}
