package org.trialdex.app.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.trialdex.core.catalog.AggFilters;

/**
 * What narrows a search page, as chips: every parameter that changes which trials match (the search
 * boxes, the form's own filters, each facet value chosen, the API's {@code filter.*} parameters,
 * whatever a link brought), each with a link to the same search without it. Nothing narrows a
 * search without showing here: a parameter the page does not know is shown as it is written.
 */
final class Chips {

  /** Parameters that page or present the results but do not change which trials match. */
  private static final Set<String> NOT_FILTERS = Set.of("sort", "pageToken", "page", "pageSize", "countTotal",
      "facets", "format", "fields", "nearDistance", SearchFilters.DOSE_MAX, "markupFormat");
  private static final Map<String, String> AREAS = Map.ofEntries(
      Map.entry("query.cond", "Condition"), Map.entry("query.term", "Other terms"),
      Map.entry("query.locn", "Location"), Map.entry("query.intr", "Intervention"),
      Map.entry("query.titles", "Title"), Map.entry("query.outc", "Outcome"),
      Map.entry("query.spons", "Sponsor"), Map.entry("query.lead", "Lead sponsor"),
      Map.entry("query.id", "Study id"), Map.entry("query.patient", "Patient"),
      Map.entry("filter.advanced", "Advanced query"), Map.entry("filter.ids", "Trial ids"),
      Map.entry("filter.geo", "Within"), Map.entry("filter.synonyms", "Synonyms"),
      Map.entry("filter.phase", "Phase"), Map.entry("filter.studyType", "Study type"));

  private Chips() {}

  /** The chips of a search page's parameters (as the page's address gives them), in their order. */
  static List<Parts.Link> of(Map<String, List<String>> params) {
    List<Parts.Link> out = new ArrayList<>();
    boolean formFilters = false;
    for (var e : params.entrySet()) {
      String name = e.getKey();
      if (NOT_FILTERS.contains(name)) {
        continue;
      }
      switch (name) {
        case "near" -> out.add(new Parts.Link(near(params), href(params, p -> {
          p.remove("near");
          p.remove("nearDistance");
        })));
        case "age" -> out.add(new Parts.Link("Age of the patient: " + first(e.getValue()) + " years",
            href(params, p -> p.remove("age"))));
        case SearchFilters.OPEN -> out.add(new Parts.Link("Recruiting only", href(params, p -> p.remove(name))));
        case SearchFilters.SEX -> out.add(new Parts.Link("Open to " + sexWords(first(e.getValue())),
            href(params, p -> p.remove(name))));
        case SearchFilters.DOSE_MIN, SearchFilters.TRUST -> formFilters = true;
        case "aggFilters" -> {
          formFilters = true; // the trust entry, shown with the form's trust choice
          aggFilters(params, first(e.getValue()), out);
        }
        case "filter.overallStatus" -> statuses(params, e.getValue(), out);
        default -> {
          Optional<SearchFilters.Dimension> d = SearchFilters.Dimension.ofFacet(name);
          for (String v : e.getValue()) {
            String label = d.map(x -> SearchPages.facetName(name) + ": " + SearchPages.facetLabel(name, v))
                .orElseGet(() -> AREAS.getOrDefault(name, name) + ": " + v);
            out.add(new Parts.Link(label, href(params, p -> without(p, name, v))));
          }
        }
      }
    }
    if (formFilters || params.containsKey(SearchFilters.DOSE_MAX)) {
      out.addAll(SearchFilters.active(params));
    }
    return out;
  }

  /** The same search without any filter: its sort kept. */
  static String clearAll(Map<String, List<String>> params) {
    Map<String, List<String>> p = new LinkedHashMap<>();
    if (params.containsKey("sort")) {
      p.put("sort", params.get("sort"));
    }
    return Links.search(p);
  }

  private static String near(Map<String, List<String>> params) {
    String within = first(params.getOrDefault("nearDistance", List.of("50mi")));
    return "Within " + within.replace("mi", " miles").replace("km", " km") + " of " + first(params.get("near"));
  }

  private static String sexWords(String value) {
    return switch (value.strip().toLowerCase(Locale.ROOT)) {
      case "female" -> "women";
      case "male" -> "men";
      default -> value;
    };
  }

  /** One chip per code of each {@code aggFilters} entry but trust's (the form's trust chip says it). */
  private static void aggFilters(Map<String, List<String>> params, String value, List<Parts.Link> out) {
    Map<String, List<String>> entries = AggFilterCodes.parse(value);
    for (var entry : entries.entrySet()) {
      if (entry.getKey().equalsIgnoreCase(SearchFilters.TRUST)) {
        continue;
      }
      Optional<AggFilters.Filter> filter = AggFilters.named(entry.getKey());
      for (String code : entry.getValue()) {
        String label = filter.map(f -> words(f, code)).orElse(entry.getKey() + ": " + code);
        out.add(new Parts.Link(label, href(params, p -> {
          String rest = AggFilterCodes.without(value, entry.getKey(), code);
          if (rest.isEmpty()) {
            p.remove("aggFilters");
          } else {
            p.put("aggFilters", List.of(rest));
          }
        })));
      }
    }
  }

  /** "Phase: Phase 2", from the facet the filter's option stands for, else the option's own words. */
  static String words(AggFilters.Filter filter, String code) {
    Optional<AggFilters.Option> option = filter.option(code);
    Optional<String> facet = filter.facet();
    if (option.isPresent() && facet.isPresent() && option.get().facetValue().isPresent()) {
      return SearchPages.facetName(facet.get()) + ": " + SearchPages.facetLabel(facet.get(), option.get().facetValue().get());
    }
    return filter.name() + ": " + option.map(AggFilters.Option::meaning).orElse(code);
  }

  /** {@code filter.overallStatus} takes statuses repeated or joined by commas or bars: one chip each. */
  private static void statuses(Map<String, List<String>> params, List<String> values, List<Parts.Link> out) {
    List<String> all = new ArrayList<>();
    values.forEach(v -> {
      for (String s : v.split("[,|]")) {
        if (!s.isBlank()) {
          all.add(s.strip());
        }
      }
    });
    for (String s : all) {
      out.add(new Parts.Link("Status: " + Labels.of(s.toUpperCase(Locale.ROOT)), href(params, p -> {
        List<String> rest = all.stream().filter(x -> !x.equals(s)).toList();
        if (rest.isEmpty()) {
          p.remove("filter.overallStatus");
        } else {
          p.put("filter.overallStatus", List.of(String.join(",", rest)));
        }
      })));
    }
  }

  private static void without(Map<String, List<String>> p, String name, String value) {
    List<String> rest = p.getOrDefault(name, List.of()).stream().filter(x -> !x.equals(value)).toList();
    if (rest.isEmpty()) {
      p.remove(name);
    } else {
      p.put(name, rest);
    }
  }

  private static String href(Map<String, List<String>> params, java.util.function.Consumer<Map<String, List<String>>> change) {
    Map<String, List<String>> p = new LinkedHashMap<>(params);
    p.remove("pageToken");
    p.remove("page");
    change.accept(p);
    return Links.search(p);
  }

  private static String first(List<String> values) {
    return values == null || values.isEmpty() ? "" : values.getFirst();
  }
}
