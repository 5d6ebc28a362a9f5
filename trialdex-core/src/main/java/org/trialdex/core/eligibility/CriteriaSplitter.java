package org.trialdex.core.eligibility;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.trialdex.core.eligibility.Criterion.Section;

/**
 * Cuts eligibility criteria text into items, in the layouts real records use:
 *
 * <ul>
 *   <li>section headings: "Inclusion Criteria:", "KEY EXCLUSION CRITERIA", "Protocol 260 Inclusion
 *       Criteria:", "Patients will be excluded if:", with or without the first item on the same line;
 *   <li>bullets {@code * - • ·}, numbers {@code 1. 1) (1)}, letters {@code a. a) (a)}, roman numerals
 *       {@code i. ii)}; a deeper indentation nests an item in the one above;
 *   <li>wrapped lines: a line that is indented under its item, or starts in lower case, continues it
 *       (an unmarked lower-case line after a short, complete line is an item of its own);
 *   <li>lead-ins: a line that ends with a colon ("Hematopoietic:", "as defined by:") gives the items
 *       below it their context, and is not an item itself;
 *   <li>one item per line when lines carry no markers (classic field records);
 *   <li>run-on numbering: "1. Age over 18 2. Signed consent" is two items.
 * </ul>
 *
 * Never throws on text; empty text gives no items. Thread-safe (stateless).
 */
public final class CriteriaSplitter {

  private static final Pattern SECTION = Pattern.compile(
      "^(?:[\\p{L}\\p{N} ]{0,30}?\\s)?(?:key\\s+|main\\s+|major\\s+|general\\s+|specific\\s+)?"
          + "(inclusion|exclusion|inclusions|exclusions)(?:\\s+criteria|\\s+criterion)?\\s*(?::|-|\\.|$)\\s*(.*)$",
      Pattern.CASE_INSENSITIVE);
  private static final Pattern CRITERIA_FOR = Pattern.compile(
      "^criteria\\s+for\\s+(inclusion|exclusion)\\s*:?\\s*(.*)$", Pattern.CASE_INSENSITIVE);
  /** A list marker: a symbol (space optional, "•.Medically free" occurs), or a number or letter and a space. */
  private static final Pattern MARKER = Pattern.compile(
      "^(\\s*)(?:([*•·▪◦●○\\-–—+>])[.\\s]*(?=\\S)|(\\(?\\d{1,2}[.)]|\\(?[a-zA-Z][.)]|"
          + "\\(?(?:i|ii|iii|iv|v|vi|vii|viii|ix|x)[.)])\\s+(?=\\S))");
  private static final Pattern NUMBERED = Pattern.compile("^\\(?(\\d{1,2})[.)]$");
  private static final int MAX_LEAD_IN = 120;

  private CriteriaSplitter() {}

  /** One line of the text, with where it starts. */
  private record Line(String raw, int offset) {}

  /** An item being built: where its text starts, its lines, its indentation and marker. */
  private static final class Open {
    final Section section;
    final int indent;
    final String marker;
    final int depth;
    final List<String> context;
    final StringBuilder text = new StringBuilder();
    final int start;
    int end;
    /** The item's last physical line (with its indentation), to tell a wrapped line from a new unmarked item. */
    String lastLine = "";

    Open(Section section, int indent, String marker, int depth, List<String> context, int start) {
      this.section = section;
      this.indent = indent;
      this.marker = marker;
      this.depth = depth;
      this.context = context;
      this.start = start;
    }
  }

