package org.trialdex.core.geo;

import java.text.Normalizer;
import java.util.Map;

/**
 * The matching key of a place name: lower case ASCII letters and digits separated by single spaces.
 * Accents are folded ({@code "Zürich"} is {@code "zurich"}), apostrophes dropped ({@code "Côte d'Ivoire"}
 * is {@code "cote divoire"}), other punctuation and hyphens are spaces, and the abbreviations
 * {@code St}, {@code Ste}, {@code Mt} and {@code Ft} are spelled out. Letters outside the Latin script
 * fold to nothing. {@code tools/gazetteer/build.py} has a copy for dropping duplicate alternate names;
 * this one decides matches.
 */
final class Fold {

  private static final Map<Character, String> SPECIAL = Map.ofEntries(
      Map.entry('ß', "ss"), Map.entry('æ', "ae"), Map.entry('Æ', "ae"), Map.entry('ø', "o"), Map.entry('Ø', "o"),
      Map.entry('đ', "d"), Map.entry('Đ', "d"), Map.entry('ł', "l"), Map.entry('Ł', "l"), Map.entry('œ', "oe"),
      Map.entry('Œ', "oe"), Map.entry('ı', "i"), Map.entry('þ', "th"), Map.entry('Þ', "th"), Map.entry('ð', "d"),
      Map.entry('Ð', "d"), Map.entry('ħ', "h"), Map.entry('Ħ', "h"));
  private static final Map<String, String> TOKENS = Map.of("st", "saint", "ste", "sainte", "mt", "mount", "ft", "fort");

  private Fold() {}

  /** The key of {@code text}; empty for null, blank or wholly non-Latin text. */
  static String fold(String text) {
    if (text == null || text.isEmpty()) {
      return "";
    }
    String s = ascii(text) ? text : Normalizer.normalize(text, Normalizer.Form.NFKD);
    StringBuilder out = new StringBuilder(s.length());
    StringBuilder token = new StringBuilder();
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      int type = Character.getType(c);
      if (type == Character.NON_SPACING_MARK || type == Character.ENCLOSING_MARK
          || type == Character.COMBINING_SPACING_MARK || c == '\'' || c == '’' || c == '`' || c == 'ʻ' || c == 'ʼ') {
        continue;
      }
      String special = SPECIAL.get(c);
      if (special != null) {
        token.append(special);
        continue;
      }
      char lower = Character.toLowerCase(c);
      if ((lower >= 'a' && lower <= 'z') || (lower >= '0' && lower <= '9')) {
        token.append(lower);
      } else {
        flush(token, out);
      }
    }
    flush(token, out);
    return out.toString();
  }

  /** Most names are plain ASCII; they need no decomposition (a third of the gazetteer's load time). */
  private static boolean ascii(String text) {
    for (int i = 0; i < text.length(); i++) {
      if (text.charAt(i) >= 0x80) {
        return false;
      }
    }
    return true;
  }

  private static void flush(StringBuilder token, StringBuilder out) {
    if (token.isEmpty()) {
      return;
    }
    String t = token.toString();
    if (!out.isEmpty()) {
      out.append(' ');
    }
    out.append(TOKENS.getOrDefault(t, t));
    token.setLength(0);
  }
}
