package org.trialdex.core.catalog;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.trialdex.core.celltherapy.CellType;
import org.trialdex.core.celltherapy.Coded;
import org.trialdex.core.celltherapy.Donor;
import org.trialdex.core.celltherapy.Route;
import org.trialdex.core.celltherapy.TissueSource;
import org.trialdex.core.trust.TrustSignal;

/**
 * ClinicalTrials.gov's {@code aggFilters} (API v2 {@code GET /studies}): every filter name, its
 * option codes, and what each code selects, as conditions on pieces of {@link Pieces}. The one
 * table of them: the search parser accepts exactly these codes, the search service turns exactly
 * these selections into queries, and the portal links facet values to these codes.
 *
 * <p>The API document ({@code ctg-oas-v2.yaml}) names the form ("{@code filter_id}:space-separated
 * option keys") and gives {@code results:with}, {@code status:com}, {@code status:not rec},
 * {@code sex:f} and {@code healthy:y} as examples; the other codes are those of the
 * ClinicalTrials.gov search page's filters, one per value of the v2 enum the filter reads.
 * trialdex's own filters follow ({@link Filter#trialdex()}): {@code cellType}, {@code cellSource},
 * {@code cellDonor} and {@code cellRoute}, over the cell-therapy profile's codes, and {@code trust},
 * over the trust signals' kind codes ({@code pay}, {@code results-overdue}...) plus {@code none}
 * for a study without any signal.
 */
public final class AggFilters {

  /**
   * One filter.
   *
   * @param name the {@code filter_id}, as ClinicalTrials.gov spells it ({@code studyType})
   * @param facet the {@code facets=} dimension that counts the same values, if there is one
   * @param options the option codes, in ClinicalTrials.gov's order
   * @param trialdex true for trialdex's own filters (the cell-therapy profile, issue #11): their
   *     selections name trialdex's index fields ({@code CellType}), not ClinicalTrials.gov pieces,
   *     and their codes are the profile's codes ({@code msc}, {@code bone-marrow})
   */
  public record Filter(String name, Optional<String> facet, List<Option> options, boolean trialdex) {
    public Filter {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(facet, "facet");
      options = List.copyOf(options);
    }

    /** A ClinicalTrials.gov filter. */
    public Filter(String name, Optional<String> facet, List<Option> options) {
      this(name, facet, options, false);
    }

    /** The option with this code (case-insensitive), or empty. */
    public Optional<Option> option(String code) {
      return options.stream().filter(o -> o.code().equalsIgnoreCase(code.strip())).findFirst();
    }

    /** The codes, in order. */
    public List<String> codes() {
      return options.stream().map(Option::code).toList();
    }

    /** The codes with their meanings, {@code rec (RECRUITING), not (NOT_YET_RECRUITING)...}, for messages. */
    public String describe() {
      List<String> parts = new ArrayList<>();
      options.forEach(o -> parts.add(o.code() + " (" + o.meaning() + ")"));
      return String.join(", ", parts);
    }

    /** The option whose facet value is {@code value} (a v2 spelling), or empty. */
    public Optional<Option> optionForFacetValue(String value) {
      return options.stream().filter(o -> o.facetValue().filter(value::equals).isPresent()).findFirst();
    }
  }

  /**
   * One option code.
   *
   * @param code the option key ({@code rec})
   * @param meaning what it selects, in words, for messages and docs
   * @param selects the condition a study meets to be selected
   * @param facetValue the value of the filter's facet this code narrows to, if one does
   */
  public record Option(String code, String meaning, Selection selects, Optional<String> facetValue) {
    public Option {
      Objects.requireNonNull(code, "code");
      Objects.requireNonNull(meaning, "meaning");
      Objects.requireNonNull(selects, "selects");
      Objects.requireNonNull(facetValue, "facetValue");
    }
  }

  /** What an option selects: conditions on piece values ({@link Pieces} names, v2 spellings). */
  public sealed interface Selection {
    /** The piece has this value (among its values), compared case-insensitively. */
    record Is(String piece, String value) implements Selection {}

    /** Any of the parts holds. */
    record AnyOf(List<Selection> parts) implements Selection {
      public AnyOf {
        parts = List.copyOf(parts);
      }
    }

    /** All of the parts hold. */
    record AllOf(List<Selection> parts) implements Selection {
      public AllOf {
        parts = List.copyOf(parts);
      }
    }

