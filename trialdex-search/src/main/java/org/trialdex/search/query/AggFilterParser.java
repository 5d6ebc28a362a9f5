package org.trialdex.search.query;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.trialdex.core.catalog.AggFilters;

/**
 * Reads {@code aggFilters} and {@code facets} values against the one table of filter names and
 * codes, {@link AggFilters} in core: a code it does not hold fails here, naming what is accepted.
 */
final class AggFilterParser {

  private AggFilterParser() {}

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
      AggFilters.Filter filter = filter(entry.substring(0, colon).strip());
      String name = filter.name();
      if (!seen.add(name)) {
        throw new QueryException("aggFilters", "names " + name + " twice; list all its options in "
            + "one entry, e.g. " + name + ":" + String.join(" ", filter.codes()));
      }
      List<String> options = new ArrayList<>();
      for (String option : entry.substring(colon + 1).strip().split("\\s+")) {
        String code = option.toLowerCase(Locale.ROOT);
        if (code.isEmpty()) {
          continue;
        }
        if (filter.option(code).isEmpty()) {
          throw new QueryException("aggFilters", "\"" + option + "\" is not an option of " + name
              + "; accepted: " + filter.describe());
        }
        if (!options.contains(code)) {
          options.add(code);
        }
      }
      if (options.isEmpty()) {
        throw new QueryException("aggFilters", "entry \"" + entry + "\" has no options; accepted "
            + "for " + name + ": " + filter.describe());
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

  private static AggFilters.Filter filter(String name) {
    return AggFilters.named(name).orElseThrow(() -> new QueryException("aggFilters", "\"" + name
        + "\" is not a filter name; accepted: " + String.join(", ", AggFilters.names())));
  }
}
