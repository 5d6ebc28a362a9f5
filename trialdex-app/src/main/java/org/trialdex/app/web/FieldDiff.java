package org.trialdex.app.web;

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
final class FieldDiff {

  private FieldDiff() {}

  static List<HistoryPage.Change> between(JsonNode before, JsonNode after) {
    List<HistoryPage.Change> rows = new ArrayList<>();
    walk("", before, after, rows);
    return rows;
  }

  private static void walk(String path, JsonNode a, JsonNode b, List<HistoryPage.Change> rows) {
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
    rows.add(new HistoryPage.Change(path, text(hasA ? a : null), text(hasB ? b : null)));
  }

  private static Optional<String> text(JsonNode node) {
    if (node == null) {
      return Optional.empty();
    }
    return Optional.of(node.isValueNode() ? node.asText() : node.toString());
  }
}
