package org.trialdex.core.normalize;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A date as registries write it: a year, a year and month, or a full date. ClinicalTrials.gov API
 * v2 writes these as {@code 2016}, {@code 2016-01} and {@code 2016-01-01}; older exports write
 * {@code January 1, 2016} and {@code June 2009}. {@link #parse} reads all of them; {@link #toString}
 * gives the v2 form.
 *
 * @param year four-digit year
 * @param month 1-12, or 0 when the date names only a year
 * @param day 1-31, or 0 when the date names no day
 */
public record PartialDate(int year, int month, int day) implements Comparable<PartialDate> {

  private static final Pattern ISO = Pattern.compile("(\\d{4})(?:[-/](\\d{1,2})(?:[-/](\\d{1,2}))?)?");
  private static final Pattern MONTH_DAY_YEAR =
      Pattern.compile("([A-Za-z]+)\\.?\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+(\\d{4})");
  private static final Pattern DAY_MONTH_YEAR =
      Pattern.compile("(\\d{1,2})(?:st|nd|rd|th)?\\s+([A-Za-z]+)\\.?,?\\s+(\\d{4})");
  private static final Pattern MONTH_YEAR = Pattern.compile("([A-Za-z]+)\\.?,?\\s+(\\d{4})");
  private static final Pattern US_NUMERIC = Pattern.compile("(\\d{1,2})/(\\d{1,2})/(\\d{4})");
  private static final Pattern MONTH_SLASH_YEAR = Pattern.compile("(\\d{1,2})/(\\d{4})");
  private static final Map<String, Integer> MONTHS = Map.ofEntries(
      Map.entry("jan", 1), Map.entry("feb", 2), Map.entry("mar", 3), Map.entry("apr", 4),
      Map.entry("may", 5), Map.entry("jun", 6), Map.entry("jul", 7), Map.entry("aug", 8),
      Map.entry("sep", 9), Map.entry("sept", 9), Map.entry("oct", 10), Map.entry("nov", 11),
      Map.entry("dec", 12));

  /**
   * @throws IllegalArgumentException when the parts do not form a real date (month 13, 30 February,
   *     a day without a month, a year before 1800 or after 2200)
   */
  public PartialDate {
    if (year < 1800 || year > 2200) {
      throw new IllegalArgumentException("year " + year + " is outside 1800-2200");
    }
    if (month < 0 || month > 12) {
      throw new IllegalArgumentException("month " + month + " is outside 1-12");
    }
    if (day != 0) {
      if (month == 0) {
        throw new IllegalArgumentException("a day needs a month");
      }
      if (day < 1 || day > YearMonth.of(year, month).lengthOfMonth()) {
        throw new IllegalArgumentException(year + "-" + month + " has no day " + day);
      }
    }
  }

  /**
   * Reads a date in any of the forms registries use, or empty when the text is not one (including
   * impossible dates such as {@code 2016-02-30}).
   */
  public static Optional<PartialDate> parse(String text) {
    if (text == null) {
      return Optional.empty();
    }
    String s = text.strip();
    try {
      Matcher m = ISO.matcher(s);
      if (m.matches()) {
        return Optional.of(new PartialDate(Integer.parseInt(m.group(1)), intOrZero(m.group(2)), intOrZero(m.group(3))));
      }
      Matcher us = US_NUMERIC.matcher(s);
      if (us.matches()) {
        return Optional.of(new PartialDate(Integer.parseInt(us.group(3)), Integer.parseInt(us.group(1)), Integer.parseInt(us.group(2))));
      }
      Matcher msy = MONTH_SLASH_YEAR.matcher(s);
      if (msy.matches()) {
        return Optional.of(new PartialDate(Integer.parseInt(msy.group(2)), Integer.parseInt(msy.group(1)), 0));
      }
      Matcher mdy = MONTH_DAY_YEAR.matcher(s);
      if (mdy.matches()) {
        return month(mdy.group(1)).map(mo -> new PartialDate(Integer.parseInt(mdy.group(3)), mo, Integer.parseInt(mdy.group(2))));
      }
      Matcher dmy = DAY_MONTH_YEAR.matcher(s);
      if (dmy.matches()) {
        return month(dmy.group(2)).map(mo -> new PartialDate(Integer.parseInt(dmy.group(3)), mo, Integer.parseInt(dmy.group(1))));
      }
      Matcher my = MONTH_YEAR.matcher(s);
      if (my.matches()) {
        return month(my.group(1)).map(mo -> new PartialDate(Integer.parseInt(my.group(2)), mo, 0));
      }
    } catch (IllegalArgumentException impossible) {
      // parse contract: an impossible date is "not a date", reported by the caller with its field.
    }
    return Optional.empty();
  }

  /** The v2 spelling of {@code text}, or empty when it is not a date. */
  public static Optional<String> normalize(String text) {
    return parse(text).map(PartialDate::toString);
  }

  private static Optional<Integer> month(String name) {
    String key = name.toLowerCase(Locale.ROOT);
    Integer m = MONTHS.get(key.length() > 3 && !key.equals("sept") ? key.substring(0, 3) : key);
    if (m == null) {
      return Optional.empty();
    }
    // "Mayo" or "Marchx" are not months: a longer name must begin the full English month name.
    if (key.length() > 3 && !java.time.Month.of(m).name().toLowerCase(Locale.ROOT).startsWith(key)
        && !key.equals("sept")) {
      return Optional.empty();
    }
    return Optional.of(m);
  }

  private static int intOrZero(String s) {
    return s == null ? 0 : Integer.parseInt(s);
  }

  public boolean hasMonth() {
    return month != 0;
  }

  public boolean hasDay() {
    return day != 0;
  }

  /** The first day this date may mean: {@code 2016-03} gives 1 March 2016. */
  public LocalDate earliest() {
    return LocalDate.of(year, month == 0 ? 1 : month, day == 0 ? 1 : day);
  }

  /** The last day this date may mean: {@code 2016-02} gives 29 February 2016. */
  public LocalDate latest() {
    if (month == 0) {
      return LocalDate.of(year, 12, 31);
    }
    return day == 0 ? YearMonth.of(year, month).atEndOfMonth() : LocalDate.of(year, month, day);
  }

  /** Orders by earliest day, then by precision (a year before its months). */
  @Override
  public int compareTo(PartialDate o) {
    int c = earliest().compareTo(o.earliest());
    return c != 0 ? c : latest().compareTo(o.latest()) * -1;
  }

  /** The v2 spelling: {@code 2016}, {@code 2016-01} or {@code 2016-01-01}. */
  @Override
  public String toString() {
    if (month == 0) {
      return String.format(Locale.ROOT, "%04d", year);
    }
    if (day == 0) {
      return String.format(Locale.ROOT, "%04d-%02d", year, month);
    }
    return String.format(Locale.ROOT, "%04d-%02d-%02d", year, month, day);
  }
}
