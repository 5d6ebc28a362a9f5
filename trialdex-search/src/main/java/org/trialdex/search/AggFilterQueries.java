package org.trialdex.search;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.trialdex.search.query.SearchRequest.AggFilter;

/**
 * ClinicalTrials.gov's {@code aggFilters} codes ({@code status:rec}, {@code phase:2}...) as
 * queries on the schema's keyword fields. {@code docs/search.md} has the table.
 */
final class AggFilters {

  private static final Map<String, Map<String, Query>> FILTERS = new LinkedHashMap<>();

  static {
    Map<String, Query> status = codes("status");
    status.put("rec", term("OverallStatus", "RECRUITING"));
    status.put("not", term("OverallStatus", "NOT_YET_RECRUITING"));
    status.put("act", term("OverallStatus", "ACTIVE_NOT_RECRUITING"));
    status.put("enr", term("OverallStatus", "ENROLLING_BY_INVITATION"));
    status.put("sus", term("OverallStatus", "SUSPENDED"));
    status.put("ter", term("OverallStatus", "TERMINATED"));
    status.put("wit", term("OverallStatus", "WITHDRAWN"));
    status.put("com", term("OverallStatus", "COMPLETED"));
    status.put("unk", term("OverallStatus", "UNKNOWN"));
    status.put("ava", term("OverallStatus", "AVAILABLE"));
    status.put("nla", term("OverallStatus", "NO_LONGER_AVAILABLE"));
    status.put("tna", term("OverallStatus", "TEMPORARILY_NOT_AVAILABLE"));
    status.put("afm", term("OverallStatus", "APPROVED_FOR_MARKETING"));
    status.put("wh", term("OverallStatus", "WITHHELD"));
    Map<String, Query> phase = codes("phase");
    phase.put("0", term("Phase", "EARLY_PHASE1"));
    phase.put("1", term("Phase", "PHASE1"));
    phase.put("2", term("Phase", "PHASE2"));
    phase.put("3", term("Phase", "PHASE3"));
    phase.put("4", term("Phase", "PHASE4"));
    phase.put("na", term("Phase", "NA"));
    // A study open to all sexes is open to women and to men, as on ClinicalTrials.gov.
    Map<String, Query> sex = codes("sex");
    sex.put("f", any(term("Sex", "FEMALE"), term("Sex", "ALL")));
    sex.put("m", any(term("Sex", "MALE"), term("Sex", "ALL")));
    sex.put("a", term("Sex", "ALL"));
    codes("healthy").put("y", term("HealthyVolunteers", "true"));
    Map<String, Query> results = codes("results");
    results.put("with", term("HasResults", "true"));
    results.put("without", not(term("HasResults", "true")));
    Map<String, Query> studyType = codes("studyType");
    studyType.put("int", term("StudyType", "INTERVENTIONAL"));
    studyType.put("obs", term("StudyType", "OBSERVATIONAL"));
    studyType.put("obs_patreg", all(term("StudyType", "OBSERVATIONAL"), term("PatientRegistry", "true")));
    studyType.put("exp", term("StudyType", "EXPANDED_ACCESS"));
    studyType.put("exp_indiv", term("ExpandedAccessType", "individual"));
    studyType.put("exp_inter", term("ExpandedAccessType", "intermediate"));
    studyType.put("exp_treat", term("ExpandedAccessType", "treatment"));
    Map<String, Query> ages = codes("ages");
    ages.put("child", term("StdAge", "CHILD"));
    ages.put("adult", term("StdAge", "ADULT"));
    ages.put("older", term("StdAge", "OLDER_ADULT"));
  }

  private AggFilters() {}

  private static Map<String, Query> codes(String name) {
    Map<String, Query> codes = new LinkedHashMap<>();
    FILTERS.put(name, codes);
    return codes;
  }

  private static Query term(String field, String value) {
    return new TermQuery(new Term(field, Schema.keyword(value)));
  }

  private static Query any(Query... queries) {
    BooleanQuery.Builder b = new BooleanQuery.Builder();
    for (Query q : queries) {
      b.add(q, Occur.SHOULD);
    }
    return b.build();
  }

  private static Query all(Query... queries) {
    BooleanQuery.Builder b = new BooleanQuery.Builder();
    for (Query q : queries) {
      b.add(q, Occur.FILTER);
    }
    return b.build();
  }

  private static Query not(Query query) {
    return new BooleanQuery.Builder().add(new MatchAllDocsQuery(), Occur.FILTER).add(query, Occur.MUST_NOT).build();
  }

  /** The codes of every filter, for documentation and errors. */
  static Map<String, List<String>> table() {
    Map<String, List<String>> table = new LinkedHashMap<>();
    FILTERS.forEach((name, codes) -> table.put(name, List.copyOf(codes.keySet())));
    return table;
  }

  /**
   * The query of one {@code aggFilters} entry: any of its options.
   *
   * @throws SearchException naming an unknown filter or code and the accepted ones
   */
  static Query query(AggFilter filter) {
    Map<String, Query> codes = null;
    for (Map.Entry<String, Map<String, Query>> e : FILTERS.entrySet()) {
      if (e.getKey().equalsIgnoreCase(filter.name().strip())) {
        codes = e.getValue();
      }
    }
    if (codes == null) {
      throw new SearchException("Unknown aggFilter \"" + filter.name() + "\"; accepted: "
          + String.join(", ", FILTERS.keySet()));
    }
    if (filter.options().isEmpty()) {
      throw new SearchException("aggFilter " + filter.name() + " has no codes; accepted codes: "
          + String.join(", ", codes.keySet()));
    }
    BooleanQuery.Builder any = new BooleanQuery.Builder();
    for (String option : filter.options()) {
      Query q = codes.get(option.strip().toLowerCase(Locale.ROOT));
      if (q == null) {
        throw new SearchException("Unknown code \"" + option + "\" in aggFilter " + filter.name() + "; accepted codes: "
            + String.join(", ", codes.keySet()));
      }
      any.add(q, Occur.SHOULD);
    }
    return any.build();
  }
}
