package org.trialdex.ingest.classic;

import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.trialdex.core.catalog.FieldCatalog;
import org.trialdex.core.catalog.Pieces;

/**
 * Every classic piece the reader knows, with its v2 path: core's {@link Pieces} table (and, where the
 * live piece name differs, that name too, from core's {@link FieldCatalog}), each row with the shape
 * of its path worked out once (conversions of its value type are {@link Conversions}).
 * {@code docs/classic-fields-mapping.md} explains the rules; core's table is the list.
 */
final class PieceTable {

  private static final Map<String, Piece> BY_NAME = new LinkedHashMap<>();

  static {
    for (Pieces.Piece p : Pieces.all()) {
      BY_NAME.put(p.name(), Piece.of(p.name(), p.path(), p.type(), p.enumType().orElse(null), p.note()));
    }
    // A column under the live piece name of a classic piece (Sex for the classic Gender) reads as
    // that piece: the catalog names the same path both ways.
    for (Pieces.Piece p : Pieces.all()) {
      FieldCatalog.model().atPath(p.fieldPath()).map(FieldCatalog.Node::piece)
          .ifPresent(live -> BY_NAME.putIfAbsent(live, BY_NAME.get(p.name())));
    }
  }

  private PieceTable() {}

  /** The piece named {@code name}, or null when the reader does not know it. */
  static Piece get(String name) {
    return BY_NAME.get(name);
  }

  /** Every known piece, in table order. */
  static Collection<Piece> all() {
    return Collections.unmodifiableCollection(new java.util.LinkedHashSet<>(BY_NAME.values()));
  }
}
