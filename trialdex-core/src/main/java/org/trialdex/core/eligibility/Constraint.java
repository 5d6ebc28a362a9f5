package org.trialdex.core.eligibility;

import java.util.List;
import java.util.Objects;

/**
 * One computable statement found in an eligibility criterion, with the span of the criterion's text
 * it was read from. A criterion's statement is judged as written, whatever its section: an
 * exclusion item "Creatinine &gt; 2 mg/dL" is the statement "creatinine is above 2 mg/dL", and the
 * exclusion applies when it holds. {@code negated} turns the statement round ("no prior
 * chemotherapy", "HIV negative").
 */
public sealed interface Constraint {

  /** Where in the criterion's text the constraint was read: {@code text.substring(start, end)}. */
  Span span();

  /** The kind, for reports and the corpus evaluation. */
  Kind kind();

  /** Constraint kinds. */
  enum Kind {
    AGE, SEX, CONDITION, MEASUREMENT, PERFORMANCE, REPRODUCTIVE, LIFE_EXPECTANCY, THERAPY, INFECTION, ASSUMED
  }

  /** A span of a criterion's text. */
  record Span(int start, int end) {
    public Span {
      if (start < 0 || end < start) {
        throw new IllegalArgumentException("bad span " + start + ".." + end);
      }
    }

    /** The smallest span covering both. */
    public Span union(Span other) {
      return new Span(Math.min(start, other.start), Math.max(end, other.end));
    }

    /** The words of {@code text} this span covers. */
    public String of(String text) {
      return text.substring(Math.min(start, text.length()), Math.min(end, text.length()));
    }
  }

  /** How a value compares with a limit. */
  enum Comparator {
    GT(">"), GE("≥"), LT("<"), LE("≤"), EQ("="), BETWEEN("between");

    private final String symbol;

    Comparator(String symbol) {
      this.symbol = symbol;
    }

    public String symbol() {
      return symbol;
    }

    /** Whether {@code value} stands in this relation to {@code limit} (and {@code upper} for BETWEEN). */
    public boolean holds(double value, double limit, double upper) {
      double eps = 1e-9 * Math.max(1, Math.abs(limit));
      return switch (this) {
        case GT -> value > limit + eps;
        case GE -> value >= limit - eps;
        case LT -> value < limit - eps;
        case LE -> value <= limit + eps;
        case EQ -> Math.abs(value - limit) <= eps;
        case BETWEEN -> value >= limit - eps && value <= upper + eps;
      };
    }
  }

  /**
   * A time window a condition or therapy must fall in, counted back from the patient's date.
   *
   * @param withinDays the fact must be no older than this many days ("within the last 4 weeks"), or null
   * @param atLeastDaysAgo the fact must be at least this many days old ("at least 4 weeks since"), or null
   * @param current the fact must hold now ("active", "current", "ongoing", "concurrent")
   */
  record Window(Double withinDays, Double atLeastDaysAgo, boolean current) {
    public static final Window ANY_TIME = new Window(null, null, false);
    public static final Window NOW = new Window(null, null, true);

    /** Words for explanations ("within 28 days", "now", "ever"). */
    public String describe() {
      if (current) {
        return "now";
      }
      if (withinDays != null) {
        return "within the last " + days(withinDays);
      }
      if (atLeastDaysAgo != null) {
        return "at least " + days(atLeastDaysAgo) + " ago";
      }
      return "ever";
    }

    private static String days(double d) {
      return d % 7 == 0 && d < 365 ? (long) (d / 7) + " weeks" : (long) d + " days";
    }
  }

  /** Age in years: within [min, max] (either bound may be open). */
  record Age(Span span, Double min, boolean minInclusive, Double max, boolean maxInclusive) implements Constraint {
    public Kind kind() {
      return Kind.AGE;
    }

    /** Whether {@code years} is within the bounds. */
    public boolean admits(double years) {
      boolean aboveMin = min == null || (minInclusive ? years >= min : years > min);
      boolean belowMax = max == null || (maxInclusive ? years < max + 1 : years < max);
      return aboveMin && belowMax;
    }

    public String describe() {
      if (min == null && max == null) {
        return "any age";
      }
      if (min != null && max != null) {
        return "age " + fmt(min) + " to " + fmt(max) + " years";
      }
      if (min != null) {
        return "age " + (minInclusive ? "≥ " : "> ") + fmt(min) + " years";
      }
      return "age " + (maxInclusive ? "≤ " : "< ") + fmt(max) + " years";
    }
  }

  /** The patient is of this sex ("female patients", "men only"). */
  record SexIs(Span span, Patient.Sex sex) implements Constraint {
    public Kind kind() {
      return Kind.SEX;
    }
  }

