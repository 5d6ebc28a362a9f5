package org.trialdex.core.celltherapy;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.trialdex.core.celltherapy.Texts.Sentence;

/**
 * The schedule of administrations, from sentences about the product: counts ("two infusions", "a
 * single injection", "3 doses"), frequencies ("weekly for 4 weeks", "every 2 weeks"), days ("on days
 * 0, 7 and 14") and repeats ("a second course after 14 days if no response").
 */
final class Schedules {

  private static final String COUNT_WORD = "single|one|two|three|four|five|six|seven|eight|nine|ten|twelve|once|twice|"
      + "\\d{1,2}";
  private static final String ADMIN = "(?:infusions?|injections?|doses?|administrations?|courses?|treatments?|"
      + "applications?|implantations?|transplantations?|cycles?|sessions?|times)";
  private static final Pattern COUNT = Pattern.compile(
      "\\b(" + COUNT_WORD + ")(?:[\\s-]+(?:time|separate|consecutive|intravenous|iv|intra-?articular|local|repeated|"
          + "sequential|weekly|monthly|cell|mscs?|stem\\s+cell|doses?\\s+of|rounds?\\s+of))*[\\s-]+" + ADMIN + "\\b",
      Pattern.CASE_INSENSITIVE);
  private static final Pattern FREQUENCY = Pattern.compile(
      "\\b(?:(?:once|twice|three\\s+times)\\s+(?:a|per|every)\\s+(?:day|week|month)|weekly|bi-?weekly|monthly|daily"
          + "|every\\s+(?:other\\s+)?(?:\\d{1,2}|two|three|four|six)?\\s*(?:days?|weeks?|months?))"
          + "(?:\\s+(?:for|during|over)\\s+(?:\\d{1,2}|two|three|four|five|six|eight|twelve)\\s+(?:consecutive\\s+)?"
          + "(?:days?|weeks?|months?|doses?|times))?",
      Pattern.CASE_INSENSITIVE);
  private static final Pattern DAYS = Pattern.compile(
      "\\b(?:on|at)\\s+(?:days?|weeks?|months?)\\s+[+-]?\\d{1,3}(?:\\s*(?:,|and|&|/|or)\\s*(?:days?\\s+)?[+-]?\\d{1,3})*"
          + "|\\b(?:days?|weeks?)\\s+[+-]?\\d{1,3}(?:\\s*(?:,|and|&)\\s*[+-]?\\d{1,3})+",
      Pattern.CASE_INSENSITIVE);
  private static final Pattern REPEAT = Pattern.compile(
      "\\bif\\b[^.;]{0,140}?,\\s*(?:a\\s+)?(?:second|third|further|additional|another|repeat(?:ed)?)\\s+(?:course|infusion"
          + "|injection|dose|administration|treatment|cycle)s?\\b[^.;]{0,90}"
          + "|\\b(?:a\\s+)?(?:second|third|further|additional|another|repeat(?:ed)?)\\s+(?:course|infusion|injection|dose|"
          + "administration|treatment|cycle)s?\\b[^.;]{0,90}|\\b(?:may\\s+be|will\\s+be|can\\s+be)\\s+repeated\\b[^.;]{0,60}",
      Pattern.CASE_INSENSITIVE);

  /** How long one administration takes: "over 15 min". */
  private static final Pattern DURATION = Pattern.compile(
      "\\bover\\s+(?:a\\s+period\\s+of\\s+)?(?:about\\s+|approximately\\s+)?\\d{1,3}(?:\\s*(?:-|–|to)\\s*\\d{1,3})?\\s*"
          + "(?:min(?:ute)?s?|hours?|h)\\b",
      Pattern.CASE_INSENSITIVE);

  private static final Map<String, Integer> NUMBERS = Map.ofEntries(Map.entry("single", 1), Map.entry("one", 1),
      Map.entry("once", 1), Map.entry("two", 2), Map.entry("twice", 2), Map.entry("three", 3), Map.entry("four", 4),
      Map.entry("five", 5), Map.entry("six", 6), Map.entry("seven", 7), Map.entry("eight", 8), Map.entry("nine", 9),
      Map.entry("ten", 10), Map.entry("twelve", 12));

  private Schedules() {}

  static Schedule read(List<Sentence> sentences) {
    Map<String, Fact<String>> phrases = new LinkedHashMap<>();
    List<Integer> counts = new ArrayList<>();
    for (Sentence s : sentences) {
      String text = s.section().text();
      for (Pattern p : new Pattern[] {REPEAT, COUNT, FREQUENCY, DAYS, DURATION}) {
        Matcher m = p.matcher(text).region(s.start(), s.end());
        while (m.find()) {
          String phrase = m.group().trim().replaceAll("\\s+", " ");
          if (p == COUNT) {
            String admin = phrase.toLowerCase(Locale.ROOT);
            if (admin.endsWith("times") && !admin.matches("(?:once|twice|\\w+) times?")) {
              continue;
            }
            Integer n = count(m.group(1));
            if (n == null || n > 24 || admin.contains("cycle") && n > 12) {
              continue;
            }
            if (!admin.contains("course") && !admin.contains("cycle")) {
              counts.add(n);
            }
          }
          String key = phrase.toLowerCase(Locale.ROOT);
          if (phrases.size() < 8 && phrases.keySet().stream().noneMatch(k -> k.contains(key))) {
            phrases.put(key, new Fact<>(phrase, List.of(new Evidence(s.section().field(), m.start(), m.end(),
                text.substring(m.start(), m.end())))));
          }
        }
      }
    }
    Integer administrations = counts.isEmpty() || counts.stream().distinct().count() > 1 ? null : counts.get(0);
    return new Schedule(administrations, new ArrayList<>(phrases.values()));
  }

  private static Integer count(String word) {
    String w = word.toLowerCase(Locale.ROOT);
    if (w.matches("\\d+")) {
      int n = Integer.parseInt(w);
      return n == 0 ? null : n;
    }
    return NUMBERS.get(w);
  }
}
