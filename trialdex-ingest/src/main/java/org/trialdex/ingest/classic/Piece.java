package org.trialdex.ingest.classic;

import java.util.List;

/**
 * One classic field ("piece") and the v2 member it fills.
 *
 * <p>The path is written as v2 JSON member names joined by dots, with {@code []} after each list:
 * {@code protocolSection.contactsLocationsModule.locations[].city}. The values of a piece that lies
 * under one list are that list's elements, in order; a path that ends in {@code []}
 * ({@code conditionsModule.conditions[]}) takes all values as one list of text.
 *
 * @param name the classic piece name, as {@code LocationCity}
 * @param path the v2 path
 * @param kind how values convert
 * @param enumType the v2 enum of an {@link Kind#ENUM} piece, else null
 * @param note why a {@link Kind#NOT_MAPPED} piece is not mapped, else ""
 */
record Piece(String name, String path, Kind kind, Class<? extends Enum<?>> enumType, String note) {

  /** The lists on the path, outermost first: {@code a.b[].c[].d} gives {@code a.b[]}, {@code a.b[].c[]}. */
  List<String> lists() {
    var out = new java.util.ArrayList<String>();
    for (int i = path.indexOf("[]"); i >= 0; i = path.indexOf("[]", i + 2)) {
      out.add(path.substring(0, i + 2));
    }
    return out;
  }

  /** How many lists the path crosses. */
  int depth() {
    return lists().size();
  }

  /** The list whose elements this piece's values are: the innermost list, or "" for a single value. */
  String group() {
    int i = path.lastIndexOf("[]");
    return i < 0 ? "" : path.substring(0, i + 2);
  }

  /** The member set in each element of {@link #group()}, or "" when the values are the list itself. */
  String leaf() {
    int i = path.lastIndexOf("[]");
    return i < 0 ? path : i + 2 == path.length() ? "" : path.substring(i + 3);
  }
}
