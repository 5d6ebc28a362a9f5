package org.trialdex.app.web;

import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * One page of search results, or the reason there are none.
 *
 * @param status the HTTP status the page goes with: 200, 400 when the search could not take its
 *     parameters, 503 while the index is away (being rebuilt, or failing)
 * @param error the message of a request the search could not take (a bad parameter), shown instead of hits
 * @param total how many trials match, when counted
 * @param hits this page's trials
 * @param start the number of this page's first trial in the whole list (1 on the first page)
 * @param facets counts by facet, each value a link that adds it to the search or takes it away
 * @param sorts links that re-sort the same search, the current one marked
 * @param pages previous, next and numbered pages
 * @param feed the same search as a feed
 * @param follow the form to follow the search: alerts by e-mail, feed or webhook
 * @param csv every trial of the search as CSV, in ClinicalTrials.gov's download columns
 * @param csvShown every trial of the search as CSV, in the columns this page shows
 * @param landscape the landscape of the cell-therapy trials among these
 * @param chips what narrows the search, each with a link to the same search without it
 * @param clearAll the same search without any filter, when something narrows it
 * @param recruiting the one-click "recruiting only" switch: its link turns it on or off
 * @param map the sites of this page's trials on a map, when any is located
 */
public record SearchPage(int status, Parts.SearchForm form, Optional<String> error, OptionalLong total, List<Hit> hits, int start,
    List<FacetGroup> facets, List<Sort> sorts, Pages pages, String feed, String follow, String csv, String csvShown, String landscape,
    List<Parts.Link> chips, Optional<String> clearAll, Toggle recruiting, Optional<SiteMap.Drawn> map) {

  public SearchPage {
    chips = List.copyOf(chips);
    hits = List.copyOf(hits);
    facets = List.copyOf(facets);
    sorts = List.copyOf(sorts);
  }

  /**
   * One trial in the results: sites are the first few, {@code moreSites} counts the rest;
   * {@code number} its place in the whole list.
   */
  public record Hit(int number, String id, String href, String title, String status, boolean open, String phases,
      List<String> conditions, String enrollment, String dates, boolean hasResults, String summary, List<String> sites,
      int moreSites, Optional<String> distance) {
    public Hit {
      conditions = List.copyOf(conditions);
      sites = List.copyOf(sites);
    }
  }

  /**
   * A facet and its values; {@code folded} values beyond the first few show behind a disclosure;
   * {@code unlisted} rarer values are counted, not listed.
   */
  public record FacetGroup(String name, List<FacetLink> values, List<FacetLink> folded, int unlisted) {
    public FacetGroup {
      values = List.copyOf(values);
      folded = List.copyOf(folded);
    }
  }

  /**
   * A facet value with its count; {@code href} adds it to the search, or takes it away when
   * {@code active}; empty when the value cannot be chosen.
   */
  public record FacetLink(String label, long count, Optional<String> href, boolean active) {}

  /** A sort order: its words, the link to it, whether the results are in it now. */
  public record Sort(String label, String href, boolean current) {}

  /** A switch that is on or off, and the link that flips it. */
  public record Toggle(boolean on, String href) {}

  /** Page links: a number with no link is the current page, an empty label a gap. */
  public record Pages(Optional<String> previous, Optional<String> next, List<PageLink> numbers) {
    public Pages {
      numbers = List.copyOf(numbers);
    }

    static Pages none() {
      return new Pages(Optional.empty(), Optional.empty(), List.of());
    }
  }

  /** One numbered page: its number (0 for a gap), its link unless it is this page. */
  public record PageLink(int number, Optional<String> href, boolean current) {}
}
