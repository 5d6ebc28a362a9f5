package org.trialdex.app.web;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The portal's paths, built in one place; query values are URL-encoded here, HTML-escaped by the templates. */
final class Links {

  private Links() {}

  static String study(String id) {
    return "/study/" + encode(id);
  }

  static String history(String id) {
    return "/study/" + encode(id) + "/history";
  }

  static String compare(String id, int from, int to) {
    return history(id) + "?from=" + from + "&to=" + to;
  }

  static String search(Map<String, List<String>> params) {
    return withQuery("/search", params);
  }

  static String feed(Map<String, List<String>> params) {
    Map<String, List<String>> p = new LinkedHashMap<>(params);
    p.remove("pageToken");
    return withQuery("/feed", p);
  }

  /** The form to follow a search (alerts), given the search's API parameters. */
  static String follow(Map<String, List<String>> params) {
    Map<String, List<String>> p = new LinkedHashMap<>(params);
    for (String name : List.of("pageToken", "page", "pageSize", "sort", "countTotal", "facets", "format", "fields")) {
      p.remove(name);
    }
    return withQuery("/alerts/follow", p);
  }

  /**
   * Every trial of a portal search as CSV ({@code /search/download.csv}): ClinicalTrials.gov's
   * download columns, or with {@code shown} the columns the results list shows.
   */
  static String searchCsv(Map<String, List<String>> params, boolean shown) {
    Map<String, List<String>> p = new LinkedHashMap<>(params);
    for (String name : List.of("pageToken", "page", "pageSize", "countTotal", "facets", "format")) {
      p.remove(name);
    }
    if (shown) {
      p.put("columns", List.of("shown"));
    }
    return withQuery("/search/download.csv", p);
  }

  /** The landscape of a search: its query and filters, without what pages and sorts it. */
  static String landscape(Map<String, List<String>> params) {
    Map<String, List<String>> p = new LinkedHashMap<>(params);
    for (String name : List.of("pageToken", "page", "pageSize", "sort", "countTotal", "facets", "format", "fields")) {
      p.remove(name);
    }
    return withQuery("/landscape", p);
  }

  /** The landscape as JSON, or one chart of it as CSV ({@code chart} given). */
  static String landscapeApi(Map<String, List<String>> params, java.util.Optional<String> chart) {
    return withQuery(chart.map(c -> "/api/landscape/" + encode(c) + ".csv").orElse("/api/landscape"), params);
  }

  static String pubmed(String pmid) {
    return "https://pubmed.ncbi.nlm.nih.gov/" + encode(pmid) + "/";
  }

  static String withQuery(String path, Map<String, List<String>> params) {
    List<String> parts = new ArrayList<>();
    for (var e : params.entrySet()) {
      for (String v : e.getValue()) {
        parts.add(encode(e.getKey()) + "=" + encode(v));
      }
    }
    return parts.isEmpty() ? path : path + "?" + String.join("&", parts);
  }

  /** Request parameters from name/value pairs, in order. */
  static Map<String, List<String>> params(String... namesAndValues) {
    Map<String, List<String>> m = new LinkedHashMap<>();
    for (int i = 0; i < namesAndValues.length; i += 2) {
      m.put(namesAndValues[i], List.of(namesAndValues[i + 1]));
    }
    return m;
  }

  private static String encode(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }
}
