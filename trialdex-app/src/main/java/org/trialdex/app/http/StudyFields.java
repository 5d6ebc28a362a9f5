package org.trialdex.app.http;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.trialdex.core.catalog.Pieces;
import org.trialdex.core.model.Study;

/**
 * The v2 study field tree, read from the model's records, and what {@code fields=} selects in it.
 *
 * <p>A field is named by its path ({@code protocolSection.identificationModule.nctId}) or by its
 * piece name. Piece names are ClinicalTrials.gov's where this class knows them ({@link #KNOWN}:
 * {@code NCTId}, {@code Condition}, {@code Phase}, {@code LeadSponsorName}, {@code StartDate}...);
 * every other field's piece name is its JSON name capitalised ({@code BriefTitle},
 * {@code OverallStatus}, {@code IdentificationModule}, {@code ProtocolSection}), kept only when
 * exactly one field has it (a bare {@code Name} or {@code Type} would be ambiguous: use the path).
 */
public final class StudyFields {

  /**
   * The pieces {@code fields=} and the CSV header call by their ClinicalTrials.gov name rather than
   * their capitalised JSON name; their paths are core's {@link Pieces} table's.
   */
  private static final List<String> KNOWN_NAMES = List.of("NCTId", "NCTIdAlias", "OrgStudyId", "SecondaryId",
      "OrgFullName", "OrgClass", "StatusVerifiedDate", "StartDate", "PrimaryCompletionDate", "CompletionDate",
      "StudyFirstSubmitDate", "StudyFirstPostDate", "ResultsFirstPostDate", "LastUpdatePostDate", "LeadSponsorName",
      "LeadSponsorClass", "CollaboratorName", "CollaboratorClass", "Condition", "Keyword", "Phase", "EnrollmentCount",
      "EnrollmentType", "DesignAllocation", "DesignPrimaryPurpose", "DesignInterventionModel", "DesignMasking",
      "ArmGroupLabel", "ArmGroupType", "InterventionName", "InterventionType", "InterventionDescription",
      "PrimaryOutcomeMeasure", "SecondaryOutcomeMeasure", "LocationFacility", "LocationCity", "LocationState",
      "LocationCountry", "LocationStatus", "ConditionMeshTerm", "InterventionMeshTerm");

  /** ClinicalTrials.gov piece names that are not simply the capitalised JSON name. */
  static final Map<String, String> KNOWN = known();

  private static final StudyFields MODEL = new StudyFields();

