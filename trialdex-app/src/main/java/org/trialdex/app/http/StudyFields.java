package org.trialdex.app.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.trialdex.core.catalog.FieldCatalog;

/**
 * The v2 study field tree, as core's {@link FieldCatalog} names it, and what {@code fields=} selects
 * in it.
 *
 * <p>A field is named by its path ({@code protocolSection.identificationModule.nctId}), by its
 * piece name as ClinicalTrials.gov gives it ({@code NCTId}, {@code Location}, {@code PrimaryOutcome},
 * {@code IdentificationModule}; any case), or by one of its alternative names (the live
 * {@code altPieceNames}, {@code NCT-ID}, and a classic name that differs, {@code Gender}). A search
 * area's name ({@code ConditionSearch}) stands for the fields the area searches ({@link #area}).
 */
public final class StudyFields {

  private static final StudyFields MODEL = new StudyFields();

  private final List<Field> roots;
  private final Map<String, Field> byPath = new LinkedHashMap<>();

  /**
   * A node of the tree; {@code enumType} is set for enum leaves, {@code children} for objects, and
   * {@code node} is the catalog's entry (limits, flags, alternative names).
   */
  public record Field(String name, String path, String piece, String sourceType, String type, boolean list,
      Class<?> enumType, List<Field> children, FieldCatalog.Node node) {

    public boolean isEnum() {
      return enumType != null;
    }

    public boolean isLeaf() {
      return children.isEmpty();
    }
  }

  private StudyFields() {
    roots = fields(FieldCatalog.model().roots());
  }

  private List<Field> fields(List<FieldCatalog.Node> nodes) {
    List<Field> out = new ArrayList<>();
    for (FieldCatalog.Node n : nodes) {
      Field f = new Field(n.name(), n.path(), n.piece(), n.sourceType(), n.type(), n.list(),
          n.enumType().orElse(null), fields(n.children()), n);
      byPath.put(f.path(), f);
      out.add(f);
    }
    return List.copyOf(out);
  }

  /** The tree of the model. */
  public static StudyFields model() {
    return MODEL;
  }

  /** The top-level fields ({@code protocolSection}, {@code resultsSection}...). */
  public List<Field> roots() {
    return roots;
  }

  /** Every field by its path, tree order. */
  public Collection<Field> all() {
    return byPath.values();
  }

  /** Every piece name with the path it stands for, sorted. */
  public Map<String, String> pieces() {
    Map<String, String> m = new TreeMap<>();
    byPath.values().forEach(f -> m.put(f.piece(), f.path()));
    return m;
  }

  /**
   * The field a {@code fields=} item names: a path, else a piece or alternative name (any case).
   *
   * @throws IllegalArgumentException naming the item when it is neither
   */
  public Field resolve(String item) {
    Field f = byPath.get(item);
    if (f == null) {
      f = FieldCatalog.model().named(item).map(n -> byPath.get(n.path())).orElse(null);
    }
    if (f == null) {
      throw new IllegalArgumentException("unknown field '" + item
          + "': give a piece name (NCTId, BriefTitle, OverallStatus, Location, ConditionsModule...), a search area"
          + " (ConditionSearch...), @query or a field path (protocolSection.identificationModule.nctId);"
          + " GET /api/v2/studies/metadata lists them");
    }
    return f;
  }

  /** The fields the search area named {@code name} searches (any case), or empty when there is no such area. */
  public List<Field> area(String name) {
    return FieldCatalog.model().area(name).stream().map(n -> byPath.get(n.path())).toList();
  }

  /** The study JSON with only the members on {@code paths} (and everything below them). */
  public static JsonNode select(JsonNode study, Collection<String> paths) {
    Map<String, Object> trie = new LinkedHashMap<>();
    for (String p : paths) {
      Map<String, Object> at = trie;
      String[] parts = p.split("\\.");
      for (int i = 0; i < parts.length; i++) {
        Object next = at.get(parts[i]);
        if (i == parts.length - 1) {
          at.put(parts[i], Boolean.TRUE);
        } else if (next == Boolean.TRUE) {
          break;
        } else {
          if (next == null) {
            next = new LinkedHashMap<String, Object>();
            at.put(parts[i], next);
          }
          @SuppressWarnings("unchecked")
          Map<String, Object> m = (Map<String, Object>) next;
          at = m;
        }
      }
    }
    JsonNode out = select(study, trie);
    return out == null ? JsonNodeFactory.instance.objectNode() : out;
  }

  private static JsonNode select(JsonNode node, Map<String, Object> trie) {
    if (node.isArray()) {
      ArrayNode a = JsonNodeFactory.instance.arrayNode();
      for (JsonNode e : node) {
        JsonNode s = select(e, trie);
        if (s != null) {
          a.add(s);
        }
      }
      return a.isEmpty() ? null : a;
    }
    if (!node.isObject()) {
      return null;
    }
    ObjectNode o = JsonNodeFactory.instance.objectNode();
    for (Map.Entry<String, Object> e : trie.entrySet()) {
      JsonNode child = node.get(e.getKey());
      if (child == null) {
        continue;
      }
      if (e.getValue() == Boolean.TRUE) {
        o.set(e.getKey(), child);
      } else {
        @SuppressWarnings("unchecked")
        Map<String, Object> sub = (Map<String, Object>) e.getValue();
        JsonNode s = select(child, sub);
        if (s != null) {
          o.set(e.getKey(), s);
        }
      }
    }
    return o.isEmpty() ? null : o;
  }

  /** The values of a field in a study's JSON, lists flattened, as text. */
  public static List<String> values(JsonNode study, String path) {
    List<String> out = new ArrayList<>();
    collect(study, path.split("\\."), 0, out);
    return out;
  }

  private static void collect(JsonNode node, String[] parts, int i, List<String> out) {
    if (node == null || node.isNull() || node.isMissingNode()) {
      return;
    }
    if (node.isArray()) {
      for (JsonNode e : node) {
        collect(e, parts, i, out);
      }
      return;
    }
    if (i == parts.length) {
      out.add(node.isValueNode() ? node.asText() : node.toString());
      return;
    }
    collect(node.get(parts[i]), parts, i + 1, out);
  }
}
