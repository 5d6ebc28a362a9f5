package org.trialdex.app.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * An {@code aggFilters} value as the portal edits it: entries {@code name:code code} joined by
 * commas ({@code phase:2 3,status:rec}), names in their given case, codes lower-cased. Adding and
 * removing one code keeps the other entries as they were.
 */
final class AggFilterCodes {

  private AggFilterCodes() {}

  /** The entries of {@code value}, in order; a name given twice has its codes joined. */
  static Map<String, List<String>> parse(String value) {
    Map<String, List<String>> out = new LinkedHashMap<>();
    if (value == null) {
      return out;
    }
    for (String entry : value.split(",")) {
      int colon = entry.indexOf(':');
      if (colon <= 0) {
        continue;
      }
      String name = entry.substring(0, colon).strip();
      List<String> codes = out.computeIfAbsent(existing(out, name), k -> new ArrayList<>());
      for (String code : entry.substring(colon + 1).strip().toLowerCase(Locale.ROOT).split("\\s+")) {
        if (!code.isEmpty() && !codes.contains(code)) {
          codes.add(code);
        }
      }
    }
    out.values().removeIf(List::isEmpty);
    return out;
  }

  /** The codes of entry {@code name} (any case), lower case; empty when absent. */
  static List<String> codes(String value, String name) {
    return parse(value).entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name)).findFirst()
        .map(Map.Entry::getValue).orElse(List.of());
  }

  /** {@code value} with {@code code} added to entry {@code name} (made, last, when absent). */
  static String with(String value, String name, String code) {
    Map<String, List<String>> m = parse(value);
    List<String> codes = m.computeIfAbsent(existing(m, name), k -> new ArrayList<>());
    String c = code.toLowerCase(Locale.ROOT);
    if (!codes.contains(c)) {
      codes.add(c);
    }
    return format(m);
  }

  /** {@code value} without {@code code} in entry {@code name}; an entry left empty is dropped. */
  static String without(String value, String name, String code) {
    Map<String, List<String>> m = parse(value);
    m.forEach((k, codes) -> {
      if (k.equalsIgnoreCase(name)) {
        codes.remove(code.toLowerCase(Locale.ROOT));
      }
    });
    m.values().removeIf(List::isEmpty);
    return format(m);
  }

  /** {@code value} without entry {@code name}. */
  static String withoutEntry(String value, String name) {
    Map<String, List<String>> m = parse(value);
    m.keySet().removeIf(k -> k.equalsIgnoreCase(name));
    return format(m);
  }

  /** Entries as {@code aggFilters} writes them. */
  static String format(Map<String, List<String>> m) {
    List<String> entries = new ArrayList<>();
    m.forEach((k, v) -> entries.add(k + ":" + String.join(" ", v)));
    return String.join(",", entries);
  }

  private static String existing(Map<String, List<String>> m, String name) {
    return m.keySet().stream().filter(k -> k.equalsIgnoreCase(name)).findFirst().orElse(name);
  }
}
