package org.trialdex.app.web;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.trialdex.core.celltherapy.CellNumbers;
import org.trialdex.core.catalog.AggFilters;
import org.trialdex.core.trust.TrustSignal;

/**
 * The search form's own filters beside the API's parameters (issue #11): the cell dose per kilogram
 * ({@code doseMin}, {@code doseMax}: {@code AREA[CellDosePerKg]RANGE[min, max]} added to any
 * {@code filter.advanced}) and the trust-signal choice ({@code trust}: {@code aggFilters} key
 * {@code trust}). Both stay in the page's URL as the form wrote them; {@link #apply} turns them into
 * the API's parameters, {@link #active} lists them with links that remove them.
 */
final class SearchFilters {

  static final String DOSE_MIN = "doseMin";
  static final String DOSE_MAX = "doseMax";
  static final String TRUST = "trust";
  /** "Recruiting only": {@code open=on} keeps trials recruiting now or about to. */
  static final String OPEN = "open";
  /** The patient's sex: {@code sex=female} or {@code male} keeps trials open to it (or to all). */
  static final String SEX = "sex";
  private static final String AGG = "aggFilters";

  private SearchFilters() {}

  /**
   * Facets the API's {@code aggFilters} has no code for, which the portal filters on by their values
   * ({@code country=Germany&country=France}: either): each value a clause of {@code filter.advanced}
   * on the index field the facet counts, so a click returns what the facet counted.
   */
  enum Dimension {
    COUNTRY("country", "LocationCountry", false),
    CONDITION("condition", "ConditionMeshTerm", true),
    SPONSOR_CLASS("sponsorClass", "LeadSponsorClass", false),
    INTERVENTION_TYPE("interventionType", "InterventionType", false);

    private final String param;
    private final String field;
    private final boolean text;

    Dimension(String param, String field, boolean text) {
      this.param = param;
      this.field = field;
      this.text = text;
    }

    /** The portal's parameter, also the facet's name. */
    String param() {
      return param;
    }

    static Optional<Dimension> ofFacet(String facet) {
      for (Dimension d : values()) {
        if (d.param.equals(facet)) {
          return Optional.of(d);
        }
      }
      return Optional.empty();
    }

    /**
     * The clause that keeps trials with {@code value}: the whole value of a text field (a MeSH term
     * is matched whole, not word by word), or the keyword as it is.
     */
    String clause(String value) {
      if (value.isEmpty() || value.indexOf('"') >= 0 || value.indexOf('\\') >= 0) {
        throw new IllegalArgumentException("The " + param + " filter takes a value as the facet lists it, without quotes"
            + " or backslashes; got '" + value + "'");
      }
      return "AREA[" + field + "]" + (text ? "COVERAGE[FullMatch]" : "") + "\"" + value + "\"";
    }
  }

  /** The trust filter's choices, worded neutrally: all trials, none of the signals, or one signal. */
  static List<Parts.Choice> trustChoices() {
    List<Parts.Choice> out = new ArrayList<>();
    out.add(new Parts.Choice("", "Show all trials"));
    out.add(new Parts.Choice(AggFilters.NO_TRUST_SIGNAL, "Hide trials with any trust signal"));
    for (TrustSignal.Kind k : TrustSignal.Kind.values()) {
      out.add(new Parts.Choice(k.code(), "Only trials with: " + k.label()));
    }
    return out;
  }

