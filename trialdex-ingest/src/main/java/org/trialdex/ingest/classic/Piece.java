package org.trialdex.ingest.classic;

import org.trialdex.core.catalog.Pieces.ValueType;

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
 * @param kind its value type, which says how values convert ({@link Conversions})
 * @param enumType the v2 enum of an {@link ValueType#ENUM} piece, else null
 * @param note why a {@link ValueType#NOT_MAPPED} piece is not mapped, else ""
 * @param depth how many lists the path crosses
 * @param group the list whose elements this piece's values are (the innermost list), or "" for a
 *     single value
 * @param leaf the member set in each element of {@code group}, or "" when the values are the list
 *     itself; the whole path for a single value
 */
record Piece(String name, String path, ValueType kind, Class<? extends Enum<?>> enumType, String note,
    int depth, String group, String leaf) {

  /** A piece, with the shape of its path worked out once: how many lists it crosses, its list, its member. */
  static Piece of(String name, String path, ValueType kind, Class<? extends Enum<?>> enumType, String note) {
    int depth = 0;
    for (int i = path.indexOf("[]"); i >= 0; i = path.indexOf("[]", i + 2)) {
      depth++;
    }
    int last = path.lastIndexOf("[]");
    String group = last < 0 ? "" : path.substring(0, last + 2);
    String leaf = last < 0 ? path : last + 2 == path.length() ? "" : path.substring(last + 3);
    return new Piece(name, path, kind, enumType, note, depth, group, leaf);
  }
}
