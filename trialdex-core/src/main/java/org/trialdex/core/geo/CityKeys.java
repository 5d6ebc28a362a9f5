package org.trialdex.core.geo;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The folded keys a city field is looked up under, best first. Records wrap a city name in many ways:
 * {@code "Milano (Milan)"}, {@code "Bruxelles - Brussel"}, {@code "Hampstead, London"}, {@code "Lyon Cedex 03"},
 * {@code "Ciudad de Buenos Aires"}, {@code "Huddersfield West Yorks"}. The keys are: the whole text; each
 * piece between brackets, commas, slashes and spaced dashes; each without postal numbers, a French
 * {@code cedex} tail, a leading "city of" or a trailing "city"; the same with "city" added; the whole text
 * without spaces; and last, for text of several words, its leading words, longest first ({@link #prefixes}).
 */
final class CityKeys {

  private static final String[] LEADING = {"city of ", "ciudad de ", "ciudad autonoma de ", "greater ", "cidade de "};

  /** Words that join the parts of one name. */
  private static final Set<String> LINKS = Set.of("di", "de", "del", "della", "da", "do", "dos", "das", "la", "le",
      "les", "los", "las", "el", "sur", "sous", "au", "aux", "lez", "al", "sul", "nel", "en", "am", "an", "im", "in",
      "ob", "bei", "upon", "on", "under", "y", "i", "e", "et", "and", "of", "aan", "op", "van", "der", "den", "na",
      "nad", "pod");

  private CityKeys() {}

  /** The keys other than the prefixes. */
  static List<String> of(String raw) {
    List<String> pieces = new ArrayList<>();
    pieces.add(raw);
    int open = raw.indexOf('(');
    if (open >= 0) {
      pieces.add(raw.substring(0, open));
      int close = raw.indexOf(')', open);
      pieces.add(close > open ? raw.substring(open + 1, close) : raw.substring(open + 1));
    }
    for (String sep : new String[] {",", "/", " - ", " – "}) {
      List<String> more = new ArrayList<>();
      for (String p : pieces) {
        if (p.contains(sep)) {
          more.addAll(List.of(p.split(sep.equals("/") ? "/" : sep)));
        }
      }
      pieces.addAll(more);
    }
    Set<String> keys = new LinkedHashSet<>();
    for (String p : pieces) {
      add(keys, Fold.fold(p));
    }
    for (String p : List.copyOf(keys)) {
      String s = withoutNumbers(p);
      int cedex = (" " + s + " ").indexOf(" cedex ");
      if (cedex >= 0) {
        s = s.substring(0, Math.max(0, cedex - 1));
      }
      add(keys, s);
      for (String lead : LEADING) {
        if (s.startsWith(lead)) {
          add(keys, s.substring(lead.length()));
        }
      }
      if (s.endsWith(" city")) {
        add(keys, s.substring(0, s.length() - 5));
      }
    }
    for (String p : List.copyOf(keys)) {
      if (!p.endsWith(" city")) {
        add(keys, p + " city");  // "Quezon" for "Quezon City"
      }
    }
    // Romanizations split syllables differently: "Ha Noi" is "Hanoi", "Xi An" is "Xian".
    add(keys, folded(raw).replace(" ", ""));
    return List.copyOf(keys);
  }

  /**
   * The leading words of a folded text of several words, longest first, at least four letters long:
   * {@code "huddersfield west yorks"} gives {@code "huddersfield west"}, {@code "huddersfield"}. A last
   * resort, tried only within a known country.
   */
  static List<String> prefixes(String folded) {
    List<String> out = new ArrayList<>();
    String s = withoutNumbers(folded);
    for (int end = s.lastIndexOf(' '); end > 0; end = s.lastIndexOf(' ', end - 1)) {
      String prefix = s.substring(0, end);
      String next = s.substring(end + 1).split(" ")[0];
      if (LINKS.contains(next)) {
        continue;  // "Lido di Camaiore" is one name, not Lido plus a qualifier
      }
      if (prefix.length() >= 4 && !prefix.equals("saint") && !prefix.equals("sainte")) {
        out.add(prefix);
      }
    }
    return out;
  }

  private static String folded(String raw) {
    return Fold.fold(raw);
  }

  private static void add(Set<String> keys, String key) {
    String k = key.strip();
    if (!k.isEmpty()) {
      keys.add(k);
    }
  }

  private static String withoutNumbers(String folded) {
    StringBuilder out = new StringBuilder();
    for (String t : folded.split(" ")) {
      if (!t.isEmpty() && !t.chars().allMatch(Character::isDigit)) {
        out.append(out.isEmpty() ? "" : " ").append(t);
      }
    }
    return out.toString();
  }
}
