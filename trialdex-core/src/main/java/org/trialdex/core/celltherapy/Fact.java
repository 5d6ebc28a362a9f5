package org.trialdex.core.celltherapy;

import java.util.List;
import java.util.Objects;

/**
 * One fact of a profile with the places the record states it, strongest first.
 *
 * @param value what the record says
 * @param evidence where it says it; never empty
 * @param <T> the kind of value
 */
public record Fact<T>(T value, List<Evidence> evidence) {

  public Fact {
    Objects.requireNonNull(value, "value");
    evidence = List.copyOf(evidence);
    if (evidence.isEmpty()) {
      throw new IllegalArgumentException("a fact without evidence: " + value);
    }
  }
}
