package org.trialdex.core.validate;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.trialdex.core.normalize.Age;

/**
 * The age limits an eligibility criteria text states in words, read conservatively: only the
 * inclusion part (before the first "Exclusion" heading, where "age over 75" would mean the
 * opposite), only statements with an age cue ("aged 15 to 70", "18-65 years old",
 * "age ≥ 18 years", "between 18 and 75 years of age", "older than 18", "18 years or older"), and
 * only when all statements of one kind agree. Texts that state several different ranges, name
 * cohorts or aims, or put a minimum above a maximum (parents and children) give nothing; so do
 * statements with words around them that make them about something else (a donor, a duration, a
 * gestational or bone age, "typically"). A stated minimum of 0 is no limit.
 *
 * <p>A strict bound is ambiguous in practice ({@code age > 18} is registered as 18 and as 19), so
 * it stands for both values.
 */
final class CriteriaAges {

  private CriteriaAges() {}

  /** A limit the text states: the values it may mean and the words that state it. */
  record Bound(List<Age> values, String span) {

    boolean allows(Age structured) {
      return values.stream().anyMatch(v -> Math.abs(v.days() - structured.days()) < 1e-6);
    }

    String describe() {
      return values.size() == 1 ? values.get(0).toString()
          : values.get(0) + " or " + values.get(1);
    }

    boolean agrees(Bound other) {
      return values.stream().anyMatch(other::allows);
    }
  }

  /** What the text says of each limit, each empty when it says nothing clear. */
  record Limits(Optional<Bound> minimum, Optional<Bound> maximum) {}

  private static final String N1 = "(?<n1>\\d{1,3})";
  private static final String N2 = "(?<n2>\\d{1,3})";
  private static final String U1 = "(?<u1>years?|yrs?|months?|weeks?|days?)";
  private static final String U2 = "(?<u2>years?|yrs?|months?|weeks?|days?)";
  private static final String TO = "\\s*(?:-|to|and|through)\\s*";
  private static final int F = Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE;