  /**
   * The API's parameters for the form's dose and trust filters: the dose range added to {@code
   * filter.advanced}, the trust code added to {@code aggFilters}.
   *
   * @throws IllegalArgumentException naming the bad value and what is accepted: a dose that is not a
   *     number of cells, a minimum above the maximum, a trust value that is not a signal code or
   *     {@code none}, a repeated parameter
   */
  static Map<String, List<String>> apply(Map<String, List<String>> params) {
    Map<String, List<String>> out = new LinkedHashMap<>(params);
    Optional<String> min = single(params, DOSE_MIN, "minimum cell dose per kg");
    Optional<String> max = single(params, DOSE_MAX, "maximum cell dose per kg");
    out.remove(DOSE_MIN);
    out.remove(DOSE_MAX);
    if (min.isPresent() || max.isPresent()) {
      BigDecimal lo = min.map(v -> cells(v, "minimum")).orElse(null);
      BigDecimal hi = max.map(v -> cells(v, "maximum")).orElse(null);
      if (lo != null && hi != null && lo.compareTo(hi) > 0) {
        throw new IllegalArgumentException("The minimum cell dose per kg (" + min.get().strip()
            + ") is above the maximum (" + max.get().strip() + "); write the smaller number first");
      }
      String range = "AREA[CellDosePerKg]RANGE[" + min.map(String::strip).orElse("MIN") + ", "
          + max.map(String::strip).orElse("MAX") + "]";
      List<String> advanced = params.get("filter.advanced");
      out.put("filter.advanced", List.of(advanced == null ? range : "(" + advanced.getFirst() + ") AND " + range));
    }
    List<String> clauses = new ArrayList<>();
    Optional<String> open = single(params, OPEN, "'recruiting only' choice");
    out.remove(OPEN);
    if (open.isPresent()) {
      if (!open.get().strip().equalsIgnoreCase("on")) {
        throw new IllegalArgumentException("'Recruiting only' is on (open=on) or left out, got open=" + open.get().strip());
      }
      clauses.add("(AREA[OverallStatus]RECRUITING OR AREA[OverallStatus]NOT_YET_RECRUITING)");
    }
    Optional<String> sex = single(params, SEX, "sex of the patient");
    out.remove(SEX);
    if (sex.isPresent()) {
      String value = sex.get().strip().toUpperCase(java.util.Locale.ROOT);
      if (!value.equals("FEMALE") && !value.equals("MALE")) {
        throw new IllegalArgumentException("The sex of the patient is female or male, got '" + sex.get().strip() + "'");
      }
      clauses.add("(AREA[Sex]" + value + " OR AREA[Sex]ALL)");
    }
    for (Dimension d : Dimension.values()) {
      List<String> chosen = params.getOrDefault(d.param(), List.of()).stream().map(String::strip).distinct().toList();
      out.remove(d.param());
      if (!chosen.isEmpty()) {
        List<String> any = new ArrayList<>();
        for (String v : chosen) {
          any.add(d.clause(v));
        }
        clauses.add(any.size() == 1 ? any.getFirst() : "(" + String.join(" OR ", any) + ")");
      }
    }
    if (!clauses.isEmpty()) {
      List<String> advanced = out.get("filter.advanced");
      String all = String.join(" AND ", clauses);
      out.put("filter.advanced", List.of(advanced == null ? all : "(" + advanced.getFirst() + ") AND " + all));
    }
    Optional<String> trust = single(params, TRUST, "trust signal choice");
    out.remove(TRUST);
    if (trust.isPresent()) {
      AggFilters.Filter filter = AggFilters.named(TRUST).orElseThrow();
      String code = filter.option(trust.get()).map(AggFilters.Option::code).orElseThrow(() -> new IllegalArgumentException(
          "The trust signal choice '" + trust.get().strip() + "' is not one of: " + String.join(", ", filter.codes())));
      out.put(AGG, List.of(withTrust(params.get(AGG), code)));
    }
    return out;
  }

