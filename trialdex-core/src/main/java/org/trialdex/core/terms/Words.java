package org.trialdex.core.terms;

import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.HashMap;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * How names are compared: text becomes normalized words, and a name becomes a <em>key</em>, the
 * sorted set of its words. Two names with the same key are the same name: {@code Carcinoma,
 * Non-Small-Cell Lung} = {@code non small cell lung carcinoma}, {@code Cancer of the Lung} = {@code
 * lung cancer} = {@code Lung Neoplasms}.
 *
 * <p>Words are lower-cased and folded to ASCII, split at anything but letters and digits, stripped
 * of possessives and plural endings (an S-stemmer), and mapped to one spelling: US for British
 * spellings, {@code neoplasm} for cancer and tumour (MeSH names cancers "Neoplasms"), arabic for
 * roman numerals, {@code versus} for vs. A few function words (of, the, in...) are dropped.
 */
public final class Words {

  private static final Set<String> DROPPED = Set.of("of", "the", "a", "an", "in", "and", "or", "to", "for", "by",
      "on", "at");

  /**
   * One word for several: the curated list's groups of single words (US and British spellings),
   * each to its first word; then these, applied after stemming.
   */
  private static final Map<String, String> CANONICAL = Map.ofEntries(
      Map.entry("cancer", "neoplasm"), Map.entry("tumor", "neoplasm"), Map.entry("tumour", "neoplasm"),
      Map.entry("vs", "versus"), Map.entry("v", "versus"),
      Map.entry("i", "1"), Map.entry("ii", "2"), Map.entry("iii", "3"), Map.entry("iv", "4"),
      Map.entry("sjoegren", "sjogren"), Map.entry("disk", "disc"));

  private static final Map<String, String> SPELLING = spellings();

  private static Map<String, String> spellings() {
    Map<String, String> map = new HashMap<>();
    String curated = new String(VocabularyLoader.curatedBytes(), StandardCharsets.UTF_8);
    for (VocabularyLoader.Group group : VocabularyLoader.curatedGroups(curated)) {
      if (group.spelling()) {
        List<String> terms = group.terms();
        for (String t : terms.subList(1, terms.size())) {
          map.put(stem(fold(t)), stem(fold(terms.getFirst())));
        }
      }
    }
    map.putAll(CANONICAL);
    for (Map.Entry<String, String> e : map.entrySet()) {
      e.setValue(CANONICAL.getOrDefault(e.getValue(), e.getValue()));
    }
    return Map.copyOf(map);
  }

  private Words() {}

  /** The normalized words of {@code text}, in order; empty for null or blank text. */
  public static List<String> of(String text) {
    List<Token> tokens = tokens(text);
    List<String> words = new ArrayList<>(tokens.size());
    for (Token t : tokens) {
      words.add(t.word());
    }
    return words;
  }

  /**
   * One normalized word and where it stands in the text it came from.
   *
   * @param word the normalized word, as {@link #of} gives it
   * @param start the index of its first character in the text
   * @param end the index after its last character (a possessive's {@code 's} included)
   */
  public record Token(String word, int start, int end) {}

  /** The normalized words of {@code text} with their places in it; function words are left out. */
  public static List<Token> tokens(String text) {
    List<Token> tokens = new ArrayList<>();
    if (text == null || text.isBlank()) {
      return tokens;
    }
    boolean ascii = text.chars().allMatch(c -> c < 128);
    StringBuilder word = new StringBuilder();
    int start = -1;
    int n = text.length();
    for (int i = 0; i <= n; i++) {
      String folded = i < n ? foldChar(text.charAt(i), ascii) : " ";
      char c = folded.isEmpty() ? '\'' : folded.charAt(0);
      if (folded.isEmpty() && !word.isEmpty()) {
        continue; // a combining mark inside a word
      }
      if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
        if (word.isEmpty()) {
          start = i;
        }
        word.append(folded);
      } else if (c == '\'' && i + 1 < n && Character.toLowerCase(text.charAt(i + 1)) == 's'
          && (i + 2 == n || !Character.isLetterOrDigit(text.charAt(i + 2)))) {
        i++; // a possessive: crohn's is crohn
      } else if (c != '\'' && !word.isEmpty()) {
        addWord(tokens, word.toString(), start, i);
        word.setLength(0);
      }
    }
    return tokens;
  }

  private static String foldChar(char c, boolean ascii) {
    if (ascii || c < 128) {
      return String.valueOf(Character.toLowerCase(c));
    }
    return fold(String.valueOf(c));
  }

  private static void addWord(List<Token> tokens, String raw, int start, int end) {
    if (!DROPPED.contains(raw)) {
      String stem = stem(raw);
      tokens.add(new Token(SPELLING.getOrDefault(stem, stem), start, end));
    }
  }

  private static String fold(String text) {
    if (text.chars().allMatch(c -> c < 128)) {
      return text.toLowerCase(Locale.ROOT);
    }
    return Normalizer.normalize(text, Normalizer.Form.NFD).replaceAll("\\p{M}+", "").toLowerCase(Locale.ROOT)
        .replace('’', '\'').replace("ß", "ss").replace("æ", "ae").replace("ø", "o");
  }

  /** The key of a name: its distinct normalized words, sorted, joined by one space; "" when it has none. */
  public static String key(String name) {
    return key(of(name));
  }

  /** The key of normalized words. */
  public static String key(List<String> words) {
    return String.join(" ", new TreeSet<>(words));
  }

  /**
   * Removes English plural endings as Harman's S-stemmer does: {@code -ies} to {@code -y}, {@code
   * -es} to {@code -e}, {@code -s} dropped, except after {@code u}, {@code s}, {@code i} and in
   * short words.
   */
  static String stem(String word) {
    int n = word.length();
    if (n <= 3 || !word.endsWith("s") || Character.isDigit(word.charAt(n - 2))) {
      return word;
    }
    if (word.endsWith("ies") && !word.endsWith("eies") && !word.endsWith("aies")) {
      return word.substring(0, n - 3) + "y";
    }
    if (word.endsWith("es") && !word.endsWith("aes") && !word.endsWith("ees") && !word.endsWith("oes")) {
      return word.substring(0, n - 1);
    }
    if (word.endsWith("us") || word.endsWith("ss") || word.endsWith("is")) {
      return word;
    }
    return word.substring(0, n - 1);
  }
}