  // "aged from 15 to 70 years old", "age 18-65", "children aged 2 to 17", "age 18 months through 17 years"
  private static final Pattern AGED_RANGE = Pattern.compile(
      "\\bage[ds]?\\s*(?:from|of|between|is|:)?\\s*" + N1 + "\\s*(?:" + U1 + "\\s*(?:old\\s*)?)?" + TO + N2
          + "(?:\\s*" + U2 + ")?", F);
  // "between the ages of 18 and 75"
  private static final Pattern BETWEEN_AGES = Pattern.compile(
      "\\bbetween\\s+the\\s+ages?\\s+of\\s+" + N1 + "(?:\\s*" + U1 + ")?" + TO + N2 + "(?:\\s*" + U2 + ")?", F);
  // "between 18 and 75 years of age"
  private static final Pattern BETWEEN = Pattern.compile(
      "\\bbetween\\s+" + N1 + "(?:\\s*" + U1 + ")?" + TO + N2 + "\\s*" + U2 + "\\s*(?:of\\s+age|old)", F);
  // "18-65 years", "4-70 years old": a bare range, read only next to words about who may join.
  private static final Pattern BARE_RANGE = Pattern.compile(
      "\\b" + N1 + "\\s*(?:" + U1 + "\\s*)?(?:-|to)\\s*" + N2 + "\\s*" + U2 + "\\b", F);
  private static final Pattern PERSON_CUE = Pattern.compile(
      "\\b(?:age[ds]?|old|patients?|subjects?|participants?|volunteers?|men|women|males?|females?|adults?"
          + "|children|adolescents?|people|persons?|individuals?)\\b", F);
  // Words near a number that make it something other than the participant's age.
  private static final Pattern NOT_AN_AGE = Pattern.compile(
      "\\b(?:ago|duration|history|since|diagnos\\w*|follow\\w*|survival|expectancy|smok\\w*|pack|period|interval"
          + "|after|not|gestational|gestation|bone|skeletal|mental|corrected|donors?|typically|usually|defined|mother"
          + "|parents?|caregivers?|partners?|siblings?|maternal|paternal|guardians?|consent|minors?|first)\\b", F);
  // Several cohorts or aims each with their own ages: the text alone cannot say which is meant.
  private static final Pattern COHORTS = Pattern.compile("\\b(?:cohorts?|aim\\s*\\d|part\\s+[ab12]|group\\s+[ab12])\\b"
      + "|(?m)^[\\s*•\\-]*(?:children|adults|pediatric|paediatric|adolescents)\\s*:", F);
  // "age ≥ 18 years", "aged over 18", "age of at least 18", "age > 18"
  private static final Pattern AGE_AT_LEAST = Pattern.compile(
      "\\bage[ds]?\\s*(?:of\\s+)?(?<op>>=|at\\s+least|>|(?:greater|older|more)\\s+than|over|above)\\s*" + N1
          + "(?:\\s*" + U1 + ")?", F);
  // "patients older than 18": only after a word for a person.
  private static final Pattern OLDER_THAN = Pattern.compile(
      "\\b(?:patients?|subjects?|participants?|volunteers?|men|women|males?|females?|adults?|children|individuals?)"
          + "\\s+(?<op>older\\s+than)\\s*" + N1 + "(?:\\s*" + U1 + ")?", F);
  // "18 years or older", "18 years of age or above"
  private static final Pattern OR_OLDER = Pattern.compile(
      "\\b" + N1 + "\\s*" + U1 + "\\s*(?:of\\s+age\\s*|old\\s*)?(?:or|and)\\s*(?:older|over|above)\\b", F);
  // ">= 18 years of age", "over 18 years old"
  private static final Pattern AT_LEAST_OF_AGE = Pattern.compile(
      "(?<op>>=|>|\\bover|\\babove|\\bat\\s+least)\\s*" + N1 + "\\s*" + U1 + "\\s*(?:of\\s+age|old)\\b", F);
  // "age ≤ 75", "aged under 75", "patients younger than 75 years"
  private static final Pattern AGE_AT_MOST = Pattern.compile(
      "\\bage[ds]?\\s*(?:of\\s+)?(?<op><=|at\\s+most|up\\s+to|<|(?:younger|less)\\s+than|under|below)\\s*" + N1
          + "(?:\\s*" + U1 + ")?", F);
  private static final Pattern YOUNGER_THAN = Pattern.compile(
      "\\b(?:patients?|subjects?|participants?|volunteers?|men|women|males?|females?|adults?|children|individuals?)"
          + "\\s+(?<op>younger\\s+than)\\s*" + N1 + "(?:\\s*" + U1 + ")?", F);

  private static final Pattern EXCLUSION = Pattern.compile("(?im)^[\\s*#•\\-]*exclusions?\\b|\\bexclusion\\s+criteria");

  /** The limits the inclusion part of {@code criteria} states. */
  static Limits of(String criteria) {
    Limits none = new Limits(Optional.empty(), Optional.empty());
    if (criteria == null || criteria.isBlank()) {
      return none;
    }
    String text = inclusion(plain(criteria));
    if (COHORTS.matcher(text).find()) {
      return none;
    }
    StringBuilder masked = new StringBuilder(text);
    List<Bound> mins = new ArrayList<>();
    List<Bound> maxs = new ArrayList<>();
    for (Pattern range : List.of(AGED_RANGE, BETWEEN_AGES, BETWEEN, BARE_RANGE)) {
      Matcher m = range.matcher(masked);
      while (m.find()) {
        if (aboutSomethingElse(text, m) || (range == BARE_RANGE && !nearAPerson(text, m))) {
          continue;
        }
        int low = Integer.parseInt(m.group("n1"));
        int high = Integer.parseInt(m.group("n2"));
        Age.Unit highUnit = unit(m.group("u2"), Age.Unit.YEARS);
        Age.Unit lowUnit = unit(m.group("u1"), highUnit);
        if (new Age(low, lowUnit).compareTo(new Age(high, highUnit)) < 0) {
          String span = text.substring(m.start(), m.end()).strip();
          mins.add(new Bound(List.of(new Age(low, lowUnit)), span));
          maxs.add(new Bound(List.of(new Age(high, highUnit)), span));
        }
        mask(masked, m);
      }
    }
    for (Pattern single : List.of(AGE_AT_LEAST, OLDER_THAN, OR_OLDER, AT_LEAST_OF_AGE, AGE_AT_MOST, YOUNGER_THAN)) {
      boolean upper = single == AGE_AT_MOST || single == YOUNGER_THAN;
      Matcher m = single.matcher(masked);
      while (m.find()) {
        if (aboutSomethingElse(text, m)) {
          continue;
        }
        String op = single == OR_OLDER ? ">=" : m.group("op").toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
        int n = Integer.parseInt(m.group("n1"));
        Age.Unit unit = unit(m.group("u1"), Age.Unit.YEARS);
        boolean strict = Set.of(">", "<", "over", "above", "under", "below").contains(op) || op.endsWith("than");
        String span = text.substring(m.start(), m.end()).strip();
        List<Age> values = !strict ? List.of(new Age(n, unit))
            : upper ? (n > 0 ? List.of(new Age(n - 1, unit), new Age(n, unit)) : List.of(new Age(n, unit)))
            : List.of(new Age(n, unit), new Age(n + 1, unit));
        (upper ? maxs : mins).add(new Bound(values, span));
        mask(masked, m);
      }
    }
    Optional<Bound> min = agreed(mins).filter(b -> b.values().get(0).value() > 0);  // "0-21 years": no lower limit
    Optional<Bound> max = agreed(maxs);
    if (min.isPresent() && max.isPresent()
        && min.get().values().get(0).compareTo(max.get().values().get(max.get().values().size() - 1)) >= 0) {
      return none;  // a minimum above the maximum: statements about different people
    }
    return new Limits(min, max);
  }