  /** The items of {@code text}, in order. */
  public static List<Criterion> split(String text) {
    List<Criterion> out = new ArrayList<>();
    if (text == null || text.isBlank()) {
      return out;
    }
    Section section = Section.UNSPECIFIED;
    List<String> leadIns = new ArrayList<>();
    int leadInIndent = -1;
    List<Open> stack = new ArrayList<>();
    Open current = null;
    List<Line> lines = lines(text);
    // The widest line: text wrapped by a program has no line wider than its wrapping width.
    int width = lines.stream().mapToInt(l -> l.raw().stripTrailing().length()).max().orElse(0);
    for (Line line : lines) {
      String stripped = line.raw().strip();
      if (stripped.isEmpty()) {
        continue;
      }
      int indent = indent(line.raw());
      Matcher bulletedHeading = MARKER.matcher(line.raw());
      Matcher heading = heading(bulletedHeading.find() ? line.raw().substring(bulletedHeading.end()).strip() : stripped);
      if (heading != null) {
        flush(current, out, text);
        current = null;
        stack.clear();
        leadIns.clear();
        leadInIndent = -1;
        section = heading.group(1).toLowerCase(Locale.ROOT).startsWith("incl") ? Section.INCLUSION : Section.EXCLUSION;
        String rest = heading.group(2).strip();
        if (rest.isEmpty()) {
          continue;
        }
        // The first item on the heading's line: read it as a line of its own.
        int restOffset = line.offset() + line.raw().lastIndexOf(rest);
        line = new Line(rest, restOffset);
        stripped = rest;
        indent = 0;
      }
      Matcher marker = MARKER.matcher(line.raw());
      boolean bulleted = marker.find();
      if (!bulleted && current != null && continues(current, stripped, indent, width)) {
        current.text.append(' ').append(stripped);
        current.end = line.offset() + line.raw().stripTrailing().length();
        current.lastLine = line.raw().stripTrailing();
        continue;
      }
      if (!bulleted && stripped.endsWith(":") && stripped.length() <= MAX_LEAD_IN) {
        // A lead-in: context for the items below it, not a criterion.
        flush(current, out, text);
        current = null;
        // An upper-case lead-in ("PATIENT CHARACTERISTICS:") heads the mixed-case ones below it
        // ("Age:"), at any indentation; otherwise a deeper one nests, a shallower one replaces.
        boolean upper = stripped.equals(stripped.toUpperCase(Locale.ROOT));
        boolean underUpper = !leadIns.isEmpty() && leadIns.getFirst().equals(leadIns.getFirst().toUpperCase(Locale.ROOT));
        if (upper || indent < leadInIndent || indent == leadInIndent && !underUpper) {
          leadIns.clear();
        } else if (leadIns.size() >= 2 || indent == leadInIndent && leadIns.size() == 2) {
          leadIns.subList(1, leadIns.size()).clear();
        }
        leadIns.add(stripped);
        leadInIndent = indent;
        stack.clear();
        continue;
      }
      flush(current, out, text);
      int itemStart = bulleted ? line.offset() + marker.end() : line.offset() + indent;
      String itemText = bulleted ? line.raw().substring(marker.end()).strip() : stripped;
      String mark = !bulleted ? "" : marker.group(2) != null ? marker.group(2) : marker.group(3);
      while (!stack.isEmpty() && stack.getLast().indent >= indent) {
        stack.removeLast();
      }
      int depth = bulleted ? stack.size() : 0;
      if (!bulleted) {
        stack.clear();
      }
      current = new Open(section, indent, mark, depth, List.copyOf(leadIns), itemStart);
      current.text.append(itemText);
      current.lastLine = line.raw().stripTrailing();
      current.end = line.offset() + line.raw().stripTrailing().length();
      if (bulleted) {
        stack.add(current);
      }
    }
    flush(current, out, text);
    return out;
  }

  /**
   * A section heading ("Inclusion Criteria:", "Exclusion:", "Patients will be excluded if:"), or
   * null; group 1 says which section, group 2 is the rest of the line (an item, or empty).
   */
  private static Matcher heading(String line) {
    if (line.length() > 200) {
      return null;
    }
    Matcher m = CRITERIA_FOR.matcher(line);
    if (m.matches()) {
      return m;
    }
    m = SECTION.matcher(line);
    if (m.matches()) {
      String head = line.substring(0, m.start(2)).toLowerCase(Locale.ROOT);
      // A heading names criteria, or ends at its colon: "Inclusion of women" is a criterion.
      if (head.contains("criteri") || head.strip().endsWith(":") || m.group(2).isEmpty()) {
        return m;
      }
      return null;
    }
    String lower = line.toLowerCase(Locale.ROOT);
    if (line.endsWith(":") && line.length() <= 80) {
      Matcher lead = LEAD_IN_SECTION.matcher(lower);
      if (lead.find()) {
        return lead;
      }
    }
    return null;
  }

  /** Lead-ins that open a section: "Patients will be excluded if:", "to be included:". */
  private static final Pattern LEAD_IN_SECTION = Pattern.compile("(exclu|inclu)(?:ded|sion)\\b()");

  /** Whether an unmarked line continues the open item rather than starting one. */
  private static boolean continues(Open current, String stripped, int indent, int width) {
    if (Character.isLowerCase(stripped.charAt(0))) {
      // Unmarked lines: a lower-case line wraps the one above unless that one ended where a wrap
      // would not have (the line's first word would have fitted after it) and not on a word or sign
      // that asks for more: "diagnosis of Type 1 Diabetes" then "diagnosed at most 1 year before
      // enrollment" are two items.
      return !current.marker.isEmpty() || !complete(current.lastLine, stripped, width);
    }
    if (stripped.startsWith("(") && !current.marker.isEmpty()) {
      return true;
    }
    // Under a marked item, a line indented past its marker wraps it.
    return !current.marker.isEmpty() && indent > current.indent;
  }