  /**
   * The form's filters that are on, each with a link to the same search without it: the dose range,
   * and the trust choice (from {@code trust=} or an {@code aggFilters} trust entry).
   */
  static List<Parts.Link> active(Map<String, List<String>> params) {
    List<Parts.Link> out = new ArrayList<>();
    String min = first(params, DOSE_MIN);
    String max = first(params, DOSE_MAX);
    if (!min.isEmpty() || !max.isEmpty()) {
      String words = "Cell dose per kg: " + (min.isEmpty() ? "up to " + max + " cells"
          : max.isEmpty() ? "at least " + min + " cells" : min + " to " + max + " cells");
      Map<String, List<String>> p = without(params);
      p.remove(DOSE_MIN);
      p.remove(DOSE_MAX);
      out.add(new Parts.Link(words, Links.search(p)));
    }
    List<String> codes = new ArrayList<>();
    if (!first(params, TRUST).isEmpty()) {
      codes.add(first(params, TRUST).strip().toLowerCase(java.util.Locale.ROOT));
    }
    codes.addAll(trustCodes(first(params, AGG)));
    if (!codes.isEmpty()) {
      List<String> words = new ArrayList<>();
      for (String c : codes.stream().distinct().toList()) {
        words.add(c.equals(AggFilters.NO_TRUST_SIGNAL) ? "hiding trials with any trust signal"
            : TrustSignal.Kind.ofCode(c).map(k -> "only trials with: " + k.label()).orElse(c));
      }
      Map<String, List<String>> p = without(params);
      p.remove(TRUST);
      String rest = withoutTrust(first(params, AGG));
      if (rest.isEmpty()) {
        p.remove(AGG);
      } else {
        p.put(AGG, List.of(rest));
      }
      out.add(new Parts.Link("Trust signals: " + String.join("; or ", words), Links.search(p)));
    }
    return out;
  }

  /**
   * The trust choice the form shows: {@code trust=}, else the {@code aggFilters} trust entry when it
   * holds exactly one code; "" otherwise.
   */
  static String shownTrust(Map<String, List<String>> params) {
    if (!first(params, TRUST).isEmpty()) {
      return first(params, TRUST).strip().toLowerCase(java.util.Locale.ROOT);
    }
    List<String> codes = trustCodes(first(params, AGG));
    return codes.size() == 1 ? codes.getFirst() : "";
  }

  /** {@code aggFilters} as the form carries it hidden: without the trust entry when the form's choice shows it. */
  static String hiddenAggFilters(Map<String, List<String>> params, String value) {
    return shownTrust(params).isEmpty() ? value : withoutTrust(value);
  }

  private static Map<String, List<String>> without(Map<String, List<String>> params) {
    Map<String, List<String>> p = new LinkedHashMap<>(params);
    p.remove("pageToken");
    return p;
  }

  /** A number of cells in one of the forms RANGE reads. */
  private static BigDecimal cells(String text, String which) {
    String t = text.strip();
    return CellNumbers.parse(t).orElseThrow(() -> new IllegalArgumentException("The " + which
        + " cell dose per kg '" + t + "' is not a number of cells; write it as 1000000, 1e6, 1.5x10^6 or 10^6"));
  }

  private static Optional<String> single(Map<String, List<String>> params, String name, String words) {
    List<String> v = params.get(name);
    if (v == null || v.isEmpty()) {
      return Optional.empty();
    }
    if (v.size() > 1) {
      throw new IllegalArgumentException("Give one " + words + ", got " + v.size() + ": '" + String.join("', '", v) + "'");
    }
    return Optional.of(v.getFirst());
  }

  /** The codes of the trust entry of an {@code aggFilters} value, lower case. */
  private static List<String> trustCodes(String aggFilters) {
    return AggFilterCodes.codes(aggFilters, TRUST);
  }

  /** An {@code aggFilters} value without its trust entry. */
  private static String withoutTrust(String aggFilters) {
    return AggFilterCodes.withoutEntry(aggFilters, TRUST);
  }

  /** An {@code aggFilters} value with {@code code} added to its trust entry (made when absent). */
  private static String withTrust(List<String> aggFilters, String code) {
    return AggFilterCodes.with(aggFilters == null || aggFilters.isEmpty() ? "" : aggFilters.getFirst(), TRUST, code);
  }

  private static String first(Map<String, List<String>> params, String name) {
    List<String> v = params.get(name);
    return v == null || v.isEmpty() ? "" : v.getFirst();
  }
}