  /** The one limit all statements allow, or empty when there is none or they disagree. */
  private static Optional<Bound> agreed(List<Bound> bounds) {
    if (bounds.isEmpty()) {
      return Optional.empty();
    }
    Bound first = bounds.get(0);
    for (Bound b : bounds) {
      if (!b.agrees(first) || b.values().stream().anyMatch(v -> v.days() > 120 * 365.25)) {
        return Optional.empty();
      }
    }
    return Optional.of(first);
  }

  private static boolean nearAPerson(String text, Matcher m) {
    int lineStart = text.lastIndexOf('\n', m.start()) + 1;
    String before = text.substring(Math.max(lineStart, m.start() - 40), m.start());
    String after = text.substring(m.end(), Math.min(text.length(), m.end() + 8)).toLowerCase(Locale.ROOT);
    return PERSON_CUE.matcher(before).find() || after.startsWith(" old") || after.startsWith(" of age");
  }

  /** True when words just around the statement make it about a donor, a duration, a gestational age... */
  private static boolean aboutSomethingElse(String text, Matcher m) {
    int lineStart = text.lastIndexOf('\n', m.start()) + 1;
    int lineEnd = text.indexOf('\n', m.end());
    String window = text.substring(Math.max(lineStart, m.start() - 50),
        Math.min(lineEnd < 0 ? text.length() : lineEnd, m.end() + 40));
    return NOT_AN_AGE.matcher(window).find();
  }

  private static Age.Unit unit(String word, Age.Unit otherwise) {
    if (word == null) {
      return otherwise;
    }
    return switch (Character.toLowerCase(word.charAt(0))) {
      case 'm' -> Age.Unit.MONTHS;
      case 'w' -> Age.Unit.WEEKS;
      case 'd' -> Age.Unit.DAYS;
      default -> Age.Unit.YEARS;
    };
  }

  private static void mask(StringBuilder masked, Matcher m) {
    for (int i = m.start(); i < m.end(); i++) {
      masked.setCharAt(i, ' ');
    }
  }

  /** Markdown escapes and typographic signs as plain ASCII, length kept where it matters little. */
  private static String plain(String criteria) {
    return criteria.replaceAll("\\\\([<>=~\\-])", "$1")
        .replace("≥", ">=").replace("≧", ">=").replace("⩾", ">=").replace("≤", "<=").replace("≦", "<=").replace("⩽", "<=")
        .replace("＞", ">").replace("＜", "<").replace('–', '-').replace('—', '-').replace('~', '-');
  }

  private static String inclusion(String text) {
    Matcher m = EXCLUSION.matcher(text);
    return m.find() ? text.substring(0, m.start()) : text;
  }
}
