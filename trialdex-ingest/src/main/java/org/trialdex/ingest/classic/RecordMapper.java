package org.trialdex.ingest.classic;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.trialdex.core.catalog.Pieces.ValueType;
import org.trialdex.core.json.StudyJson;
import org.trialdex.core.json.StudyJsonException;
import org.trialdex.core.model.Phase;
import org.trialdex.core.model.Study;
import org.trialdex.core.normalize.Phases;
import org.trialdex.ingest.ReadWarning;
import org.trialdex.core.source.RecordIds;

/**
 * Maps one classic record (an object of piece name to list of values) onto the v2 JSON tree, then
 * onto the model. Parallel lists are aligned by the rules in {@code docs/classic-fields-mapping.md}:
 * within one v2 list, a piece with as many values as the longest piece is aligned with it; a
 * shorter piece that is not empty cannot be placed (the export drops empty values) and is left out
 * with a warning.
 */
final class RecordMapper {

  static final Pattern NCT_ID = RecordIds.NCT_ID;

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  /** What became of one record. */
  sealed interface Outcome {
    record Mapped(Study study, List<ReadWarning> warnings) implements Outcome {}

    record Rejected(String reason) implements Outcome {}
  }

  private final String file;

  RecordMapper(String file) {
    this.file = file;
  }

  Outcome map(JsonNode record) {
    if (!record.isObject()) {
      return new Outcome.Rejected("the line is a JSON " + record.getNodeType().name().toLowerCase(java.util.Locale.ROOT)
          + ", not an object of classic fields; each line must be one study as {\"NCTId\": [...], ...}");
    }
    JsonNode ids = record.get("NCTId");
    if (ids == null || !ids.isArray() || ids.isEmpty()) {
      return new Outcome.Rejected("the record has no NCTId (the piece is " + (ids == null ? "missing" : "empty or not a list")
          + "); every record needs one NCT number to be stored");
    }
    String nctId = ids.get(0).asText("");
    if (ids.size() != 1 || !ids.get(0).isTextual() || !NCT_ID.matcher(nctId).matches()) {
      return new Outcome.Rejected("the record has NCTId " + ids + ", which is not one NCT number (NCT and 8 digits);"
          + " fix the identifier in the source");
    }
    return new Run(nctId).map((ObjectNode) record);
  }

  /** The state of mapping one record. */
  private final class Run {
    private final String nctId;
    private final ObjectNode root = NODES.objectNode();
    private final List<ReadWarning> warnings = new ArrayList<>();
    private final Map<Piece, List<String>> values = new LinkedHashMap<>();
    private final Map<String, Integer> listSizes = new TreeMap<>();
    /** Why a nested piece could not be split by its parents, added to its warning; by piece name. */
    private final Map<String, String> whyNotSplit = new LinkedHashMap<>();

    Run(String nctId) {
      this.nctId = nctId;
    }

    Outcome map(ObjectNode record) {
      collect(record);
      // Outer lists first, so nested lists find the element they belong in.
      Map<String, List<Piece>> groups = new LinkedHashMap<>();
      for (Piece p : values.keySet()) {
        groups.computeIfAbsent(p.leaf().isEmpty() ? p.path() : p.group(), g -> new ArrayList<>()).add(p);
      }
      for (int depth = 0; depth <= 2; depth++) {
        Set<Piece> linked = depth == 2 ? linkArmsAndInterventions() : Set.of();
        for (var g : groups.entrySet()) {
          Piece first = g.getValue().get(0);
          if (first.depth() != depth || linked.contains(first)) {
            continue;
          }
          if (depth == 0) {
            g.getValue().forEach(this::single);
          } else if (first.leaf().isEmpty()) {
            list(first);
          } else {
            group(g.getKey(), g.getValue());
          }
        }
      }
      if (root.has("resultsSection")) {
        root.put("hasResults", true);
      }
      try {
        return new Outcome.Mapped(StudyJson.importing().read(root), warnings);
      } catch (StudyJsonException e) {
        return new Outcome.Rejected(nctId + " does not fit the v2 model after mapping: " + e.getMessage());
      }
    }

