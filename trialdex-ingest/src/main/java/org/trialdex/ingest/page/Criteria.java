package org.trialdex.ingest.page;

import java.util.ArrayList;
import java.util.List;

/**
 * Eligibility criteria lines in v2 form: each list item, whatever its marker ({@code 1.},
 * {@code 1)}, {@code •}, {@code -}, {@code ○}), as {@code * item}; items indented under another
 * item as {@code   * item}; other lines as paragraphs. A line that packs a numbered list into one
 * paragraph ({@code 1.Adults; 2.Signed consent;}) is split into its items.
 */
final class Criteria {

  private Criteria() {}

  static String items(List<Line> lines) {
    StringBuilder sb = new StringBuilder();
    int topIndent = -1;
    boolean prevItem = false;
    for (Line l : lines) {
      String t = Val.clean(l.text());
      if (t.isEmpty()) {
        continue;
      }
      List<String> packed = l.marker() == Line.Marker.NUMBER && l.number() == 1 ? splitNumbered(t) : List.of();
      if (packed.size() > 1) {
        for (String item : packed) {
          sb.append(sb.isEmpty() ? "" : prevItem ? "\n" : "\n\n").append("* ").append(item);
          prevItem = true;
        }
        continue;
      }
      if (l.listItem()) {
        if (topIndent < 0) {
          topIndent = l.indent();
        }
        boolean nested = l.indent() > topIndent + 1;
        sb.append(sb.isEmpty() ? "" : prevItem && !nested ? "\n" : prevItem ? "\n" : "\n\n");
        sb.append(nested ? "  * " : "* ").append(t);
        prevItem = true;
      } else {
        sb.append(sb.isEmpty() ? "" : "\n\n").append(t);
        prevItem = false;
        topIndent = -1;
      }
    }
    return sb.toString();
  }

  /** The items of {@code 1.a; 2.b; 3.c}: cut before each next number in sequence. */
  static List<String> splitNumbered(String t) {
    List<String> items = new ArrayList<>();
    int from = 0;
    int n = 2;
    while (true) {
      int at = findNumber(t, from, n);
      if (at < 0) {
        items.add(trimItem(t.substring(from)));
        break;
      }
      items.add(trimItem(t.substring(from, at)));
      from = at + String.valueOf(n).length() + 1;
      n++;
    }
    items.removeIf(String::isEmpty);
    return items;
  }

  private static int findNumber(String t, int from, int n) {
    String key = n + ".";
    int at = t.indexOf(key, from);
    while (at >= 0) {
      boolean startOk = at == 0 || t.charAt(at - 1) == ' ' || t.charAt(at - 1) == ';';
      boolean prevSep = at > 0 && t.substring(Math.max(0, at - 2), at).matches(".*[;.]\\s?|.*;");
      if (startOk && (prevSep || t.charAt(at - 1) == ';')) {
        return at;
      }
      at = t.indexOf(key, at + 1);
    }
    return -1;
  }

  private static String trimItem(String s) {
    return s.strip().replaceAll("^\\d{1,3}[.)]\\s*", "").replaceAll("\\s*;+$", "").strip();
  }
}
