package org.trialdex.app.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The value statistics of one leaf field over every current record, in the shape
 * {@code ctg-oas-v2.yaml}'s {@code FieldValuesStats} gives for the field's type ({@code EnumStats},
 * {@code StringStats}, {@code DateStats}, {@code IntegerStats}, {@code NumberStats},
 * {@code BooleanStats}), and the sizes of one list field ({@code ListSizes}). {@link StoreStats}
 * feeds one record at a time: {@link #study} with the values the record holds at the field's path
 * (lists flattened), then {@link #json} once every record was fed.
 */
final class FieldStats {

  /** The {@code FieldStatsType} of a field: its statistics' shape. */
  enum Type {
    ENUM, STRING, DATE, INTEGER, NUMBER, BOOLEAN;

    /** The type of a model field; empty for a structure (not a leaf). */
    static java.util.Optional<Type> of(StudyFields.Field f) {
      if (f.isEnum()) {
        return java.util.Optional.of(ENUM); // the live metadata gives enums their text source type
      }
      return java.util.Optional.ofNullable(switch (f.sourceType()) {
        case "ENUM" -> ENUM;
        case "DATE" -> DATE;
        case "BOOLEAN" -> BOOLEAN;
        case "NUMERIC" -> f.type().startsWith("integer") ? INTEGER : NUMBER;
        case "STRUCT" -> null;
        default -> STRING;
      });
    }
  }

  /**
   * The most values listed in {@code topValues}: ClinicalTrials.gov lists at most 250 (the
   * clinicaltrialsgov-mcp-server notes its "250-cap"); an enum has fewer values than that anyway.
   */
  static final int TOP_VALUES = 250;

  /**
   * A text longer than this is counted among the unique values by a 64-bit hash and may be the
   * longest, but is not kept as a value: a summary or a criteria text is unique to its study, and
   * keeping every one would hold the store's text in memory for no top value.
   */
  static final int KEPT_TEXT = 256;

  private final StudyFields.Field field;
  private final Type type;
  private int studies;
  private final Map<String, Integer> counts = new HashMap<>();
  private final Set<Long> longTexts = new HashSet<>();
  private String longest;
  private String longestId;
  private String min;
  private String max;
  private final Set<String> formats = new TreeSet<>();
  private BigDecimal low;
  private BigDecimal high;
  private BigDecimal sum = BigDecimal.ZERO;
  private long numbers;
  private int trueCount;
  private int falseCount;

  FieldStats(StudyFields.Field field, Type type) {
    this.field = field;
    this.type = type;
  }

  Type type() {
    return type;
  }

  /** One study's values at this field (lists flattened, in order; nulls already dropped). */
  void study(String nctId, List<JsonNode> values) {
    if (values.isEmpty()) {
      return;
    }
    studies++;
    switch (type) {
      case ENUM, STRING -> texts(nctId, values);
      case DATE -> dates(values);
      case INTEGER, NUMBER -> numbers(values);
      case BOOLEAN -> booleans(values);
    }
  }

  private void texts(String nctId, List<JsonNode> values) {
    Set<String> seen = new HashSet<>();
    for (JsonNode v : values) {
      String text = v.asText();
      if (!seen.add(text)) {
        continue;
      }
      if (type == Type.STRING && text.length() > KEPT_TEXT) {
        longTexts.add(hash64(text));
      } else {
        counts.merge(text, 1, Integer::sum);
      }
      if (type == Type.STRING && (longest == null || text.length() > longest.length())) {
        longest = text;
        longestId = nctId;
      }
    }
  }

  private void dates(List<JsonNode> values) {
    for (JsonNode v : values) {
      String d = v.asText();
      // ISO dates, partial or whole, order as text: 2016-05 < 2016-05-12 < 2016-06.
      min = min == null || d.compareTo(min) < 0 ? d : min;
      max = max == null || d.compareTo(max) > 0 ? d : max;
      formats.add(format(d));
    }
  }

  /** The pattern a date is written in ({@code yyyy-MM-dd}, {@code yyyy-MM}, {@code yyyy}...). */
  static String format(String date) {
    return switch (date.replaceAll("[0-9]", "9")) {
      case "9999" -> "yyyy";
      case "9999-99" -> "yyyy-MM";
      case "9999-99-99" -> "yyyy-MM-dd";
      case "9999-99-99T99:99" -> "yyyy-MM-dd'T'HH:mm";
      case "9999-99-99T99:99:99" -> "yyyy-MM-dd'T'HH:mm:ss";
      default -> "other";
    };
  }

  private void numbers(List<JsonNode> values) {
    for (JsonNode v : values) {
      BigDecimal n;
      try {
        n = v.isNumber() ? v.decimalValue() : new BigDecimal(v.asText().strip());
      } catch (NumberFormatException e) {
        continue; // a stored text where a number belongs is not a number to count
      }
      low = low == null || n.compareTo(low) < 0 ? n : low;
      high = high == null || n.compareTo(high) > 0 ? n : high;
      sum = sum.add(n);
      numbers++;
    }
  }

  private void booleans(List<JsonNode> values) {
    boolean t = false;
    boolean f = false;
    for (JsonNode v : values) {
      boolean b = v.isBoolean() ? v.booleanValue() : Boolean.parseBoolean(v.asText());
      t |= b;
      f |= !b;
    }
    trueCount += t ? 1 : 0;
    falseCount += f ? 1 : 0;
  }

  /** The statistics in the shape of this field's type; {@code total} is the number of records. */
  ObjectNode json(int total) {
    ObjectNode n = HttpServer.json().createObjectNode();
    n.put("type", type.name());
    n.put("piece", piece(field));
    n.put("field", field.path());
    n.put("missingStudiesCount", total - studies);
    switch (type) {
      case ENUM, STRING -> {
        n.put("uniqueValuesCount", counts.size() + longTexts.size());
        if (longest != null) {
          n.putObject("longest").put("value", longest).put("length", longest.length()).put("nctId", longestId);
        }
        ArrayNode top = n.putArray("topValues");
        counts.entrySet().stream()
            .sorted(Map.Entry.<String, Integer>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
            .limit(TOP_VALUES)
            .forEach(e -> top.addObject().put("value", e.getKey()).put("studiesCount", e.getValue()));
      }
      case DATE -> {
        ArrayNode f = n.putArray("formats");
        formats.forEach(f::add);
        if (min != null) {
          n.put("min", min).put("max", max);
        }
      }
      case INTEGER -> {
        if (numbers > 0) {
          n.put("min", low.longValue()).put("max", high.longValue()).put("avg", avg());
        }
      }
      case NUMBER -> {
        if (numbers > 0) {
          n.put("min", low.doubleValue()).put("max", high.doubleValue()).put("avg", avg());
        }
      }
      case BOOLEAN -> n.put("trueCount", trueCount).put("falseCount", falseCount);
    }
    return n;
  }

  private double avg() {
    return sum.doubleValue() / numbers;
  }

  /** The piece name a statistic names its field by: the piece name, else the path. */
  static String piece(StudyFields.Field f) {
    return f.piece() != null ? f.piece() : f.path();
  }

  private static long hash64(String s) {
    long h = 1125899906842597L;
    for (int i = 0; i < s.length(); i++) {
      h = 31 * h + s.charAt(i);
    }
    return h ^ ((long) s.length() << 40);
  }

  /** The sizes of one list field over every record that has the list. */
  static final class Sizes {

    private final StudyFields.Field field;
    private final Map<Integer, Integer> bySize = new TreeMap<>();

    Sizes(StudyFields.Field field) {
      this.field = field;
    }

    /** One study's size of the list: its items, summed over every parent that holds the list. */
    void study(int size) {
      bySize.merge(size, 1, Integer::sum);
    }

    /** The {@code ListSizes} shape: the sizes found, most studies first. */
    ObjectNode json() {
      ObjectNode n = HttpServer.json().createObjectNode();
      n.put("field", field.path());
      n.put("piece", piece(field));
      n.put("uniqueSizesCount", bySize.size());
      if (!bySize.isEmpty()) {
        n.put("minSize", ((TreeMap<Integer, Integer>) bySize).firstKey());
        n.put("maxSize", ((TreeMap<Integer, Integer>) bySize).lastKey());
      }
      ArrayNode top = n.putArray("topSizes");
      List<Map.Entry<Integer, Integer>> entries = new ArrayList<>(bySize.entrySet());
      entries.sort(Map.Entry.<Integer, Integer>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()));
      entries.forEach(e -> top.addObject().put("size", e.getKey()).put("studiesCount", e.getValue()));
      return n;
    }
  }

  @Override
  public String toString() {
    return type.name().toLowerCase(Locale.ROOT) + " statistics of " + field.path();
  }
}