    /**
     * Sets each arm's intervention names and each intervention's arm labels when their two
     * flattened lists split in exactly one way ({@link ArmInterventionSplit}); returns the pieces
     * so placed. Otherwise notes why, for the warning of the pieces left to the usual rule.
     */
    private Set<Piece> linkArmsAndInterventions() {
      Piece names = PieceTable.get("ArmGroupInterventionName");
      Piece labels = PieceTable.get("InterventionArmGroupLabel");
      List<String> armSide = values.get(names);
      List<String> interventionSide = values.get(labels);
      int arms = listSizes.getOrDefault(parentList(names), 0);
      int interventions = listSizes.getOrDefault(parentList(labels), 0);
      if ((armSide == null && interventionSide == null) || (arms == 1 && interventions == 1)) {
        return Set.of();
      }
      Optional<String> unfit = armSide == null || interventionSide == null
          ? Optional.of((armSide == null ? names : labels).name() + " is absent, so the other list cannot be checked against it")
          : sized("ArmGroupLabel", arms, "arms")
              .or(() -> sized("InterventionType", interventions, "interventions"))
              .or(() -> sized("InterventionName", interventions, "interventions"));
      if (unfit.isPresent()) {
        String why = "; they cannot be split by the other list: " + unfit.get();
        whyNotSplit.put(names.name(), why);
        whyNotSplit.put(labels.name(), why);
        return Set.of();
      }
      List<String> types = values.get(PieceTable.get("InterventionType"));
      List<String> interventionNames = values.get(PieceTable.get("InterventionName"));
      List<String> keys = new ArrayList<>(interventions);
      for (int i = 0; i < interventions; i++) {
        keys.add(types.get(i) + ": " + interventionNames.get(i));
      }
      List<String> armLabels = values.get(PieceTable.get("ArmGroupLabel"));
      String why = switch (ArmInterventionSplit.split(armLabels, keys, armSide, interventionSide)) {
        case ArmInterventionSplit.Result.Unique u -> {
          place(names, u.interventionNames());
          place(labels, u.armGroupLabels());
          yield null;
        }
        case ArmInterventionSplit.Result.None n -> "have no consistent split (" + n.why() + ")";
        case ArmInterventionSplit.Result.Several s -> "have at least 2 possible splits, so which arm uses which"
            + " intervention is not guessed";
        case ArmInterventionSplit.Result.GaveUp g -> "have no split settled within " + ArmInterventionSplit.MAX_STEPS
            + " search steps";
      };
      if (why == null) {
        return Set.of(names, labels);
      }
      String note = "; read against each other, ArmGroupInterventionName and InterventionArmGroupLabel " + why;
      whyNotSplit.put(names.name(), note);
      whyNotSplit.put(labels.name(), note);
      return Set.of();
    }

    /** Empty when {@code piece} has one value per element of its list, else why not. */
    private Optional<String> sized(String piece, int size, String elements) {
      int n = values.getOrDefault(PieceTable.get(piece), List.of()).size();
      return n == size ? Optional.empty() : Optional.of(piece + " has " + n + " values for " + size + " " + elements);
    }

    /** Sets the nested list of {@code piece} in each element of its parent list, leaving empty runs absent. */
    private void place(Piece piece, List<List<String>> runs) {
      String parentList = parentList(piece);
      ArrayNode parents = (ArrayNode) parentOf(root, parentList).get(lastName(parentList));
      for (int i = 0; i < runs.size(); i++) {
        if (!runs.get(i).isEmpty()) {
          ArrayNode out = ((ObjectNode) parents.get(i)).putArray(lastName(piece.path()));
          runs.get(i).forEach(out::add);
        }
      }
    }

