package org.trialdex.core.source;

/**
 * Where in the source text one field was read: the characters {@code [start, end)} of the
 * record's text that gave the value at {@code path}. Readers of free text (registry pages) give
 * spans so that every value can point back to what the page said.
 *
 * @param path the v2 path of the field, with list indexes, as
 *     {@code protocolSection.eligibilityModule.minimumAge} or
 *     {@code protocolSection.contactsLocationsModule.locations[2].city}
 * @param start first character, counted in UTF-16 units of the decoded text
 * @param end one past the last character
 */
public record FieldSpan(String path, int start, int end) {

  public FieldSpan {
    java.util.Objects.requireNonNull(path, "path");
    if (start < 0 || end < start) {
      throw new IllegalArgumentException("bad span [" + start + ", " + end + ") for " + path);
    }
  }
}
