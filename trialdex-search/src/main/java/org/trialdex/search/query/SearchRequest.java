package org.trialdex.search.query;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A search, as the ClinicalTrials.gov API v2 {@code GET /studies} parameters describe it, parsed
 * and checked: what the HTTP API, the web portal and {@code trialdex search} all hand to the search
 * service. Made by {@link SearchRequests#parse} from parameters, or directly.
 *
 * @param queries one parsed expression per {@code query.*} parameter given, by area
 * @param advanced {@code filter.advanced}
 * @param overallStatus {@code filter.overallStatus}: v2 status names, any of which matches
 * @param ids {@code filter.ids}: NCT ids (or other record ids), any of which matches
 * @param geo {@code filter.geo}
 * @param phases {@code filter.phase} (our extension): v2 phase names, any of which matches
 * @param studyTypes {@code filter.studyType} (our extension): v2 study type names
 * @param aggFilters {@code aggFilters}, e.g. {@code status:rec}, {@code phase:2 3}
 * @param sort {@code sort}: keys in order; empty means by relevance
 * @param pageSize {@code pageSize}, 1 to {@link #MAX_PAGE_SIZE}
 * @param pageToken {@code pageToken}: the cursor a previous page returned
 * @param countTotal {@code countTotal}
 * @param facets facet dimensions to count (our extension {@code facets=}); empty for none
 */
public record SearchRequest(Map<Area, Expr> queries, Optional<Expr> advanced, List<String> overallStatus,
    List<String> ids, Optional<GeoFilter> geo, List<String> phases, List<String> studyTypes,
    List<AggFilter> aggFilters, List<SortKey> sort, int pageSize, Optional<String> pageToken,
    boolean countTotal, List<String> facets) {

  /** The largest page, as on ClinicalTrials.gov. */
  public static final int MAX_PAGE_SIZE = 1000;
  /** The page size when none is given, as on ClinicalTrials.gov. */
  public static final int DEFAULT_PAGE_SIZE = 10;

  /**
   * The facet dimensions {@code facets=} takes: overall status, phase, study type, intervention
   * type, lead sponsor class, country, sex, age group, healthy volunteers, has results, condition
   * (MeSH term), and trialdex's cell-therapy profile: cell type, tissue source, donor, route; and
   * trust signals (kind codes as of indexing, {@code none} without one).
   */
  public static final List<String> FACETS = List.of("status", "phase", "studyType", "interventionType",
      "sponsorClass", "country", "sex", "ageGroup", "healthy", "results", "condition", "cellType", "cellSource",
      "cellDonor", "cellRoute", "trust");

  public SearchRequest {
    queries = java.util.Collections.unmodifiableMap(new TreeMap<>(queries));
    Objects.requireNonNull(advanced, "advanced");
    overallStatus = List.copyOf(overallStatus);
    ids = List.copyOf(ids);
    Objects.requireNonNull(geo, "geo");
    phases = List.copyOf(phases);
    studyTypes = List.copyOf(studyTypes);
    aggFilters = List.copyOf(aggFilters);
    sort = List.copyOf(sort);
    if (pageSize < 1 || pageSize > MAX_PAGE_SIZE) {
      throw new IllegalArgumentException("pageSize must be 1 to " + MAX_PAGE_SIZE + ", was " + pageSize);
    }
    Objects.requireNonNull(pageToken, "pageToken");
    facets = List.copyOf(facets);
  }

  /** Every study, first page, by relevance (which, with no query, is NCT id order). */
  public static SearchRequest all() {
    return new SearchRequest(Map.of(), Optional.empty(), List.of(), List.of(), Optional.empty(), List.of(),
        List.of(), List.of(), List.of(), DEFAULT_PAGE_SIZE, Optional.empty(), false, List.of());
  }

  /** The {@code query.*} parameters: ClinicalTrials.gov's search areas. */
  public enum Area {
    /** {@code query.cond}: conditions, keywords, their MeSH terms and synonyms. */
    COND("query.cond", "ConditionSearch"),
    /** {@code query.term}: every text field. */
    TERM("query.term", "BasicSearch"),
    /** {@code query.intr}: interventions, arms' interventions, their MeSH terms. */
    INTR("query.intr", "InterventionSearch"),
    /** {@code query.titles}: brief and official title, acronym. */
    TITLES("query.titles", "TitleSearch"),
    /** {@code query.outc}: outcome measures. */
    OUTC("query.outc", "OutcomeSearch"),
    /** {@code query.spons}: lead sponsor and collaborators. */
    SPONS("query.spons", "SponsorSearch"),
    /** {@code query.lead}: lead sponsor. */
    LEAD("query.lead", "LeadSponsorName"),
    /** {@code query.id}: NCT id, aliases, org study id, secondary ids. */
    ID("query.id", "IdSearch"),
    /** {@code query.locn}: facilities, cities, states, countries. */
    LOCN("query.locn", "LocationSearch"),
    /** {@code query.patient}: what a patient would search: conditions, titles, summaries, eligibility. */
    PATIENT("query.patient", "PatientSearch");

    private final String parameter;
    private final String searchArea;

    Area(String parameter, String searchArea) {
      this.parameter = parameter;
      this.searchArea = searchArea;
    }

    /** The parameter name, {@code query.cond}. */
    public String parameter() {
      return parameter;
    }

    /** The ClinicalTrials.gov search area the parameter searches, {@code ConditionSearch}. */
    public String searchArea() {
      return searchArea;
    }
  }

  /**
   * {@code filter.geo=distance(lat,lon,50mi)}: studies with a site within the distance.
   *
   * @param latitude degrees, -90 to 90
   * @param longitude degrees, -180 to 180
   * @param meters the distance in meters (given in {@code mi} or {@code km})
   */
  public record GeoFilter(double latitude, double longitude, double meters) {
    public GeoFilter {
      if (latitude < -90 || latitude > 90 || longitude < -180 || longitude > 180 || !(meters > 0)) {
        throw new IllegalArgumentException("bad geo filter " + latitude + "," + longitude + "," + meters);
      }
    }
  }

  /**
   * One {@code aggFilters} entry, as ClinicalTrials.gov writes them: a filter name and its option
   * codes ({@code status:rec act}, {@code phase:2 3}, {@code sex:f}, {@code healthy:y},
   * {@code results:with}, {@code studyType:int}, {@code ages:adult}); options are ORed.
   */
  public record AggFilter(String name, List<String> options) {
    public AggFilter {
      Objects.requireNonNull(name, "name");
      options = List.copyOf(options);
    }
  }

  /**
   * One sort key: {@code @relevance}, or a field ({@code LastUpdatePostDate},
   * {@code EnrollmentCount}...) with a direction.
   */
  public record SortKey(String field, boolean descending) {
    /** The {@code @relevance} pseudo-field. */
    public static final String RELEVANCE = "@relevance";
    /** The {@code @distance} pseudo-field (our extension): nearest site first; needs a geo filter. */
    public static final String DISTANCE = "@distance";

    public SortKey {
      Objects.requireNonNull(field, "field");
    }
  }
}
