package org.trialdex.search;

import java.util.List;
import java.util.Objects;

/**
 * Counts of one facet dimension ({@code status}, {@code phase}...) over the matching studies.
 *
 * @param name the dimension, as {@code facets=} names it
 * @param values each value with its count, most frequent first, then by value
 */
public record Facet(String name, List<FacetValue> values) {
  public Facet {
    Objects.requireNonNull(name, "name");
    values = List.copyOf(values);
  }
}
