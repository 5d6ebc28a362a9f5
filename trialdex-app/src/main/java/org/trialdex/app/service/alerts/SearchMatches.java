package org.trialdex.app.service.alerts;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.trialdex.app.service.Searches;
import org.trialdex.search.Hit;
import org.trialdex.search.SearchResult;
import org.trialdex.search.query.QueryException;
import org.trialdex.search.query.SearchRequest;
import org.trialdex.search.query.SearchRequests;

/**
 * A followed search as the API's parameters, kept as a query string, and which records match it,
 * asked of the search index (the same index, and so the same answers, as the search page).
 */
final class SearchMatches {

  /** The most records a followed search may match when it is made. */
  static final int MAX_MATCHES = 10_000;
  private static final int PAGE = SearchRequest.MAX_PAGE_SIZE;
  /** Parameters about how results are shown, not which: left out of a followed search. */
  private static final Set<String> PRESENTATION = Set.of("pageSize", "pageToken", "sort", "format", "countTotal",
      "fields", "markupFormat", "view");

  private static final java.util.regex.Pattern SEARCHABLE_ID = java.util.regex.Pattern.compile(
      "[A-Za-z0-9][A-Za-z0-9._/:-]{2,63}");

  private final Searches searches;

  SearchMatches(Searches searches) {
    this.searches = searches;
  }

  /**
   * The search {@code params} name as a canonical query string (parameters sorted, presentation
   * left out), checked by the search's own parser.
   *
   * @throws IllegalArgumentException when a parameter is wrong (the parser's message) or none is given
   */
  static String canonical(Map<String, List<String>> params) {
    Map<String, List<String>> kept = new TreeMap<>();
    params.forEach((k, v) -> {
      if (!PRESENTATION.contains(k) && v != null && v.stream().anyMatch(x -> x != null && !x.isBlank())) {
        kept.put(k, v.stream().filter(x -> x != null && !x.isBlank()).map(String::strip).toList());
      }
    });
    if (kept.isEmpty()) {
      throw new IllegalArgumentException("this search has no terms or filters; search for something first, then"
          + " follow that search");
    }
    try {
      SearchRequests.parse(kept);
    } catch (QueryException e) {
      throw new IllegalArgumentException("the search cannot be followed: " + e.getMessage(), e);
    }
    List<String> parts = new ArrayList<>();
    kept.forEach((k, vs) -> vs.forEach(v -> parts.add(encode(k) + "=" + encode(v))));
    return String.join("&", parts);
  }

  /** A query string read back into parameters. */
  static Map<String, List<String>> params(String query) {
    Map<String, List<String>> params = new LinkedHashMap<>();
    for (String part : query.split("&")) {
      if (part.isEmpty()) {
        continue;
      }
      int eq = part.indexOf('=');
      String k = URLDecoder.decode(eq < 0 ? part : part.substring(0, eq), StandardCharsets.UTF_8);
      String v = eq < 0 ? "" : URLDecoder.decode(part.substring(eq + 1), StandardCharsets.UTF_8);
      params.computeIfAbsent(k, x -> new ArrayList<>()).add(v);
    }
    return params;
  }

  /** The search in words for people: {@code Condition: lupus; Status: RECRUITING}. */
  static String describe(String query) {
    List<String> parts = new ArrayList<>();
    params(query).forEach((k, v) -> parts.add(label(k) + ": " + String.join(", ", v)));
    return String.join("; ", parts);
  }

  private static String label(String parameter) {
    return switch (parameter) {
      case "query.cond" -> "Condition";
      case "query.term" -> "Words";
      case "query.intr" -> "Treatment";
      case "query.locn" -> "Location";
      case "query.titles" -> "Title";
      case "query.spons" -> "Sponsor";
      case "filter.overallStatus" -> "Status";
      case "filter.phase" -> "Phase";
      case "aggFilters" -> "Filters";
      default -> parameter;
    };
  }

  /**
   * The records matching {@code query} now, at most {@link #MAX_MATCHES}.
   *
   * @throws IllegalArgumentException when it matches more
   */
  List<String> all(String query) {
    Map<String, List<String>> params = params(query);
    params.put("pageSize", List.of(Integer.toString(PAGE)));
    List<String> ids = new ArrayList<>();
    Optional<String> token = Optional.empty();
    do {
      Map<String, List<String>> page = new LinkedHashMap<>(params);
      token.ifPresent(t -> page.put("pageToken", List.of(t)));
      SearchResult result = searches.search(SearchRequests.parse(page));
      for (Hit h : result.hits()) {
        ids.add(h.id());
      }
      if (ids.size() > MAX_MATCHES) {
        throw new IllegalArgumentException("this search matches more than " + String.format(Locale.ROOT, "%,d",
            MAX_MATCHES) + " trials, too many to follow; narrow it (a condition, a status, a place) and follow that");
      }
      token = result.nextPageToken();
    } while (token.isPresent());
    return ids;
  }

  /** Which of {@code ids} match {@code query} now. */
  Set<String> among(String query, Collection<String> ids) {
    Map<String, List<String>> params = params(query);
    Set<String> wanted = new HashSet<>(ids);
    wanted.removeIf(id -> !SEARCHABLE_ID.matcher(id).matches()); // the ids filter.ids takes
    List<String> own = params.remove("filter.ids");
    if (own != null) {
      Set<String> allowed = new HashSet<>();
      own.forEach(v -> {
        for (String id : v.split("[,|]")) {
          allowed.add(id.strip().toUpperCase(Locale.ROOT));
        }
      });
      wanted.removeIf(id -> !allowed.contains(id.toUpperCase(Locale.ROOT)));
    }
    Set<String> found = new HashSet<>();
    List<String> list = List.copyOf(wanted);
    for (int from = 0; from < list.size(); from += PAGE) {
      List<String> part = list.subList(from, Math.min(list.size(), from + PAGE));
      Map<String, List<String>> page = new LinkedHashMap<>(params);
      page.put("filter.ids", List.of(String.join(",", part)));
      page.put("pageSize", List.of(Integer.toString(PAGE)));
      for (Hit h : searches.search(SearchRequests.parse(page)).hits()) {
        found.add(h.id());
      }
    }
    return found;
  }

  private static String encode(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
  }
}
