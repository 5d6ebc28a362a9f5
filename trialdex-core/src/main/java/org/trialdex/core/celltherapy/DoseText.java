package org.trialdex.core.celltherapy;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.regex.Pattern;

/**
 * Doses written for people: {@code 1 × 10⁶ cells/kg}, {@code 2.5 × 10⁷ cells}, {@code 100–300
 * million cells} (in words when the record wrote the dose in words), {@code up to 1.2 × 10¹²
 * particles per infusion}. Numbers keep three significant digits.
 */
public final class DoseText {

  private static final String SUPERSCRIPTS = "⁰¹²³⁴⁵⁶⁷⁸⁹";
  private static final Pattern MILLION = Pattern.compile("(?i)\\bmillions?\\b|\\bmio\\b");
  private static final Pattern BILLION = Pattern.compile("(?i)\\bbillions?\\b");
  /** Below this a number is written out ({@code 500}); from it on, as a power of ten. */
  private static final double SCIENTIFIC = 10_000;

  private DoseText() {}

  /** A dose, with its basis, unit, "up to" and per infusion or in total; not its arm. */
  public static String of(Dose d) {
    StringBuilder b = new StringBuilder();
    if (d.upTo()) {
      b.append("up to ");
    }
    b.append(amount(d.min(), d.max(), d.evidence().text()));
    b.append(' ').append(unit(d.unit()));
    if (d.basis() == Dose.Basis.PER_KG) {
      b.append("/kg");
    }
    if (Boolean.TRUE.equals(d.perInfusion())) {
      b.append(" per infusion");
    } else if (Boolean.FALSE.equals(d.perInfusion())) {
      b.append(" in total");
    }
    return b.toString();
  }

  /**
   * A value or a range: in millions or billions when {@code written} (the record's words) says so,
   * else as {@link #number(double)}; a range with one power of ten shares it ({@code 1–3 × 10⁸}).
   */
  public static String amount(double min, double max, String written) {
    if (written != null && BILLION.matcher(written).find() && min >= 1e9) {
      return words(min, max, 1e9, "billion");
    }
    if (written != null && MILLION.matcher(written).find() && min >= 1e6 && max < 1e12) {
      return words(min, max, 1e6, "million");
    }
    if (min == max) {
      return number(min);
    }
    if (min >= SCIENTIFIC && exponent(min) == exponent(max)) {
      int e = exponent(min);
      return mantissa(min, e) + "–" + mantissa(max, e) + " × 10" + superscript(e);
    }
    String low = number(min);
    String high = number(max);
    return low.contains("×") || high.contains("×") ? low + " – " + high : low + "–" + high;
  }

  /** A number: {@code 500}, {@code 2.5}, {@code 1 × 10⁶}, {@code 1.5 × 10⁸}, {@code 1.2 × 10¹²}. */
  public static String number(double v) {
    if (!(v > 0) || Double.isInfinite(v)) {
      throw new IllegalArgumentException("not a dose amount: " + v);
    }
    if (v < SCIENTIFIC) {
      return plain(v);
    }
    int e = exponent(v);
    return mantissa(v, e) + " × 10" + superscript(e);
  }

  /** The power of ten of {@code v} once rounded to three significant digits (9.996e5 is 1 × 10⁶). */
  private static int exponent(double v) {
    BigDecimal r = new BigDecimal(v).round(new MathContext(3, RoundingMode.HALF_EVEN));
    return r.precision() - r.scale() - 1;
  }

  private static String mantissa(double v, int e) {
    return plain(new BigDecimal(v).movePointLeft(e).doubleValue());
  }

  private static String words(double min, double max, double unit, String word) {
    String low = plain(min / unit);
    return (min == max ? low : low + "–" + plain(max / unit)) + " " + word;
  }

  /** Three significant digits, no trailing zeros, no exponent. */
  private static String plain(double v) {
    return new BigDecimal(v).round(new MathContext(3, RoundingMode.HALF_EVEN)).stripTrailingZeros().toPlainString();
  }

  static String superscript(int e) {
    StringBuilder b = new StringBuilder();
    for (char c : Integer.toString(e).toCharArray()) {
      b.append(c == '-' ? '⁻' : SUPERSCRIPTS.charAt(c - '0'));
    }
    return b.toString();
  }

  private static String unit(String unit) {
    return switch (unit) {
      case Dose.MICROGRAMS -> "µg";
      default -> unit;
    };
  }
}