    private void collect(ObjectNode record) {
      Set<String> unknown = new LinkedHashSet<>();
      Map<String, List<String>> notMapped = new LinkedHashMap<>();
      for (var field : record.properties()) {
        String name = field.getKey();
        if (name.startsWith("_")) {
          continue; // collector metadata such as "_queries", not a registry field
        }
        Piece piece = PieceTable.get(name);
        if (piece == null) {
          unknown.add(name);
          continue;
        }
        Optional<List<String>> texts = texts(name, field.getValue());
        if (texts.isEmpty() || texts.get().isEmpty()) {
          continue;
        }
        if (piece.kind() == ValueType.NOT_MAPPED || piece.depth() > 2) {
          notMapped.computeIfAbsent(piece.note(), n -> new ArrayList<>())
              .add(name + " (" + texts.get().size() + (texts.get().size() == 1 ? " value)" : " values)"));
          continue;
        }
        values.put(piece, texts.get());
        if (!piece.leaf().isEmpty() && piece.depth() > 0) {
          listSizes.merge(piece.group(), texts.get().size(), Math::max);
        }
      }
      if (!unknown.isEmpty()) {
        warn(String.join(", ", unknown), "not classic pieces this reader knows; left out. If they are registry"
            + " fields, add them to core's Pieces table");
      }
      notMapped.forEach((note, pieces) -> warn(String.join(", ", pieces.stream().map(s -> s.substring(0, s.indexOf(' '))).toList()),
          "not mapped: " + String.join(", ", pieces) + "; " + note));
    }

    /** The values of a piece as text, or empty (with a warning) when the piece is not a list of scalars. */
    private Optional<List<String>> texts(String name, JsonNode value) {
      if (!value.isArray()) {
        warn(name, "is a JSON " + value.getNodeType().name().toLowerCase(java.util.Locale.ROOT)
            + ", not a list of values; left out");
        return Optional.empty();
      }
      List<String> out = new ArrayList<>(value.size());
      for (JsonNode v : value) {
        if (!v.isValueNode() || v.isNull()) {
          warn(name, "holds " + v + ", which is not a text value; the whole piece is left out, since dropping"
              + " one value would shift its list against the others");
          return Optional.empty();
        }
        out.add(v.asText());
      }
      return Optional.of(out);
    }

    private void single(Piece piece) {
      List<String> v = values.get(piece);
      if (v.size() > 1) {
        warn(piece.name(), "has " + v.size() + " values where v2 holds one (" + abbreviate(v) + "); left out");
        return;
      }
      convert(piece, v.get(0)).ifPresent(node -> parentOf(root, piece.path()).set(lastName(piece.path()), node));
    }

    /** A piece that is a whole v2 list of text, such as conditions or phases. */
    private void list(Piece piece) {
      ObjectNode container = container(piece.path(), piece.name());
      if (container == null) {
        return;
      }
      ArrayNode out = NODES.arrayNode();
      Set<String> seen = new LinkedHashSet<>();
      for (String text : values.get(piece)) {
        if (piece.kind() == ValueType.PHASE) {
          Optional<List<Phase>> phases = Phases.parse(text);
          if (phases.isEmpty()) {
            warnValue(piece, text);
          }
          phases.orElse(List.of()).forEach(ph -> seen.add(ph.name()));
        } else {
          convert(piece, text).ifPresent(out::add);
        }
      }
      seen.forEach(out::add);
      if (!out.isEmpty()) {
        container.set(lastName(piece.path()), out);
      }
    }

    /** Pieces that are members of the elements of one v2 list, such as a location's city and country. */
    private void group(String listPath, List<Piece> pieces) {
      int size = listSizes.get(listPath);
      List<Piece> aligned = pieces.stream().filter(p -> values.get(p).size() == size).toList();
      List<Piece> misaligned = pieces.stream().filter(p -> values.get(p).size() != size).toList();
      if (!misaligned.isEmpty()) {
        warn(listPath, "parallel lists differ in length: " + pieces.stream()
            .map(p -> p.name() + " " + values.get(p).size()).collect(Collectors.joining(", "))
            + ". The classic export drops empty values, so " + names(misaligned)
            + " cannot be matched to their " + size + " elements and " + (misaligned.size() == 1 ? "is" : "are")
            + " left out; " + names(aligned) + " mapped");
      }
      ObjectNode container = container(listPath, names(pieces));
      if (container == null) {
        return;
      }
      ArrayNode array = container.putArray(lastName(listPath));
      for (int i = 0; i < size; i++) {
        array.addObject();
      }
      for (Piece p : aligned) {
        List<String> v = values.get(p);
        for (int i = 0; i < size; i++) {
          int index = i;
          ObjectNode element = (ObjectNode) array.get(index);
          if (p.kind() == ValueType.DATE_OR_UNKNOWN && v.get(i).strip().equalsIgnoreCase("unknown")) {
            element.put(p.leaf() + "Unknown", true);
          } else {
            convert(p, v.get(i)).ifPresent(node -> element.set(p.leaf(), node));
          }
        }
      }
    }

