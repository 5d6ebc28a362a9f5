package org.trialdex.search.query;

import java.util.List;
import java.util.Objects;

/**
 * A parsed query in the ClinicalTrials.gov Essie syntax, as {@code query.*} parameters and
 * {@code filter.advanced} take it: words, phrases, {@code AND}/{@code OR}/{@code NOT}, parentheses,
 * {@code AREA[Field]}, {@code RANGE[a, b]} and {@code MISSING}. Pure data: turning it into a Lucene
 * query is the search service's job, which also checks that fields exist and values fit them.
 *
 * <p>{@code field} is the search area or field the expression applies to, as the user wrote it in
 * {@code AREA[...]} ({@code ConditionSearch}, {@code OverallStatus}, {@code StartDate}), or the
 * area of the {@code query.*} parameter it came from ({@code ConditionSearch} for
 * {@code query.cond}); {@link #DEFAULT_FIELD} where neither applies ({@code filter.advanced}
 * without AREA).
 */
public sealed interface Expr {

  /** The field of an expression that names none: every text area ({@code BasicSearch}). */
  String DEFAULT_FIELD = "BasicSearch";

  /** Words that must all match in {@code field}, analyzed as the field's text is. */
  record Words(String field, String text) implements Expr {
    public Words {
      Objects.requireNonNull(field, "field");
      Objects.requireNonNull(text, "text");
    }
  }

  /** A quoted phrase: the words in this order in {@code field}. */
  record Phrase(String field, String text) implements Expr {
    public Phrase {
      Objects.requireNonNull(field, "field");
      Objects.requireNonNull(text, "text");
    }
  }

  /** All of the parts. */
  record And(List<Expr> parts) implements Expr {
    public And {
      parts = List.copyOf(parts);
    }
  }

  /** Any of the parts. */
  record Or(List<Expr> parts) implements Expr {
    public Or {
      parts = List.copyOf(parts);
    }
  }

  /** Not the part (alone: everything except it). */
  record Not(Expr part) implements Expr {
    public Not {
      Objects.requireNonNull(part, "part");
    }
  }

  /**
   * {@code RANGE[lower, upper]} on {@code field}, inclusive. A bound is {@code MIN}, {@code MAX} or
   * a value as written ({@code 2019-01-01}, {@code 01/2019}, {@code 100}, {@code 16 years}); the
   * service reads it by the field's kind (date, number, age) and says so when it does not fit.
   */
  record Range(String field, Bound lower, Bound upper) implements Expr {
    public Range {
      Objects.requireNonNull(field, "field");
      Objects.requireNonNull(lower, "lower");
      Objects.requireNonNull(upper, "upper");
    }
  }

  /** {@code AREA[field]MISSING}: the record has no value in {@code field}. */
  record Missing(String field) implements Expr {
    public Missing {
      Objects.requireNonNull(field, "field");
    }
  }

  /** One end of a range. */
  sealed interface Bound {
    /** {@code MIN}: no lower limit. */
    record Min() implements Bound {}

    /** {@code MAX}: no upper limit. */
    record Max() implements Bound {}

    /** A value as written. */
    record Value(String text) implements Bound {
      public Value {
        Objects.requireNonNull(text, "text");
      }
    }
  }
}
