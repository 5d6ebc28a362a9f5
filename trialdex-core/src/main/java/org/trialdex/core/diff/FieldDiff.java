package org.trialdex.core.diff;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Field-level differences between two versions, computed from their v2 JSON trees: one row per
 * leaf that differs, by path ({@code protocolSection.statusModule.overallStatus},
 * {@code ...locations[3].status}). A whole object or list that one side lacks is one row, with
 * its JSON on the other side.
 */
public final class FieldDiff {

  /**
   * One difference: the field's path and its value on each side, absent where that side lacks it
   * (objects and lists a side lacks are given as their JSON).
   */
  public record Change(String path, Optional<String> before, Optional<String> after) {}

  private FieldDiff() {}

  /** The differences between two v2 JSON trees, in document order. */
  public static List<Change> between(JsonNode before, JsonNode after) {
    List<Change> rows = new ArrayList<>();
    walk("", before, after, rows);
    return rows;
  }

  private static void walk(String path, JsonNode a, JsonNode b, List<Change> rows) {
    boolean hasA = a != null && !a.isMissingNode() && !a.isNull();
    boolean hasB = b != null && !b.isMissingNode() && !b.isNull();
    if (!hasA && !hasB) {
      return;
    }
    if (hasA && hasB && a.isObject() && b.isObject()) {
      Set<String> names = new LinkedHashSet<>();
      a.fieldNames().forEachRemaining(names::add);
      b.fieldNames().forEachRemaining(names::add);
      for (String name : names) {
        walk(path.isEmpty() ? name : path + "." + name, a.get(name), b.get(name), rows);
      }
      return;
    }
    if (hasA && hasB && a.isArray() && b.isArray()) {
      int n = Math.max(a.size(), b.size());
      for (int i = 0; i < n; i++) {
        walk(path + "[" + i + "]", a.get(i), b.get(i), rows);
      }
      return;
    }
    if (hasA && hasB && a.equals(b)) {
      return;
    }
    rows.add(new Change(path, text(hasA ? a : null), text(hasB ? b : null)));
  }

  private static Optional<String> text(JsonNode node) {
    if (node == null) {
      return Optional.empty();
    }
    return Optional.of(node.isValueNode() ? node.asText() : node.toString());
  }
}
