package org.trialdex.search;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * One page of a search.
 *
 * @param hits the studies of this page, in the requested order
 * @param nextPageToken the cursor for the next page; empty on the last page
 * @param totalCount how many studies match, when the request asked ({@code countTotal})
 * @param facets counts per requested facet, over every matching study (not just this page)
 */
public record SearchResult(List<Hit> hits, Optional<String> nextPageToken, OptionalLong totalCount,
    List<Facet> facets) {
  public SearchResult {
    hits = List.copyOf(hits);
    Objects.requireNonNull(nextPageToken, "nextPageToken");
    Objects.requireNonNull(totalCount, "totalCount");
    facets = List.copyOf(facets);
  }
}