  /**
   * The patient has (or, negated, has not) a condition named by vocabulary concepts.
   *
   * @param mention the words that named it
   * @param conceptIds the concepts named (vocabulary ids)
   * @param window when it must hold; {@link Window#ANY_TIME} for "history of"
   * @param qualified a severity or control qualifier the record cannot settle ("uncontrolled
   *     hypertension", "clinically significant heart disease"): having the condition leaves it unknown
   */
  record HasCondition(Span span, String mention, List<String> conceptIds, boolean negated, Window window, boolean qualified)
      implements Constraint {
    public HasCondition {
      conceptIds = List.copyOf(conceptIds);
      Objects.requireNonNull(window, "window");
    }

    public Kind kind() {
      return Kind.CONDITION;
    }
  }

  /** What a measurement limit is relative to. */
  enum Reference {
    /** An absolute value in {@code unit}. */
    ABSOLUTE,
    /** A multiple of the upper limit of normal ({@code ALT ≤ 2.5 × ULN}). */
    ULN,
    /** A multiple of the lower limit of normal. */
    LLN,
    /** Within the normal range ("normal renal function", "within normal limits"). */
    NORMAL
  }

  /**
   * A measurement or lab value compared with a limit.
   *
   * @param analyte what is measured
   * @param comparator how the value compares
   * @param value the limit (a multiple for ULN/LLN)
   * @param upper the upper limit for BETWEEN, else NaN
   * @param unit the limit's UCUM unit ("" for ULN/LLN/NORMAL and unitless values)
   * @param reference what the limit is relative to
   */
  record Measurement(Span span, Analytes.Analyte analyte, Comparator comparator, double value, double upper,
      String unit, Reference reference) implements Constraint {
    public Measurement {
      Objects.requireNonNull(analyte, "analyte");
      unit = unit == null ? "" : unit;
    }

    public Kind kind() {
      return Kind.MEASUREMENT;
    }

    public String describe() {
      String limit = switch (reference) {
        case ABSOLUTE -> fmt(value) + (comparator == Comparator.BETWEEN ? "–" + fmt(upper) : "") + (unit.isEmpty() ? "" : " " + unit);
        case ULN -> fmt(value) + " × ULN";
        case LLN -> fmt(value) + " × LLN";
        case NORMAL -> "normal range";
      };
      return analyte.name() + " " + (reference == Reference.NORMAL ? "within" : comparator.symbol()) + " " + limit;
    }
  }

  /** Performance status within [min, max] on a scale. */
  record Performance(Span span, PerformanceScale scale, int min, int max) implements Constraint {
    public Kind kind() {
      return Kind.PERFORMANCE;
    }
  }

  /** Pregnancy, lactation, contraception and childbearing potential. */
  record Reproductive(Span span, Reproductive.What what, boolean negated) implements Constraint {
    /** Which statement. */
    public enum What {
      PREGNANT, LACTATING, PREGNANT_OR_LACTATING, CHILDBEARING_POTENTIAL, NEGATIVE_PREGNANCY_TEST
    }

    public Kind kind() {
      return Kind.REPRODUCTIVE;
    }
  }

  /** Life expectancy compared with a number of weeks. */
  record LifeExpectancy(Span span, Comparator comparator, double weeks) implements Constraint {
    public Kind kind() {
      return Kind.LIFE_EXPECTANCY;
    }
  }

  /**
   * The patient has received (or, negated, not received) a therapy.
   *
   * @param mention the words that named it
   * @param therapy the therapy class or drug named
   * @param refractory the condition must be refractory to it ("steroid-refractory")
   * @param minLines at least this many prior lines, or 0
   * @param window when it must have been given
   */
  record Therapy(Span span, String mention, Therapies.Kind therapy, List<String> conceptIds, boolean negated,
      boolean refractory, int minLines, Window window) implements Constraint {
    public Therapy {
      conceptIds = List.copyOf(conceptIds);
      Objects.requireNonNull(window, "window");
    }

    public Kind kind() {
      return Kind.THERAPY;
    }
  }

  /** A chronic infection screened for in most trials. */
  record Infection(Span span, Infection.Agent agent, boolean negated) implements Constraint {
    /** The agent. */
    public enum Agent {
      HIV, HBV, HCV, TB
    }

    public Kind kind() {
      return Kind.INFECTION;
    }
  }

  /**
   * Consent, willingness and compliance items: satisfiable by assumption, marked as such; negated
   * for "unable or unwilling to comply".
   */
  record Assumed(Span span, String what, boolean negated) implements Constraint {
    public Kind kind() {
      return Kind.ASSUMED;
    }
  }

  private static String fmt(double d) {
    return d == Math.rint(d) && Math.abs(d) < 1e12 ? Long.toString((long) d) : Double.toString(d);
  }
}