  private static final Pattern ASKS_FOR_MORE = Pattern.compile(
      "(?i)(?:[,;:(/&+-]|\\b(?:and|or|of|with|without|to|the|a|an|for|in|on|by|than|at|as|from|who|which|that|is|are|be|not|no|per|if))$");

  /** Whether {@code line} ended of itself: {@code next}'s first word would have fitted within {@code width}. */
  private static boolean complete(String line, String next, int width) {
    int word = next.indexOf(' ');
    int firstWord = word < 0 ? next.length() : word;
    return line.length() + 1 + firstWord <= width && !ASKS_FOR_MORE.matcher(line.strip()).find();
  }

  private static void flush(Open item, List<Criterion> out, String source) {
    if (item == null) {
      return;
    }
    String text = item.text.toString().strip();
    if (text.chars().noneMatch(Character::isLetterOrDigit)) {
      return; // a marker or punctuation alone
    }
    Matcher numbered = NUMBERED.matcher(item.marker);
    if (numbered.matches()) {
      // "1. Age over 18 2. Signed consent": numbers glued into one line are items of their own.
      int next = Integer.parseInt(numbered.group(1)) + 1;
      int from = 0;
      List<int[]> cuts = new ArrayList<>();
      while (true) {
        Matcher glued = Pattern.compile("\\s" + next + "[.)]\\s+(?=[A-Z(])").matcher(text);
        if (!glued.find(from)) {
          break;
        }
        cuts.add(new int[] {glued.start(), glued.end()});
        from = glued.end();
        next++;
      }
      if (!cuts.isEmpty()) {
        List<String> pieces = new ArrayList<>();
        int begin = 0;
        for (int[] cut : cuts) {
          pieces.add(text.substring(begin, cut[0]).strip());
          begin = cut[1];
        }
        pieces.add(text.substring(begin).strip());
        // Each piece's span starts where its first words are in the text; the last ends with the item.
        int end = Math.max(item.start, item.end);
        List<Integer> starts = new ArrayList<>();
        int searchFrom = item.start;
        for (String piece : pieces) {
          String head = piece.substring(0, Math.min(12, piece.length()));
          int at = source.indexOf(head, searchFrom);
          starts.add(at < 0 || at > end ? searchFrom : at);
          searchFrom = Math.max(searchFrom, starts.getLast());
        }
        for (int i = 0; i < pieces.size(); i++) {
          int pieceEnd = i + 1 < pieces.size() ? Math.max(starts.get(i), starts.get(i + 1)) : end;
          if (!pieces.get(i).isEmpty()) {
            out.add(new Criterion(item.section, pieces.get(i), starts.get(i), pieceEnd, item.depth, item.context));
          }
        }
        return;
      }
    }
    if (text.length() > 80 && PDQ_HEAD.matcher(text).find()) {
      runOn(item, text, out, source);
      return;
    }
    out.add(new Criterion(item.section, text, item.start, Math.max(item.start, item.end), item.depth, item.context));
  }

  /** An upper-case PDQ head glued into a paragraph: "PATIENT CHARACTERISTICS: Age: 18 and over ...". */
  private static final Pattern PDQ_HEAD = Pattern.compile("(?<![\\p{L}])([A-Z][A-Z ,/&-]{3,}[A-Z]):\\s");
  /** A PDQ field label inside such a paragraph: "Age:", "Performance status:", "Biologic therapy:", "CNS:". */
  private static final Pattern PDQ_FIELD = Pattern.compile(
      "(?<=^|\\s)((?:[A-Z][a-z]+|[A-Z]{2,5})(?:[ /-](?:[a-z]+|[A-Z]{2,5})){0,3}):\\s+");
  /**
   * Where a new item starts in a run-on paragraph: a sentence end, or a capitalized word right
   * after a lower-case word, a number, a unit or a bracket ("...lymphoma No relapsed disease",
   * "...1,500/mm3 Platelet count"); function words ("with Rituxan") and eponyms ("confirmed
   * Hodgkin's") do not start items.
   */
  private static final Pattern RUN_ON_CUT = Pattern.compile(
      "(?<=[a-z0-9%)\\]])\\.?\\s+(?=(?:[A-Z][a-z]+(?![\\p{L}]*'s)(?![-\\p{L}]*\\s+[A-Z][a-z]+\\s+(?:Association|Heart|Disease|syndrome))|HIV|HBsAg|HCV|AST|ALT|SGOT|SGPT|WBC|ANC|CD4|LVEF|DLCO|FEV1|INR|PT|CNS|ECOG)\\b)");
  private static final java.util.Set<String> FUNCTION_WORDS = java.util.Set.of("and", "or", "of", "with", "the", "to", "in", "for",
      "by", "on", "at", "from", "as", "than", "a", "an", "per", "via", "including", "e.g.", "i.e.", "e.g", "i.e", "such", "like", "versus", "vs");

