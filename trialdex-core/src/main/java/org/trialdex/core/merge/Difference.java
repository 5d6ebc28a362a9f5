package org.trialdex.core.merge;

/**
 * One way in which a lower-ranked source differs from the chosen one inside a unit.
 *
 * @param where what differs inside the unit, readable: "" for the unit itself,
 *     {@code locations["Drum Tower Hospital, Nanjing, China"].zip} for a member of a list element
 * @param chosen the chosen source's rendering, or null when it has no such element
 * @param other the other source's rendering
 */
record Difference(String where, String chosen, String other) {

  /** The difference as a clause of a conflict message. */
  String describe(String otherLabel, String chosenLabel) {
    if (chosen == null) {
      return otherLabel + " shows " + where + " " + quote(other) + ", which " + chosenLabel + " does not have";
    }
    String at = where.isEmpty() ? "" : where + " ";
    return otherLabel + " says " + at + quote(other) + " where " + chosenLabel + " says " + quote(chosen);
  }

  static String quote(String value) {
    return "\"" + (value.length() > 200 ? value.substring(0, 197) + "..." : value) + "\"";
  }
}
