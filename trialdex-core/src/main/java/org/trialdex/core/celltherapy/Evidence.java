package org.trialdex.core.celltherapy;

import java.util.Objects;

/**
 * Where a fact was read: a field of the record, named as in the ClinicalTrials.gov API v2 with list
 * positions ({@code protocolSection.armsInterventionsModule.interventions[1].description}), and the
 * span {@code [start, end)} of that field's text that states it.
 *
 * @param field the record field, API v2 path
 * @param start first character of the span in the field's text
 * @param end one past the last character
 * @param text the span's text, as written in the record
 */
public record Evidence(String field, int start, int end, String text) {

  public Evidence {
    Objects.requireNonNull(field, "field");
    Objects.requireNonNull(text, "text");
    if (start < 0 || end < start) {
      throw new IllegalArgumentException("bad span [" + start + ", " + end + ") in " + field);
    }
  }
}
