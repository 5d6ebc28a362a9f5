package org.trialdex.ingest.page;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The labels and headings pages use, and the lines that are not values: blurbs that explain a
 * section ("Review the…", "This section provides…"), table header rows and questions used as
 * headings. Labels match case-insensitively, with or without a colon, with qualifiers such as
 * {@code (Anticipated)} or {@code Estimated} around them; see {@link Field} for the synonyms.
 */
final class Vocabulary {

  /** A label found at the start of a line. */
  record Match(Field field, String qualifier, int valueFrom, boolean colon, boolean bare) {}

  private static final Map<String, Field> LABELS = new HashMap<>();
  private static final Set<String> QUALIFIERS = Set.of("actual", "anticipated", "estimated", "estimate", "expected",
      "est.", "est", "planned", "projected");

  static {
    for (Field f : Field.values()) {
      for (String label : f.labels) {
        LABELS.putIfAbsent(key(label, null), f);
      }
    }
  }

  private static final Set<String> IMPERATIVES = Set.of("review", "learn", "explore", "see", "get", "dive",
      "understand", "check", "meet", "identify", "find", "reach", "discover", "view", "browse", "read", "click",
      "visit", "use", "look", "access", "compare", "follow", "search", "know", "contact", "scroll", "tap", "select",
      "sign", "share", "subscribe", "download", "back", "return", "go", "print", "save", "refine", "modify", "login",
      "skip");
  private static final String[] META = {"this section", "this is where", "these dates", "here you", "below you",
      "the following section", "the person responsible for entering", "researchers look for",
      "additional clinical trials", "the study team has not published", "this information was retrieved",
      "you can", "you may", "choosing to participate", "to learn more about this study", "for general information",
      "listing a study does not mean", "the safety and scientific validity", "this page", "this tab",
      "information on this page", "results pending", "no results", "the contacts", "a list of"};
  private static final Set<String> FILLERS = Set.of("description", "outcome measure", "time frame",
      "measure description", "name time method", "outcome measure time frame", "measure time frame description",
      "outcome measure measure description time frame", "site status", "more", "show more", "show less",
      "read more", "see more", "expand", "collapse", "back to top", "print", "menu", "working… menu",
      "working... menu", "outcome measures", "study contact", "name", "arm group label arm group type intervention",
      "tabular view", "no results posted", "records history", "terms related to this study");

  private Vocabulary() {}

