package org.trialdex.search;

import java.util.Objects;

/**
 * One facet value and how many matching studies have it.
 *
 * @param value the value in its v2 spelling ({@code RECRUITING}, {@code PHASE2}, {@code true})
 * @param count the number of matching studies with the value
 */
public record FacetValue(String value, long count) {
  public FacetValue {
    Objects.requireNonNull(value, "value");
  }
}
