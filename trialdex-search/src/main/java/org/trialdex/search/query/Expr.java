package org.trialdex.search.query;

import java.util.List;
import java.util.Objects;

/**
 * A parsed query in the ClinicalTrials.gov Essie syntax, as {@code query.*} parameters and
 * {@code filter.advanced} take it: words, phrases, {@code AND}/{@code OR}/{@code NOT}, parentheses,
 * {@code AREA[Field]}, {@code RANGE[a, b]}, {@code MISSING}, the context operators
 * {@code EXPANSION[...]}, {@code COVERAGE[...]} and {@code SEARCH[Location]}, and words ending in
 * a {@code *} wildcard. Pure data: turning it into a Lucene
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

  /** A word with {@code *} wildcards ({@code lymph*}): any word of {@code field} it matches. */
  record Wildcard(String field, String pattern) implements Expr {
    public Wildcard {
      Objects.requireNonNull(field, "field");
      Objects.requireNonNull(pattern, "pattern");
    }
  }

  /**
   * How far the words of an operand may be expanded ({@code EXPANSION[Term]}): ClinicalTrials.gov's
   * levels, from the strictest to the loosest.
   */
  enum Expansion {
    /** The words as written, adjacent, no synonyms. */
    NONE("None"),
    /** Lexical variants (plurals, case, accents), adjacent, no synonyms. */
    TERM("Term"),
    /** Lexical variants and synonyms (concepts), the words adjacent. */
    CONCEPT("Concept"),
    /** The default: synonyms, and the words anywhere in the field. */
    RELAXATION("Relaxation"),
    /** As {@link #RELAXATION}, but any of the words may be missing: at least one must match. */
    LOSSY("Lossy");

    private final String written;

    Expansion(String written) {
      this.written = written;
    }

    /** The name as the syntax writes it ({@code Relaxation}). */
    public String written() {
      return written;
    }
  }

  /** {@code EXPANSION[level](part)}: the words in {@code part} expanded only as far as {@code level}. */
  record Expanded(Expansion expansion, Expr part) implements Expr {
    public Expanded {
      Objects.requireNonNull(expansion, "expansion");
      Objects.requireNonNull(part, "part");
    }
  }

  /** How much of a field's value the words of an operand must cover ({@code COVERAGE[FullMatch]}). */
  enum Coverage {
    /** The words are the whole value. */
    FULL_MATCH("FullMatch"),
    /** The value starts with the words. */
    STARTS_WITH("StartsWith"),
    /** The value ends with the words. */
    ENDS_WITH("EndsWith"),
    /** The default: the words anywhere in the value. */
    CONTAINS("Contains");

    private final String written;

    Coverage(String written) {
      this.written = written;
    }

    /** The name as the syntax writes it ({@code FullMatch}). */
    public String written() {
      return written;
    }
  }

  /** {@code COVERAGE[coverage](part)}: the words in {@code part} must cover their value so. */
  record Covered(Coverage coverage, Expr part) implements Expr {
    public Covered {
      Objects.requireNonNull(coverage, "coverage");
      Objects.requireNonNull(part, "part");
    }
  }

  /**
   * {@code SEARCH[Location](part)}: {@code part}, whose fields are location fields, must hold at one
   * and the same site ({@code SEARCH[Study]} is the default, the whole record, and parses to its part).
   */
  record AtOneSite(Expr part) implements Expr {
    public AtOneSite {
      Objects.requireNonNull(part, "part");
    }
  }

  /**
   * {@code filter.synonyms=ConditionSearch:D003924}: the studies indexed under the concept
   * {@code id} (or below it) in {@code area}, {@code ConditionSearch}, {@code InterventionSearch} or
   * {@code BasicSearch} (either).
   */
  record Synonym(String area, String id) implements Expr {
    public Synonym {
      Objects.requireNonNull(area, "area");
      Objects.requireNonNull(id, "id");
    }
  }
}