  /**
   * The label key of {@code text}: lower case, {@code &} as "and", parenthesised parts and date
   * qualifiers (actual, anticipated, estimated) removed into {@code qualifier}, colon and blanks
   * trimmed.
   */
  static String key(String text, StringBuilder qualifier) {
    String s = text.toLowerCase(Locale.ROOT).replace('：', ':').replace("&", " and ")
        // Icons and bullets before a label ("🗓️ Study Start", "► Status") are not part of it.
        .replaceAll("^[^\\p{L}\\p{N}(]+", "").replaceAll("[#*_:?|\\s]+$", "").replaceAll(" ?/ ?", "/")
        // Numbered labels (EU CTR's "E.1.1 Medical condition", "A.3 Full title", "3.2 Phase").
        .replaceFirst("^(?:[a-z]\\.\\d{1,2}(?:\\.\\d{1,2}){0,3}|\\d{1,2}(?:\\.\\d{1,2}){1,3})\\.?\\s+(?=[a-z])", "");
    StringBuilder out = new StringBuilder(s.length());
    int depth = 0;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '(') {
        depth++;
      } else if (c == ')') {
        depth = Math.max(0, depth - 1);
        if (qualifier != null) {
          qualifier.append(' ');
        }
      } else if (depth > 0) {
        if (qualifier != null) {
          qualifier.append(c);
        }
      } else {
        out.append(c == '\t' || c == '\u00a0' ? ' ' : c);
      }
    }
    String[] words = out.toString().replaceAll("[:*]+\\s*$", "").strip().split("\\s+");
    StringBuilder k = new StringBuilder();
    for (int i = 0; i < words.length; i++) {
      String w = words[i];
      boolean edge = i == 0 || i == words.length - 1;
      if (edge && QUALIFIERS.contains(w) && words.length > 1) {
        if (qualifier != null) {
          qualifier.append(' ').append(w);
        }
        continue;
      }
      if (!k.isEmpty()) {
        k.append(' ');
      }
      k.append(w);
    }
    return k.toString().replaceAll("\\s*:$", "");
  }

  /** The field a whole line names, as a bare label or heading ({@code Brief Summary}, {@code - Status:}). */
  static Match bare(String content) {
    if (content.isEmpty() || content.length() > 160) {
      return null;
    }
    StringBuilder q = new StringBuilder();
    String k = key(content, q);
    Field f = LABELS.get(k);
    int by = k.indexOf(" provided by ");
    if (f == null && by > 0) {
      // "Keywords Provided by Acme Pharma": the label names who provided the list.
      f = LABELS.get(k.substring(0, by + " provided by".length()));
    }
    return f == null ? null : new Match(f, q.toString().strip(), content.length(), content.strip().endsWith(":"), true);
  }

  /**
   * A label at the start of {@code content} followed by a value: {@code Status: Recruiting},
   * {@code Study Type : Interventional}, or without a colon ({@code Phase 2}). The longest label
   * wins; a label with a colon wins over one without. Null when no label starts the line.
   */
  static Match leading(String content) {
    int limit = Math.min(content.length(), 160);
    Match best = null;
    int words = 0;
    int i = 0;
    while (i < limit && words < 9) {
      while (i < limit && content.charAt(i) != ' ' && content.charAt(i) != ':' && content.charAt(i) != '：') {
        i++;
      }
      words++;
      int end = i;
      int j = end;
      while (j < content.length() && content.charAt(j) == ' ') {
        j++;
      }
      boolean colon = j < content.length() && (content.charAt(j) == ':' || content.charAt(j) == '：');
      StringBuilder q = new StringBuilder();
      Field f = LABELS.get(key(content.substring(0, end), q));
      if (f != null) {
        int from = colon ? j + 1 : j;
        if (from < content.length() && (colon || best == null || !best.colon())) {
          Match m = new Match(f, q.toString().strip(), from, colon, false);
          if (best == null || colon || !best.colon()) {
            best = m;
          }
        }
      }
      if (colon) {
        // A colon ends the label; a later one belongs to the value.
        break;
      }
      i = j;
      if (i == end) {
        i++;
      }
    }
    return best;
  }

  /**
   * A label run together with its value, as text copied from a two-column layout comes
   * ({@code Scientific titlePathology-guided treatment…}, {@code Overall study start date01/02/1998},
   * {@code SexBoth}): the longest label that ends where a lower-case letter or a bracket meets an
   * upper-case letter or a digit. Null when none does.
   */
  static Match glued(String content) {
    return glued(content, false);
  }

  /** {@link #glued(String)}, with section headings run into a value too when {@code headings}. */
  static Match glued(String content, boolean headings) {
    int limit = Math.min(content.length() - 1, 120);
    Match best = null;
    for (int i = 3; i <= limit; i++) {
      char before = content.charAt(i - 1);
      char at = content.charAt(i);
      if (!(Character.isLowerCase(before) || before == ')') || !(Character.isUpperCase(at) || Character.isDigit(at))) {
        continue;
      }
      StringBuilder q = new StringBuilder();
      String head = content.substring(0, i);
      Field f = LABELS.get(key(head, q));
      if (f != null && (headings || f.kind != Field.Kind.SECTION) && Character.isUpperCase(head.charAt(0)) && !head.contains(":")) {
        best = new Match(f, q.toString().strip(), i, false, false);
      }
    }
    return best;
  }

  /** A line that explains a section to the reader rather than giving a value. */
  static boolean blurb(String text) {
    if (text.length() < 12 || text.length() > 600 || !text.contains(" ")) {
      return false;
    }
    String lower = text.toLowerCase(Locale.ROOT);
    for (String m : META) {
      if (lower.startsWith(m)) {
        return true;
      }
    }
    int sp = lower.indexOf(' ');
    String first = lower.substring(0, sp).replaceAll("[^a-z]", "");
    boolean sentence = lower.endsWith(".") || lower.endsWith("!");
    return sentence && IMPERATIVES.contains(first) && lower.split(" ").length >= 5;
  }

  /**
   * A link or button of the site, not content: a short line that starts with a verb telling the
   * reader where to go ({@code Back to results}, {@code Return to Results}, {@code new search},
   * {@code Print this page}).
   */
  static boolean navigation(String text) {
    String lower = text.toLowerCase(Locale.ROOT).strip();
    String[] words = lower.split("\\s+");
    if (words.length > 6 || lower.endsWith(".")) {
      return false;
    }
    String first = words[0].replaceAll("[^a-z]", "");
    return IMPERATIVES.contains(first) || words.length <= 3 && words[words.length - 1].matches("search|results|menu|home|top");
  }

  /** Table header rows, sub-headings and questions that carry no value. */
  static boolean filler(String text) {
    String lower = text.toLowerCase(Locale.ROOT).replaceAll("[:\\s]+$", "").replaceAll("\\s+", " ");
    if (FILLERS.contains(lower) || lower.startsWith("layout table for")
        || text.strip().matches("[a-z]{2}(?:-[a-z]{2})?") && !text.strip().matches("no|na|ok")) {
      // A language tag above a translation ("en", "pt-br") is no value either.
      return true;
    }
    return lower.endsWith("?") && lower.split(" ").length <= 10;
  }

  /** Site chrome around the record: navigation, notices, counters. */
  static boolean chrome(String text) {
    String lower = text.toLowerCase(Locale.ROOT);
    return lower.contains("website") || lower.contains("cookie") || lower.contains("javascript")
        || lower.startsWith("skip to") || lower.startsWith("sign in") || lower.startsWith("log in")
        || lower.contains("working…") || lower.startsWith("home ") || lower.equals("home");
  }
}
