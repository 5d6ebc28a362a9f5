package org.trialdex.core.catalog;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.TreeMap;
import org.trialdex.core.model.Study;

/**
 * Every node of the v2 study data model, sections, structs and lists as well as leaves, with the
 * piece name ClinicalTrials.gov gives it: the one catalog of pieces that {@code fields=},
 * {@code /studies/metadata}, the CSV columns and (through {@link Pieces}, whose classic rows name
 * the same paths) the classic reader read.
 *
 * <p>The tree is the model's records ({@link Study} down). A node's piece name, source type, type,
 * {@code maxChars}, {@code synonyms}, {@code nested} and {@code altPieceNames} are the live API's
 * ({@link LivePieces}); the few nodes the live answer lacks are named by the rules its names follow
 * and say so ({@link Node#derivedName()}). A classic name that differs from the live one
 * ({@code Gender} for {@code Sex}) is kept as an alternative name.
 */
public final class FieldCatalog {

  /** Whether the live {@code /studies/metadata} lists a node by default or only when asked. */
  public enum Visibility {
    /** Listed by default. */
    DEFAULT,
    /** Listed with {@code includeIndexedOnly=true}. */
    INDEXED_ONLY,
    /** Listed with {@code includeHistoricOnly=true}. */
    HISTORIC_ONLY
  }

  /**
   * One node.
   *
   * @param name the JSON member name ({@code city})
   * @param path the JSON path, members joined by dots, no list markers
   * @param piece the piece name ({@code LocationCity}, {@code Location}, {@code ProtocolSection})
   * @param sourceType the live source type ({@code TEXT}, {@code MARKUP}, {@code STRUCT}...)
   * @param type the live type ({@code text}, {@code markup}, {@code Status}, {@code Location[]}...)
   * @param list whether the member is a list
   * @param enumType the v2 enum of an enum node
   * @param maxChars the documented length limit, where there is one
   * @param synonyms whether search matches its values with synonyms
   * @param nested whether the list is searched as nested documents
   * @param altPieceNames other names it answers to (the live ones, then a differing classic one)
   * @param visibility whether metadata lists it by default
   * @param derivedName true when the live answer lacks the node and its name follows the rules
   * @param children the members of a struct, in model order
   */
  public record Node(String name, String path, String piece, String sourceType, String type, boolean list,
      Optional<Class<?>> enumType, OptionalInt maxChars, boolean synonyms, boolean nested, List<String> altPieceNames,
      Visibility visibility, boolean derivedName, List<Node> children) {
    public Node {
      Objects.requireNonNull(piece, "piece");
      altPieceNames = List.copyOf(altPieceNames);
      children = List.copyOf(children);
    }

    /** Whether the node holds constants of a v2 enum. */
    public boolean isEnum() {
      return enumType.isPresent();
    }

    /** Whether the node has no members. */
    public boolean isLeaf() {
      return children.isEmpty();
    }
  }

  // The v2 model has members the live default answer lacks. Its FUNC source type of geoPoint names
  // the pieces of the point (LocationLatitude, LocationLongitude); the rest take the classic table's
  // name or, failing that, their capitalised member name.
  private static final Map<String, String> FUNC_PIECES = Map.of(
      "protocolSection.contactsLocationsModule.locations.geoPoint.lat", "LocationLatitude",
      "protocolSection.contactsLocationsModule.locations.geoPoint.lon", "LocationLongitude");
  // Members of our model that the live default answer leaves out, so the live API lists them only on
  // request: the model predictions are computed for search (indexed only); the number of units
  // withdrawn for a reason is a results element of old records (historic only). Inferred: docs/http.md.
  private static final Map<String, Visibility> HIDDEN = Map.of(
      "derivedSection.miscInfoModule.modelPredictions", Visibility.INDEXED_ONLY,
      "resultsSection.participantFlowModule.periods.dropWithdraws.reasons.numUnits", Visibility.HISTORIC_ONLY);

  private static final FieldCatalog MODEL = new FieldCatalog();

