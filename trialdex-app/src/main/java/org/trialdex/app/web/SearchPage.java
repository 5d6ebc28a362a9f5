package org.trialdex.app.web;

import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * One page of search results, or the reason there are none.
 *
 * @param error the message of a request the search could not take (a bad parameter), shown instead of hits
 * @param total how many trials match, when counted
 * @param hits this page's trials
 * @param facets counts by facet, each value a link that narrows the search
 * @param sorts links that re-sort the same search
 * @param next the next page, when there is one
 * @param first the first page, when this is not it
 * @param feed the same search as a feed
 * @param csv the same search as a CSV download
 * @param landscape the landscape of the cell-therapy trials among these
 * @param active the form's own filters that are on (cell dose per kg, trust signals), each with a
 *     link to the same search without it
 */
public record SearchPage(Parts.SearchForm form, Optional<String> error, OptionalLong total, List<Hit> hits,
    List<FacetGroup> facets, List<Parts.Link> sorts, Optional<String> next, Optional<String> first,
    String feed, String csv, String landscape, List<Parts.Link> active) {

  public SearchPage {
    active = List.copyOf(active);
    hits = List.copyOf(hits);
    facets = List.copyOf(facets);
    sorts = List.copyOf(sorts);
  }

  /** One trial in the results: sites are the first few, {@code moreSites} counts the rest. */
  public record Hit(String id, String href, String title, String status, String phases, List<String> conditions,
      List<String> sites, int moreSites, Optional<String> distance) {
    public Hit {
      conditions = List.copyOf(conditions);
      sites = List.copyOf(sites);
    }
  }

  /** A facet and its values. */
  public record FacetGroup(String name, List<FacetLink> values) {
    public FacetGroup {
      values = List.copyOf(values);
    }
  }

  /** A facet value with its count; {@code href} narrows the search to it when an aggFilter can express it. */
  public record FacetLink(String label, long count, Optional<String> href, boolean active) {}
}