    /** The part does not hold (a study without the piece is selected). */
    record Not(Selection part) implements Selection {}
  }

  private static final List<Filter> FILTERS = List.of(
      filter("status", "status", "OverallStatus",
          "rec", "RECRUITING", "not", "NOT_YET_RECRUITING", "act", "ACTIVE_NOT_RECRUITING",
          "com", "COMPLETED", "enr", "ENROLLING_BY_INVITATION", "sus", "SUSPENDED", "ter", "TERMINATED",
          "wit", "WITHDRAWN", "unk", "UNKNOWN", "ava", "AVAILABLE", "nla", "NO_LONGER_AVAILABLE",
          "tna", "TEMPORARILY_NOT_AVAILABLE", "afm", "APPROVED_FOR_MARKETING", "whe", "WITHHELD"),
      filter("phase", "phase", "Phase",
          "0", "EARLY_PHASE1", "1", "PHASE1", "2", "PHASE2", "3", "PHASE3", "4", "PHASE4", "na", "NA"),
      // A study open to all sexes is open to women and to men, as on ClinicalTrials.gov.
      new Filter("sex", Optional.of("sex"), List.of(
          new Option("f", "FEMALE or ALL", any(is("Gender", "FEMALE"), is("Gender", "ALL")), Optional.of("FEMALE")),
          new Option("m", "MALE or ALL", any(is("Gender", "MALE"), is("Gender", "ALL")), Optional.of("MALE")),
          new Option("a", "ALL", is("Gender", "ALL"), Optional.of("ALL")))),
      new Filter("healthy", Optional.of("healthy"), List.of(
          new Option("y", "accepts healthy volunteers", is("HealthyVolunteers", "true"), Optional.of("true")))),
      new Filter("results", Optional.of("results"), List.of(
          new Option("with", "has results", is("HasResults", "true"), Optional.of("true")),
          new Option("without", "has no results", new Selection.Not(is("HasResults", "true")), Optional.of("false")))),
      new Filter("studyType", Optional.of("studyType"), List.of(
          new Option("int", "INTERVENTIONAL", is("StudyType", "INTERVENTIONAL"), Optional.of("INTERVENTIONAL")),
          new Option("obs", "OBSERVATIONAL", is("StudyType", "OBSERVATIONAL"), Optional.of("OBSERVATIONAL")),
          new Option("obs_patreg", "OBSERVATIONAL patient registry",
              new Selection.AllOf(List.of(is("StudyType", "OBSERVATIONAL"), is("PatientRegistry", "true"))),
              Optional.empty()),
          new Option("exp", "EXPANDED_ACCESS", is("StudyType", "EXPANDED_ACCESS"), Optional.of("EXPANDED_ACCESS")),
          new Option("exp_indiv", "expanded access for individual patients", is("ExpAccTypeIndividual", "true"),
              Optional.empty()),
          new Option("exp_inter", "intermediate-size expanded access", is("ExpAccTypeIntermediate", "true"),
              Optional.empty()),
          new Option("exp_treat", "treatment IND/protocol expanded access", is("ExpAccTypeTreatment", "true"),
              Optional.empty()))),
      filter("ages", "ageGroup", "StdAge", "child", "CHILD", "adult", "ADULT", "older", "OLDER_ADULT"),
      funderType(),
      new Filter("docs", Optional.empty(), List.of(
          new Option("prot", "study protocol", is("LargeDocHasProtocol", "true"), Optional.empty()),
          new Option("sap", "statistical analysis plan", is("LargeDocHasSAP", "true"), Optional.empty()),
          new Option("icf", "informed consent form", is("LargeDocHasICF", "true"), Optional.empty()))),
      // trialdex's own, after ClinicalTrials.gov's: the cell-therapy profile, one code per enum constant.
      coded("cellType", "CellType", CellType.class),
      coded("cellSource", "CellSource", TissueSource.class),
      coded("cellDonor", "CellDonor", Donor.class),
      coded("cellRoute", "CellRoute", Route.class),
      trust());

  private AggFilters() {}

  /** Every filter, in ClinicalTrials.gov's order. */
  public static List<Filter> all() {
    return FILTERS;
  }

  /** The names, in order. */
  public static List<String> names() {
    return FILTERS.stream().map(Filter::name).toList();
  }

  /** The filter with this name (case-insensitive), or empty. */
  public static Optional<Filter> named(String name) {
    return FILTERS.stream().filter(f -> f.name().equalsIgnoreCase(name.strip())).findFirst();
  }