  /** Cuts a PDQ run-on paragraph into its fields' items, each field label a lead-in of its items. */
  private static void runOn(Open item, String text, List<Criterion> out, String source) {
    List<String> head = new ArrayList<>(item.context);
    int searchFrom = item.start;
    int end = Math.max(item.start, item.end);
    // Segments: text between labels (upper-case heads and field labels), each under its labels.
    List<int[]> labels = new ArrayList<>();
    Matcher h = PDQ_HEAD.matcher(text);
    while (h.find()) {
      labels.add(new int[] {h.start(), h.end(), 1});
    }
    Matcher f = PDQ_FIELD.matcher(text);
    while (f.find()) {
      int at = f.start();
      if (labels.stream().noneMatch(l -> at >= l[0] && at < l[1])) {
        labels.add(new int[] {f.start(), f.end(), 0});
      }
    }
    labels.sort((a, b) -> Integer.compare(a[0], b[0]));
    String upper = null;
    String field = null;
    int pos = 0;
    for (int i = 0; i <= labels.size(); i++) {
      int segEnd = i < labels.size() ? labels.get(i)[0] : text.length();
      if (segEnd > pos) {
        List<String> context = new ArrayList<>(head);
        if (upper != null) {
          context.add(upper);
        }
        if (field != null) {
          context.add(field);
        }
        for (String piece : runOnPieces(text.substring(pos, segEnd))) {
          int at = locate(source, piece, searchFrom, end);
          out.add(new Criterion(item.section, piece, at, Math.min(end, Math.max(at, at + piece.length())), item.depth, context));
          searchFrom = Math.max(searchFrom, at);
        }
      }
      if (i < labels.size()) {
        String label = text.substring(labels.get(i)[0], labels.get(i)[1]).strip();
        if (labels.get(i)[2] == 1) {
          upper = label;
          field = null;
        } else {
          field = label;
        }
        pos = labels.get(i)[1];
      }
    }
  }

  private static List<String> runOnPieces(String segment) {
    List<String> pieces = new ArrayList<>();
    Matcher cut = RUN_ON_CUT.matcher(segment);
    int begin = 0;
    while (cut.find()) {
      String before = segment.substring(begin, cut.start()).strip();
      String[] words = before.split("\\s+");
      String last = words.length == 0 ? "" : words[words.length - 1].toLowerCase(Locale.ROOT);
      if (before.isEmpty() || FUNCTION_WORDS.contains(last) || words.length < 2 && !segment.substring(cut.start(), cut.end()).contains(".")) {
        continue;
      }
      pieces.add(before);
      begin = cut.end();
    }
    String rest = segment.substring(begin).strip();
    if (!rest.isEmpty()) {
      pieces.add(rest);
    }
    pieces.removeIf(p -> p.chars().noneMatch(Character::isLetterOrDigit));
    return pieces;
  }

  /** Where a piece's first words stand in the source, whitespace aside; {@code from} when not found. */
  private static int locate(String source, String piece, int from, int limit) {
    String[] words = piece.split("\\s+");
    StringBuilder regex = new StringBuilder();
    for (int i = 0; i < Math.min(4, words.length); i++) {
      regex.append(i == 0 ? "" : "\\s+").append(Pattern.quote(words[i]));
    }
    Matcher m = Pattern.compile(regex.toString()).matcher(source);
    return m.find(Math.min(from, source.length())) && m.start() <= limit ? m.start() : Math.min(from, limit);
  }

  private static int indent(String raw) {
    int n = 0;
    while (n < raw.length() && (raw.charAt(n) == ' ' || raw.charAt(n) == '\t' || raw.charAt(n) == '\u00a0')) {
      n++;
    }
    return n;
  }

  private static List<Line> lines(String text) {
    List<Line> lines = new ArrayList<>();
    int start = 0;
    int n = text.length();
    for (int i = 0; i <= n; i++) {
      if (i == n || text.charAt(i) == '\n' || text.charAt(i) == '\r') {
        lines.add(new Line(text.substring(start, i), start));
        if (i < n && text.charAt(i) == '\r' && i + 1 < n && text.charAt(i + 1) == '\n') {
          i++;
        }
        start = i + 1;
      }
    }
    return lines;
  }
}
