package org.trialdex.search.query;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * ClinicalTrials.gov's {@code aggFilters} names and option codes (the table in
 * {@link SearchRequests}), and the reader of {@code aggFilters} and {@code facets} values.
 */
final class AggFilterTable {

  /** Filter name → option code → what it selects, in ClinicalTrials.gov's order. */
  static final Map<String, Map<String, String>> FILTERS = table();

  private AggFilterTable() {}

  private static Map<String, Map<String, String>> table() {
    Map<String, Map<String, String>> t = new LinkedHashMap<>();
    t.put("status", options("rec", "RECRUITING", "not", "NOT_YET_RECRUITING",
        "act", "ACTIVE_NOT_RECRUITING", "com", "COMPLETED", "enr", "ENROLLING_BY_INVITATION",
        "sus", "SUSPENDED", "ter", "TERMINATED", "wit", "WITHDRAWN", "unk", "UNKNOWN",
        "ava", "AVAILABLE", "nla", "NO_LONGER_AVAILABLE", "tna", "TEMPORARILY_NOT_AVAILABLE",
        "afm", "APPROVED_FOR_MARKETING", "whe", "WITHHELD"));
    t.put("phase", options("0", "EARLY_PHASE1", "1", "PHASE1", "2", "PHASE2", "3", "PHASE3",
        "4", "PHASE4", "na", "NA"));
    t.put("sex", options("f", "FEMALE", "m", "MALE", "a", "ALL"));
    t.put("healthy", options("y", "accepts healthy volunteers"));
    t.put("results", options("with", "has results", "without", "has no results"));
    t.put("studyType", options("int", "INTERVENTIONAL", "obs", "OBSERVATIONAL",
        "obs_patreg", "OBSERVATIONAL patient registry", "exp", "EXPANDED_ACCESS"));
    t.put("ages", options("child", "CHILD (0-17)", "adult", "ADULT (18-64)",
        "older", "OLDER_ADULT (65+)"));
    t.put("docs", options("prot", "study protocol", "sap", "statistical analysis plan",
        "icf", "informed consent form"));
    return java.util.Collections.unmodifiableMap(t);
  }

  private static Map<String, String> options(String... codesAndMeanings) {
    Map<String, String> m = new LinkedHashMap<>();
    for (int i = 0; i < codesAndMeanings.length; i += 2) {
      m.put(codesAndMeanings[i], codesAndMeanings[i + 1]);
    }
    return java.util.Collections.unmodifiableMap(m);
  }

  /** {@code status:rec act,phase:2 3}: comma- or pipe-separated entries, options space-separated. */
  static List<SearchRequest.AggFilter> parseAggFilters(String value) {
    List<SearchRequest.AggFilter> filters = new ArrayList<>();
    Set<String> seen = new LinkedHashSet<>();
    for (String entry : value.split("[,|]")) {
      entry = entry.strip();
      if (entry.isEmpty()) {
        continue;
      }
      int colon = entry.indexOf(':');
      if (colon < 0) {
        throw new QueryException("aggFilters", "entry \"" + entry + "\" has no options; write "
            + "name:option option, e.g. status:rec act,phase:2 3");
      }
      String name = canonicalName(entry.substring(0, colon).strip(), "aggFilters");
      if (!seen.add(name)) {
        throw new QueryException("aggFilters", "names " + name + " twice; list all its options in "
            + "one entry, e.g. " + name + ":" + String.join(" ", FILTERS.get(name).keySet()));
      }
      List<String> options = new ArrayList<>();
      for (String option : entry.substring(colon + 1).strip().split("\\s+")) {
        String code = option.toLowerCase(Locale.ROOT);
        if (code.isEmpty()) {
          continue;
        }
        if (!FILTERS.get(name).containsKey(code)) {
          throw new QueryException("aggFilters", "\"" + option + "\" is not an option of " + name
              + "; accepted: " + describe(name));
        }
        if (!options.contains(code)) {
          options.add(code);
        }
      }
      if (options.isEmpty()) {
        throw new QueryException("aggFilters", "entry \"" + entry + "\" has no options; accepted "
            + "for " + name + ": " + describe(name));
      }
      filters.add(new SearchRequest.AggFilter(name, options));
    }
    return filters;
  }

  /** {@code all}, or a comma- or pipe-separated list of aggFilters names. */
  static List<String> parseFacets(String value) {
    if (value.strip().equalsIgnoreCase("all")) {
      return SearchRequest.FACETS;
    }
    Set<String> names = new LinkedHashSet<>();
    for (String name : value.split("[,|]")) {
      if (!name.isBlank()) {
        names.add(facetName(name.strip()));
      }
    }
    return List.copyOf(names);
  }

  private static String facetName(String name) {
    for (String known : SearchRequest.FACETS) {
      if (known.equalsIgnoreCase(name)) {
        return known;
      }
    }
    throw new QueryException("facets", "\"" + name + "\" is not a facet; accepted: "
        + String.join(", ", SearchRequest.FACETS) + " or all");
  }

  private static String canonicalName(String name, String parameter) {
    for (String known : FILTERS.keySet()) {
      if (known.equalsIgnoreCase(name)) {
        return known;
      }
    }
    throw new QueryException(parameter, "\"" + name + "\" is not a filter name; accepted: "
        + String.join(", ", FILTERS.keySet()) + ("facets".equals(parameter) ? " or all" : ""));
  }

  private static String describe(String name) {
    List<String> parts = new ArrayList<>();
    FILTERS.get(name).forEach((code, meaning) -> parts.add(code + " (" + meaning + ")"));
    return String.join(", ", parts);
  }
}
