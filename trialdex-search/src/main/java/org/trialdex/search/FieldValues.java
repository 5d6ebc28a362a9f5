package org.trialdex.search;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The values one matching study has for the fields {@link SearchService#fieldValues} was asked
 * for, read from the index's doc values (not from the stored record): what charts count.
 *
 * @param id the record id the study is indexed under
 * @param values field name, as asked, to its values: facet values in their v2 spelling
 *     ({@code PHASE2}, {@code France}), dates as the first day they cover ({@code 2015-03-01}),
 *     numbers in decimal; an empty list when the study has none
 */
public record FieldValues(String id, Map<String, List<String>> values) {
  public FieldValues {
    Objects.requireNonNull(id, "id");
    Map<String, List<String>> copy = new LinkedHashMap<>();
    values.forEach((k, v) -> copy.put(k, List.copyOf(v)));
    values = java.util.Collections.unmodifiableMap(copy);
  }

  /** The values of {@code field}; empty when the study has none or it was not asked for. */
  public List<String> of(String field) {
    return values.getOrDefault(field, List.of());
  }
}