    /**
     * The object that holds the list at {@code listPath}: reached through plain members for an outer
     * list, the single element of the parent list for a nested one; null (with a warning) when the
     * parent list has more or fewer than one element, since the export does not record which parent
     * each value belongs to.
     */
    private ObjectNode container(String listPath, String pieceNames) {
      String bare = listPath.substring(0, listPath.length() - 2);
      int outer = bare.lastIndexOf("[]");
      if (outer < 0) {
        return parentOf(root, bare);
      }
      String parentList = bare.substring(0, outer + 2);
      int parentSize = listSizes.getOrDefault(parentList, 0);
      if (parentSize != 1) {
        warn(pieceNames, "not mapped: these values belong to the " + parentSize + " elements of " + parentList
            + ", and the classic export flattens them into one list without saying which belongs to which"
            + whyNotSplit.getOrDefault(pieceNames, ""));
        return null;
      }
      ObjectNode parentElement = (ObjectNode) ((ArrayNode) parentOf(root, parentList.substring(0, outer))
          .get(lastName(parentList.substring(0, outer)))).get(0);
      return parentOf(parentElement, bare.substring(outer + 3));
    }

    private Optional<JsonNode> convert(Piece piece, String text) {
      if (piece.kind() == ValueType.TEXT) {
        return Optional.of(TextNode.valueOf(text));
      }
      Optional<JsonNode> v = Conversions.convert(piece.kind(), text, piece.enumType());
      if (v.isEmpty()) {
        warnValue(piece, text);
      }
      return v;
    }

    private void warnValue(Piece piece, String text) {
      warn(piece.name(), "value \"" + abbreviate(List.of(text)) + "\" cannot be read as "
          + (piece.enumType() != null ? "a v2 " + piece.enumType().getSimpleName() : describe(piece.kind()))
          + "; left out of " + piece.path());
    }

    private void warn(String field, String message) {
      warnings.add(new ReadWarning(file, nctId, field, message));
    }
  }

  private static String describe(ValueType kind) {
    return switch (kind) {
      case DATE -> "a date";
      case DATE_TIME -> "a date and time (MM/DD/YYYY HH:MM)";
      case BOOLEAN -> "yes or no";
      case INTEGER -> "a whole number";
      case AGE -> "an age (such as 18 Years)";
      case PHASE -> "a phase";
      default -> kind.name().toLowerCase(java.util.Locale.ROOT);
    };
  }

  /** The object that holds the last member of a dotted path (no lists), created as needed. */
  private static ObjectNode parentOf(ObjectNode base, String dotted) {
    ObjectNode node = base;
    int start = 0;
    for (int dot = dotted.indexOf('.'); dot >= 0; dot = dotted.indexOf('.', start)) {
      String name = dotted.substring(start, dot);
      JsonNode child = node.get(name);
      node = child instanceof ObjectNode o ? o : node.putObject(name);
      start = dot + 1;
    }
    return node;
  }

  /** The list whose elements hold a nested list piece: {@code ...armGroups[]} for {@code ...armGroups[].interventionNames[]}. */
  private static String parentList(Piece nested) {
    String bare = nested.path().substring(0, nested.path().length() - 2);
    return bare.substring(0, bare.lastIndexOf("[]") + 2);
  }

  private static String lastName(String dotted) {
    String s = dotted.endsWith("[]") ? dotted.substring(0, dotted.length() - 2) : dotted;
    return s.substring(s.lastIndexOf('.') + 1);
  }

  private static String names(List<Piece> pieces) {
    return pieces.stream().map(Piece::name).collect(Collectors.joining(", "));
  }

  private static String abbreviate(List<String> values) {
    String s = String.join(" | ", values);
    return s.length() <= 120 ? s : s.substring(0, 117) + "...";
  }
}
