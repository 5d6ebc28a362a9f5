package org.trialdex.app.web;

import java.util.ArrayList;
import java.util.List;
import org.trialdex.core.eligibility.CriteriaSplitter;
import org.trialdex.core.eligibility.Criterion;

/**
 * Eligibility criteria text as lists for the study page: the items of core's
 * {@link CriteriaSplitter}, by section, each lead-in ("Age:", "as defined by:") shown once as an
 * item of its own before the first item under it, so that the page loses nothing of the text.
 *
 * @param other items before (or without) an inclusion or exclusion heading
 * @param inclusion inclusion criteria, one item per bullet
 * @param exclusion exclusion criteria, one item per bullet
 */
public record Criteria(List<String> other, List<String> inclusion, List<String> exclusion) {

  public Criteria {
    other = List.copyOf(other);
    inclusion = List.copyOf(inclusion);
    exclusion = List.copyOf(exclusion);
  }

  /** Reads criteria text as the registry writes it. */
  public static Criteria parse(String text) {
    List<String> other = new ArrayList<>();
    List<String> inclusion = new ArrayList<>();
    List<String> exclusion = new ArrayList<>();
    List<String> shownContext = List.of();
    Criterion.Section shownSection = null;
    for (Criterion c : CriteriaSplitter.split(text)) {
      List<String> list = switch (c.section()) {
        case INCLUSION -> inclusion;
        case EXCLUSION -> exclusion;
        case UNSPECIFIED -> other;
      };
      if (c.section() != shownSection) {
        shownContext = List.of();
        shownSection = c.section();
      }
      for (int i = 0; i < c.context().size(); i++) {
        if (i >= shownContext.size() || !shownContext.get(i).equals(c.context().get(i))) {
          list.add(c.context().get(i));
        }
      }
      shownContext = c.context();
      list.add(c.text());
    }
    return new Criteria(other, inclusion, exclusion);
  }
}