  /** The filter counted by this {@code facets=} dimension, or empty. */
  public static Optional<Filter> forFacet(String facet) {
    return FILTERS.stream().filter(f -> f.facet().filter(facet::equals).isPresent()).findFirst();
  }

  /** Name → codes, in order: for documentation and the API's metadata. */
  public static Map<String, List<String>> codes() {
    Map<String, List<String>> m = new LinkedHashMap<>();
    FILTERS.forEach(f -> m.put(f.name(), f.codes()));
    return java.util.Collections.unmodifiableMap(m);
  }

  /** A filter whose every code selects one value of one piece, that value also being its facet value. */
  private static Filter filter(String name, String facet, String piece, String... codesAndValues) {
    List<Option> options = new ArrayList<>();
    for (int i = 0; i < codesAndValues.length; i += 2) {
      String value = codesAndValues[i + 1];
      options.add(new Option(codesAndValues[i].toLowerCase(Locale.ROOT), value, is(piece, value), Optional.of(value)));
    }
    return new Filter(name, Optional.of(facet), options);
  }

  /**
   * A trialdex filter over a profile field: each code of {@code type} selects the field's value of
   * that code, which is also its facet value; the filter and its facet share the name.
   */
  private static <E extends Enum<E> & Coded> Filter coded(String name, String field, Class<E> type) {
    List<Option> options = new ArrayList<>();
    for (E e : type.getEnumConstants()) {
      options.add(new Option(e.code(), e.label(), is(field, e.code()), Optional.of(e.code())));
    }
    return new Filter(name, Optional.of(name), options, true);
  }

  /**
   * The trust-signal filter: each kind code selects the studies with that signal (field {@code
   * TrustSignal}), and {@code none} those with no signal at all; each code is also its facet value.
   */
  private static Filter trust() {
    List<Option> options = new ArrayList<>();
    List<Selection> any = new ArrayList<>();
    for (TrustSignal.Kind k : TrustSignal.Kind.values()) {
      options.add(new Option(k.code(), k.label(), is(TRUST_FIELD, k.code()), Optional.of(k.code())));
      any.add(is(TRUST_FIELD, k.code()));
    }
    options.add(new Option(NO_TRUST_SIGNAL, "No trust signal", new Selection.Not(new Selection.AnyOf(any)),
        Optional.of(NO_TRUST_SIGNAL)));
    return new Filter("trust", Optional.of("trust"), options, true);
  }

  /**
   * The funder type: the class of the lead sponsor or of any collaborator, as ClinicalTrials.gov's
   * search page offers it ("NIH", "Other U.S. federal agency", "Industry", "All others
   * (individuals, universities, organizations)"); not in {@code ctg-oas-v2.yaml}'s examples, but
   * the live API takes it and clients send it (BioMCP's {@code funderType:industry}, ctrdata's
   * translations of search-page queries).
   */
  private static Filter funderType() {
    List<Option> options = new ArrayList<>();
    options.add(funder("nih", "NIH", "NIH"));
    options.add(funder("fed", "Other U.S. federal agency (FED)", "FED"));
    options.add(funder("industry", "Industry (INDUSTRY)", "INDUSTRY"));
    options.add(funder("other", "All others (OTHER, OTHER_GOV, INDIV, NETWORK, AMBIG, UNKNOWN)", "OTHER", "OTHER_GOV",
        "INDIV", "NETWORK", "AMBIG", "UNKNOWN"));
    return new Filter("funderType", Optional.empty(), options);
  }

  private static Option funder(String code, String meaning, String... classes) {
    List<Selection> any = new ArrayList<>();
    for (String c : classes) {
      any.add(is("LeadSponsorClass", c));
      any.add(is("CollaboratorClass", c));
    }
    return new Option(code, meaning, new Selection.AnyOf(any), Optional.empty());
  }

  /** The index field of trust-signal kind codes that the {@code trust} filter reads. */
  private static final String TRUST_FIELD = "TrustSignal";
  /** The {@code trust} code (and facet value) of a study without any trust signal. */
  public static final String NO_TRUST_SIGNAL = "none";

  private static Selection is(String piece, String value) {
    return new Selection.Is(piece, value);
  }

  private static Selection any(Selection... parts) {
    return new Selection.AnyOf(List.of(parts));
  }
}
