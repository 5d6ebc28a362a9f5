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
 * <p>Each criterion carries its place among the splitter's items, which is also its place among a
 * match's criteria: the page marks the verdicts of a match by it, in the browser, from the link's
 * fragment, so that the patient's data never reaches the server.
 *
 * @param other items before (or without) an inclusion or exclusion heading
 * @param inclusion inclusion criteria, one item per bullet
 * @param exclusion exclusion criteria, one item per bullet
 */
public record Criteria(List<Item> other, List<Item> inclusion, List<Item> exclusion) {

  /**
   * One line of a list.
   *
   * @param text the criterion or lead-in
   * @param index the criterion's place among the splitter's items, or -1 for a lead-in
   */
  public record Item(String text, int index) {
    /** True for a lead-in ("Age:"), which is context, not a criterion. */
    public boolean leadIn() {
      return index < 0;
    }
  }

  public Criteria {
    other = List.copyOf(other);
    inclusion = List.copyOf(inclusion);
    exclusion = List.copyOf(exclusion);
  }

  /** Reads criteria text as the registry writes it. */
  public static Criteria parse(String text) {
    List<Item> other = new ArrayList<>();
    List<Item> inclusion = new ArrayList<>();
    List<Item> exclusion = new ArrayList<>();
    List<String> shownContext = List.of();
    Criterion.Section shownSection = null;
    int index = 0;
    for (Criterion c : CriteriaSplitter.split(text)) {
      List<Item> list = switch (c.section()) {
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
          list.add(new Item(c.context().get(i), -1));
        }
      }
      shownContext = c.context();
      list.add(new Item(c.text(), index++));
    }
    return new Criteria(other, inclusion, exclusion);
  }

  /** The texts of a list, lead-ins included. */
  public static List<String> texts(List<Item> items) {
    return items.stream().map(Item::text).toList();
  }
}
