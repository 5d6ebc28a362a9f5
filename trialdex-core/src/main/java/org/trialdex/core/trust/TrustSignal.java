package org.trialdex.core.trust;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * One fact about a trial record that a reader may want to weigh before trusting it (issue #11): what
 * the record says or lacks, stated neutrally, with the fields that show it. A signal is never a
 * verdict on the trial or its sponsor; it says what the record holds.
 *
 * @param kind which fact
 * @param statement the fact in one neutral sentence, with the values it rests on
 * @param evidence the record fields (API v2 paths) that show it, at least one
 */
public record TrustSignal(Kind kind, String statement, List<Evidence> evidence) {

  /** @throws IllegalArgumentException when the statement is blank or there is no evidence */
  public TrustSignal {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(statement, "statement");
    if (statement.isBlank()) {
      throw new IllegalArgumentException("a trust signal needs a statement");
    }
    evidence = List.copyOf(evidence);
    if (evidence.isEmpty()) {
      throw new IllegalArgumentException("a trust signal needs evidence: " + statement);
    }
  }

  /** The kinds of signal, each with a stable code for URLs and the API and a neutral label. */
  public enum Kind {
    /** The record's text says participants pay for the study treatment or for taking part. */
    PAY_TO_PARTICIPATE("pay", "Record states that participants pay"),
    /** The lead sponsor is a company and the record lists exactly one site. */
    SINGLE_SITE_COMPANY_SPONSOR("single-site-company", "Company sponsor, one listed site"),
    /** A cell-therapy trial with a US site whose record flags no FDA-regulated product. */
    US_STEM_CELL_NOT_FDA_REGULATED("us-no-fda-flag", "US cell-therapy trial without an FDA-regulated product flag"),
    /** An FDAAA applicable trial (ACT/pACT) past its results due date with no results in the record. */
    RESULTS_OVERDUE("results-overdue", "No results posted by the FDAAA due date"),
    /** Listed as recruiting, with a status last verified more than two years ago. */
    STATUS_NOT_VERIFIED("status-unverified", "Recruiting status not verified for over two years");

    private final String code;
    private final String label;

    Kind(String code, String label) {
      this.code = code;
      this.label = label;
    }

    /** The stable lower-case code ({@code pay}, {@code results-overdue}, ...). */
    public String code() {
      return code;
    }

    /** A short neutral label for people. */
    public String label() {
      return label;
    }

    /** The kind with this code (case-insensitive), or empty. */
    public static Optional<Kind> ofCode(String code) {
      if (code == null) {
        return Optional.empty();
      }
      String c = code.strip().toLowerCase(Locale.ROOT);
      for (Kind k : values()) {
        if (k.code.equals(c)) {
          return Optional.of(k);
        }
      }
      return Optional.empty();
    }
  }

  /**
   * One field of the record that a signal rests on: its API v2 path (list members with their index,
   * {@code protocolSection.armsInterventionsModule.armGroups[0].description}) and what it holds. For a
   * text cue the value is the quoted words and {@code [start, end)} their character span in the
   * field's text; for a structured value the span is {@code -1, -1}. An absent field has value
   * {@value #ABSENT}.
   *
   * @param field API v2 path of the field
   * @param value the field's value, or the quoted words of a text cue
   * @param start first character of the quote in the field's text, or -1
   * @param end one past the last character of the quote, or -1
   */
  public record Evidence(String field, String value, int start, int end) {

    /** The value of an evidence field the record does not have. */
    public static final String ABSENT = "(absent)";

    /** @throws IllegalArgumentException for a span that is not {@code -1,-1} nor {@code 0 <= start <= end} */
    public Evidence {
      Objects.requireNonNull(field, "field");
      Objects.requireNonNull(value, "value");
      if (!(start == -1 && end == -1) && !(0 <= start && start <= end)) {
        throw new IllegalArgumentException("bad span [" + start + "," + end + ") for " + field);
      }
    }

    /** A structured field's value (or {@link #ABSENT} for null). */
    public static Evidence value(String field, Object value) {
      return new Evidence(field, value == null ? ABSENT : String.valueOf(value), -1, -1);
    }

    /** The words {@code text[start, end)} of a text field. */
    public static Evidence quote(String field, String text, int start, int end) {
      return new Evidence(field, text.substring(start, end), start, end);
    }

    /** Whether this evidence quotes a span of text. */
    public boolean hasSpan() {
      return start >= 0;
    }
  }
}
