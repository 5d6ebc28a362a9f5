package org.trialdex.core.merge;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/** Values as people read them in claims and conflict messages. */
final class Rendering {

  private Rendering() {}

  /** A value's text; a list's elements joined by "; "; an object as compact JSON. */
  static String of(JsonNode n) {
    if (n == null || n.isMissingNode() || n.isNull()) {
      return "absent";
    }
    if (n.isArray()) {
      List<String> parts = new ArrayList<>();
      n.forEach(e -> parts.add(of(e)));
      return String.join("; ", parts);
    }
    return n.isObject() ? n.toString() : n.asText();
  }

  /** A list element by its key members ("Drum Tower Hospital, Nanjing, China"), else as {@link #of}. */
  static String label(JsonNode element, List<String> keyFields) {
    List<String> parts = new ArrayList<>();
    for (String f : keyFields) {
      JsonNode v = element.get(f);
      if (!Equivalence.empty(v) && !v.isContainerNode()) {
        parts.add(v.asText());
      }
    }
    return parts.isEmpty() ? of(element) : String.join(", ", parts);
  }
}
