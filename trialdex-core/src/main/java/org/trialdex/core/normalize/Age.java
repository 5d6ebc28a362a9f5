package org.trialdex.core.normalize;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An age limit as eligibility sections state it ({@code 14 Years}, {@code 6 Months}). v2 writes
 * {@code minimumAge}/{@code maximumAge} as such text; {@code N/A} or an empty value means no limit.
 *
 * @param value the number, zero or more
 * @param unit its unit
 */
public record Age(int value, Unit unit) implements Comparable<Age> {

  /** Units v2 uses for ages, with their length in days for comparison. */
  public enum Unit {
    YEARS("Year", 365.25), MONTHS("Month", 30.4375), WEEKS("Week", 7), DAYS("Day", 1),
    HOURS("Hour", 1.0 / 24), MINUTES("Minute", 1.0 / 1440);

    private final String singular;
    private final double days;

    Unit(String singular, double days) {
      this.singular = singular;
      this.days = days;
    }
  }

  private static final Pattern AGE = Pattern.compile(
      "(\\d{1,4})\\s*(years?|yrs?|y|months?|mos?|m|weeks?|wks?|w|days?|d|hours?|hrs?|h|minutes?|mins?)\\.?(?:\\s+old)?",
      Pattern.CASE_INSENSITIVE);

  public Age {
    if (value < 0) {
      throw new IllegalArgumentException("age " + value + " is negative");
    }
    if (unit == null) {
      throw new IllegalArgumentException("age " + value + " has no unit");
    }
  }

  /** Reads {@code 14 Years}, {@code 6 months}, {@code 18y}; empty for {@code N/A}, blank or anything else. */
  public static Optional<Age> parse(String text) {
    if (text == null) {
      return Optional.empty();
    }
    Matcher m = AGE.matcher(text.strip());
    if (!m.matches()) {
      return Optional.empty();
    }
    String u = m.group(2).toLowerCase(Locale.ROOT);
    Unit unit = switch (u.charAt(0)) {
      case 'y' -> Unit.YEARS;
      case 'w' -> Unit.WEEKS;
      case 'd' -> Unit.DAYS;
      case 'h' -> Unit.HOURS;
      default -> u.startsWith("mi") ? Unit.MINUTES : Unit.MONTHS;
    };
    return Optional.of(new Age(Integer.parseInt(m.group(1)), unit));
  }

  /** True for the texts that mean "no limit": {@code N/A}, {@code None}, {@code No limit}, blank. */
  public static boolean meansNoLimit(String text) {
    if (text == null || text.isBlank()) {
      return true;
    }
    String s = text.strip().toLowerCase(Locale.ROOT);
    return s.equals("n/a") || s.equals("na") || s.equals("none") || s.equals("no limit") || s.equals("not applicable");
  }

  /** The v2 spelling of {@code text} ({@code 18 years} gives {@code 18 Years}), or empty when it is not an age. */
  public static Optional<String> normalize(String text) {
    return parse(text).map(Age::toString);
  }

  /** The age in days, for comparing limits in different units. */
  public double days() {
    return value * unit.days;
  }

  @Override
  public int compareTo(Age o) {
    return Double.compare(days(), o.days());
  }

  /** The v2 spelling: {@code 1 Year}, {@code 14 Years}, {@code 6 Months}. */
  @Override
  public String toString() {
    return value + " " + unit.singular + (value == 1 ? "" : "s");
  }
}
