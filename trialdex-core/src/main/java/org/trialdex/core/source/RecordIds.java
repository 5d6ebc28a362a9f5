package org.trialdex.core.source;

import java.util.regex.Pattern;

/**
 * The ids records are known by: a ClinicalTrials.gov NCT id, or, for a record that shows none (a
 * registry page), another registry's id or a content id ({@code TDX-...}). One rule for readers,
 * the import, the store, search and the faces.
 */
public final class RecordIds {

  /** {@code NCT} and eight digits, as ClinicalTrials.gov writes them. */
  public static final Pattern NCT_ID = Pattern.compile("NCT\\d{8}");

  /** The id of a record without an NCT id: 3 to 64 letters, digits and {@code . _ / : -}, no spaces. */
  public static final Pattern OTHER_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._/:-]{2,63}");

  private RecordIds() {}

  /** True for an NCT id as ClinicalTrials.gov writes it (upper case). */
  public static boolean isNctId(String id) {
    return id != null && NCT_ID.matcher(id).matches();
  }

  /** True for an id a record without an NCT id may have. */
  public static boolean isOtherId(String id) {
    return id != null && OTHER_ID.matcher(id).matches();
  }
}