  private final Field root;
  private final Map<String, Field> byPath = new LinkedHashMap<>();
  private final Map<String, Field> byPiece = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);

  /** A node of the tree; {@code enumType} is set for enum leaves, {@code children} for objects. */
  public record Field(String name, String path, String piece, String sourceType, String type, boolean list,
      Class<?> enumType, List<Field> children) {

    public boolean isEnum() {
      return enumType != null;
    }

    public boolean isLeaf() {
      return children.isEmpty();
    }
  }

  private StudyFields() {
    Map<String, String> pathToPiece = new HashMap<>();
    KNOWN.forEach((piece, path) -> pathToPiece.put(path, piece));
    Map<String, Integer> nameCounts = new HashMap<>();
    countNames(Study.class, nameCounts, new LinkedHashSet<>());
    root = new Field("", "", "Study", "STRUCT", "Study", false, null,
        children(Study.class, "", pathToPiece, nameCounts, new LinkedHashSet<>()));
    index(root);
  }

  /** The tree of the model. */
  public static StudyFields model() {
    return MODEL;
  }

  /** The top-level fields ({@code protocolSection}, {@code resultsSection}...). */
  public List<Field> roots() {
    return root.children();
  }

  /** Every field by its path, tree order. */
  public Collection<Field> all() {
    return byPath.values();
  }

  /** Every piece name with the path it stands for, sorted. */
  public Map<String, String> pieces() {
    Map<String, String> m = new TreeMap<>();
    byPiece.forEach((k, v) -> m.put(v.piece(), v.path()));
    return m;
  }

  /**
   * The field a {@code fields=} item names: a path, else a piece name (case-insensitive).
   *
   * @throws IllegalArgumentException naming the item when it is neither
   */
  public Field resolve(String item) {
    Field f = byPath.get(item);
    if (f == null) {
      f = byPiece.get(item);
    }
    if (f == null) {
      throw new IllegalArgumentException("unknown field '" + item
          + "': give a piece name (NCTId, BriefTitle, OverallStatus, ConditionsModule...) or a field path"
          + " (protocolSection.identificationModule.nctId); GET /api/v2/studies/metadata lists them");
    }
    return f;
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

  private void index(Field f) {
    for (Field c : f.children()) {
      byPath.put(c.path(), c);
      if (c.piece() != null) {
        byPiece.put(c.piece(), c);
      }
      index(c);
    }
  }

  private static List<Field> children(Class<?> type, String prefix, Map<String, String> pathToPiece,
      Map<String, Integer> nameCounts, Set<Class<?>> stack) {
    if (!type.isRecord() || !stack.add(type)) {
      return List.of();
    }
    List<Field> out = new ArrayList<>();
    for (RecordComponent c : type.getRecordComponents()) {
      JsonProperty p = c.getAccessor().getAnnotation(JsonProperty.class);
      if (p == null) {
        continue;
      }
      String name = p.value();
      String path = prefix.isEmpty() ? name : prefix + "." + name;
      boolean list = List.class.isAssignableFrom(c.getType());
      Class<?> element = list ? element(c.getGenericType()) : c.getType();
      String capital = Character.toUpperCase(name.charAt(0)) + name.substring(1);
      String piece = pathToPiece.getOrDefault(path,
          nameCounts.getOrDefault(name, 0) == 1 && !KNOWN.containsKey(capital) ? capital : null);
      List<Field> kids = children(element, path, pathToPiece, nameCounts, stack);
      String sourceType = element.isEnum() ? "ENUM"
          : element.isRecord() ? "STRUCT"
          : element == Boolean.class ? "BOOLEAN"
          : element == Integer.class || element == Long.class ? "NUMERIC"
          // BigDecimal: geoPoint lat/lon, minBmi... are numbers, written as the source wrote them.
          : element == Double.class || element == Float.class || element == java.math.BigDecimal.class ? "NUMERIC"
          : element == String.class && name.toLowerCase(Locale.ROOT).endsWith("date") ? "DATE"
          : "TEXT";
      String typeName = element.isEnum() || element.isRecord() ? element.getSimpleName()
          : sourceType.equals("NUMERIC") ? (element == Integer.class || element == Long.class ? "integer" : "number")
          : sourceType.toLowerCase(Locale.ROOT);
      out.add(new Field(name, path, piece, sourceType, list ? typeName + "[]" : typeName, list,
          element.isEnum() ? element : null, kids));
    }
    stack.remove(type);
    return List.copyOf(out);
  }

  private static void countNames(Class<?> type, Map<String, Integer> counts, Set<Class<?>> stack) {
    if (!type.isRecord() || !stack.add(type)) {
      return;
    }
    for (RecordComponent c : type.getRecordComponents()) {
      JsonProperty p = c.getAccessor().getAnnotation(JsonProperty.class);
      if (p == null) {
        continue;
      }
      counts.merge(p.value(), 1, Integer::sum);
      Class<?> element = List.class.isAssignableFrom(c.getType()) ? element(c.getGenericType()) : c.getType();
      countNames(element, counts, stack);
    }
    stack.remove(type);
  }

  private static Class<?> element(Type generic) {
    if (generic instanceof ParameterizedType pt && pt.getActualTypeArguments()[0] instanceof Class<?> c) {
      return c;
    }
    return Object.class;
  }

  private static Map<String, String> known() {
    Map<String, String> m = new LinkedHashMap<>();
    for (String name : KNOWN_NAMES) {
      m.put(name, Pieces.named(name).orElseThrow(() -> new IllegalStateException(
          "piece " + name + " is not in core's Pieces table")).fieldPath());
    }
    return Map.copyOf(m);
  }
}