  private final List<Node> roots;
  private final Map<String, Node> byPath = new LinkedHashMap<>();
  private final Map<String, Node> byName = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);

  private FieldCatalog() {
    Map<String, String> classic = new LinkedHashMap<>();
    for (Pieces.Piece p : Pieces.all()) {
      classic.put(p.fieldPath(), p.name());
    }
    roots = children(Study.class, "", Visibility.DEFAULT, classic, new LinkedHashSet<>());
    index(roots);
    // Alternative names after every piece name, so that none shadows a piece.
    for (Node n : byPath.values()) {
      n.altPieceNames().forEach(alt -> byName.putIfAbsent(alt, n));
    }
  }

  /** The catalog of the v2 model. */
  public static FieldCatalog model() {
    return MODEL;
  }

  /** The top-level nodes ({@code protocolSection}... {@code hasResults}). */
  public List<Node> roots() {
    return roots;
  }

  /** Every node, tree order. */
  public Collection<Node> all() {
    return Collections.unmodifiableCollection(byPath.values());
  }

  /** The node on this JSON path ({@code protocolSection.conditionsModule.conditions}), or empty. */
  public Optional<Node> atPath(String path) {
    return Optional.ofNullable(byPath.get(path));
  }

  /**
   * The node with this piece name or alternative name, case-insensitively ({@code LocationCity},
   * {@code locationcity}, {@code NCT-ID}, the classic {@code Gender}), or empty.
   */
  public Optional<Node> named(String name) {
    return Optional.ofNullable(byName.get(name.strip()));
  }

  /**
   * The nodes a search area searches ({@code ConditionSearch}: {@code Condition}, {@code BriefTitle}...),
   * case-insensitively; empty when no area has the name.
   */
  public List<Node> area(String name) {
    for (Map.Entry<String, List<String>> a : Pieces.searchAreas().entrySet()) {
      if (a.getKey().equalsIgnoreCase(name.strip())) {
        return a.getValue().stream().map(p -> named(p).orElseThrow(() -> new IllegalStateException(
            "area " + a.getKey() + " names piece " + p + ", which the catalog lacks"))).toList();
      }
    }
    return List.of();
  }

  private void index(List<Node> nodes) {
    for (Node n : nodes) {
      byPath.put(n.path(), n);
      byName.putIfAbsent(n.piece(), n);
      index(n.children());
    }
  }

  private static List<Node> children(Class<?> type, String prefix, Visibility inherited, Map<String, String> classic,
      Set<Class<?>> stack) {
    if (!type.isRecord() || !stack.add(type)) {
      return List.of();
    }
    List<Node> out = new ArrayList<>();
    for (RecordComponent c : type.getRecordComponents()) {
      JsonProperty p = c.getAccessor().getAnnotation(JsonProperty.class);
      if (p == null) {
        continue;
      }
      String name = p.value();
      String path = prefix.isEmpty() ? name : prefix + "." + name;
      boolean list = List.class.isAssignableFrom(c.getType());
      Class<?> element = list ? element(c.getGenericType()) : c.getType();
      Visibility visibility = HIDDEN.getOrDefault(path, inherited);
      List<Node> kids = children(element, path, visibility, classic, stack);
      LivePieces.Row row = LivePieces.BY_PATH.get(path);
      List<String> alts = new ArrayList<>();
      String piece;
      String sourceType;
      String typeName;
      int maxChars = 0;
      int flags = 0;
      if (row != null) {
        piece = row.piece();
        sourceType = row.sourceType();
        typeName = row.type();
        maxChars = row.maxChars();
        flags = row.flags();
        alts.addAll(row.altPieceNames());
      } else {
        piece = FUNC_PIECES.getOrDefault(path, classic.getOrDefault(path, Character.toUpperCase(name.charAt(0))
            + name.substring(1)));
        sourceType = sourceType(element, name);
        typeName = typeName(element, sourceType) + (list ? "[]" : "");
      }
      String classicName = classic.get(path);
      if (classicName != null && !classicName.equals(piece)) {
        alts.add(classicName);
      }
      out.add(new Node(name, path, piece, sourceType, typeName, list,
          element.isEnum() ? Optional.of(element) : Optional.empty(),
          maxChars > 0 ? OptionalInt.of(maxChars) : OptionalInt.empty(), (flags & LivePieces.SYN) != 0,
          (flags & LivePieces.NESTED) != 0, alts, visibility, row == null, kids));
    }
    stack.remove(type);
    return List.copyOf(out);
  }

  private static String sourceType(Class<?> element, String name) {
    return element.isRecord() ? "STRUCT"
        : element == Boolean.class ? "BOOLEAN"
        : Number.class.isAssignableFrom(element) ? "NUMERIC"
        : element == String.class && name.toLowerCase(Locale.ROOT).endsWith("date") ? "DATE"
        : "TEXT";
  }

  private static String typeName(Class<?> element, String sourceType) {
    if (element.isEnum() || element.isRecord()) {
      return element.getSimpleName();
    }
    if (sourceType.equals("NUMERIC")) {
      return element == Integer.class || element == Long.class ? "integer" : "number";
    }
    return sourceType.toLowerCase(Locale.ROOT);
  }

  private static Class<?> element(Type generic) {
    if (generic instanceof ParameterizedType pt && pt.getActualTypeArguments()[0] instanceof Class<?> c) {
      return c;
    }
    return Object.class;
  }
}
