package org.trialdex.core.eligibility;

import java.util.List;
import java.util.Objects;

/**
 * One eligibility criterion: an item of a list, or a line or sentence of a criteria paragraph.
 *
 * @param section inclusion, exclusion, or unspecified when no heading says which
 * @param text the item's text: marker removed, wrapped lines joined by one space
 * @param start where the item starts in the criteria text (its first character after the marker)
 * @param end where it ends in the criteria text (exclusive)
 * @param depth 0 for a top-level item, 1 for an item nested in another list item, and so on
 * @param context the lead-ins the item sits under, outermost first ("PATIENT CHARACTERISTICS:",
 *     "Age:"), so that "18 and over" reads as an age
 */
public record Criterion(Section section, String text, int start, int end, int depth, List<String> context) {

  /** Which list a criterion belongs to. */
  public enum Section {
    INCLUSION,
    EXCLUSION,
    /** Criteria text without an inclusion or exclusion heading above the item. */
    UNSPECIFIED
  }

  public Criterion {
    Objects.requireNonNull(section, "section");
    Objects.requireNonNull(text, "text");
    if (start < 0 || end < start) {
      throw new IllegalArgumentException("bad span " + start + ".." + end);
    }
    context = List.copyOf(context);
  }
}
