package org.trialdex.ingest.page;

import com.fasterxml.jackson.databind.node.BooleanNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.trialdex.core.model.Phase;
import org.trialdex.core.model.Status;
import org.trialdex.core.model.StudyType;
import org.trialdex.core.normalize.Age;
import org.trialdex.core.normalize.Phases;
import org.trialdex.core.normalize.V2Enums;

/**
 * Values a page shows without labels: placed by their type ({@code RECRUITINGPhase 2INTERVENTIONAL},
 * {@code 18 Years and older, Female}) or taken from the page's own sentences and headings (a phase in
 * the title, the ages of the first inclusion criterion, a disease heading above the title, "sponsored
 * by …"). Every value placed here is a weak reading: its path is marked low confidence in the draft.
 */
final class Unlabelled {

  private final PageParser p;

  Unlabelled(PageParser p) {
    this.p = p;
  }

  private static final java.util.regex.Pattern DISEASE_HEAD = java.util.regex.Pattern.compile(
      "(?:[A-Z][A-Za-z'-]{1,20}\\s(?:(?:and|&|or|of|the)\\s)?){0,4}(?:[Cc]ancers?|[Dd]iseases?|[Dd]isorders?|[Ss]yndromes?|[Tt]umou?rs?|"
      + "[Ll]eukemias?|[Ll]ymphomas?|[Mm]yelomas?|[Cc]arcinomas?|[Ss]arcomas?|[Dd]iabetes|[Ii]nfections?|[Nn]eoplasms?)"
      // "Breast Cancer Clinical Trial": the heading says what the trial is about.
      + "(?=(?:\\s(?:[Cc]linical\\s)?(?:[Tt]rials?|[Ss]tud(?:y|ies)))?$)");

  /**
   * A p.page that files the trial under a disease shows it as a short heading above the title
   * ("Head And Neck Cancer", "Breast Cancer"): the trial's condition when the p.page names none by a
   * label, as a weak reading.
   */
  void diseaseHeading(Line title) {
    if (p.d.has("conditionsModule.conditions")) {
      return;
    }
    for (Line l : p.lines) {
      if (l.index() >= title.index()) {
        return;
      }
      String c = l.text().strip();
      java.util.regex.Matcher m = DISEASE_HEAD.matcher(c);
      if (!l.empty() && c.length() <= 80 && m.lookingAt() && !Vocabulary.chrome(c) && !Vocabulary.navigation(c)) {
        if (p.d.put("conditionsModule.conditions[0]", Val.of(p.page, l).part(p.page, m.group()))) {
          p.d.low("conditionsModule.conditions");
        }
        return;
      }
    }
  }

  private static final java.util.regex.Pattern SPONSORED_BY = java.util.regex.Pattern.compile(
      "\\b(?:sponsored|funded) by ((?:the )?[A-Z][\\w&.'’-]{0,40}(?:\\s(?:of|for|and|&|de|the)?\\s?[A-Z][\\w&.'’()-]{0,40}){0,7})");

  /** "… sponsored by Mayo Clinic." in the p.page's own sentences about the trial: the lead sponsor, as a weak reading. */
  void sponsorInProse() {
    if (p.d.has("sponsorCollaboratorsModule.leadSponsor.name")) {
      return;
    }
    List<String> texts = new ArrayList<>();
    if (p.d.text("descriptionModule.briefSummary") != null) {
      texts.add(p.d.text("descriptionModule.briefSummary"));
    }
    for (Line l : p.loose) {
      texts.add(l.text());
    }
    for (String t : texts) {
      java.util.regex.Matcher m = SPONSORED_BY.matcher(t);
      if (m.find()) {
        String name = m.group(1).replaceFirst("^the ", "");
        // The name ends with its sentence ("… Mayo Clinic. RECRUITING as of …"), not at an abbreviation ("Co., Ltd.").
        java.util.regex.Matcher end = java.util.regex.Pattern.compile("[A-Za-z]{4,}\\.\\s").matcher(name);
        if (end.find()) {
          name = name.substring(0, end.end() - 2);
        }
        name = name.replaceAll("[\\s,;]+$", "");
        int at = p.page.indexOf(name);
        if (p.d.put("sponsorCollaboratorsModule.leadSponsor.name", name, at < 0 ? null : new Val(name, at, at + name.length()))) {
          p.d.low("sponsorCollaboratorsModule.leadSponsor.name");
        }
        return;
      }
    }
  }

  private static final java.util.regex.Pattern GLUE = java.util.regex.Pattern.compile(
      "(?<=[a-z0-9)])(?=[A-Z])|(?<=[A-Z]{2})(?=[A-Z][a-z])|(?<=[a-z]{3})(?=\\d)|\\s[·|•]\\s|\\t");

  /**
   * A short line of values without labels, maybe run together ({@code RECRUITINGPhase 2INTERVENTIONAL},
   * {@code Ages 18-75}, {@code All Genders}): placed by type when every part has one, and marked as
   * read on weak evidence.
   */
  boolean typedLine(Line l) {
    return typedLine(Val.of(p.page, l));
  }

  private static final java.util.regex.Pattern SEX_WORDS = java.util.regex.Pattern.compile(
      "(?i)(?:(?:all|both) (?:genders|sexes)|(?:both )?(?:male|men|males) (?:and|&|or) (?:female|women|females)|"
      + "(?:both )?(?:female|women|females) (?:and|&|or) (?:male|men|males)|(female|women|females|male|men|males)(?: only)?|all|both)");

  private static final java.util.regex.Pattern AGE_WORDS = java.util.regex.Pattern.compile(
      "(?i)(?:ages?\\s{1,3})?(\\d{1,3})\\s{0,2}(years?|yrs?|months?)?\\s{0,2}(?:(?:-|–|to|through)\\s{0,2}(?:(\\d{1,3})\\s{0,2}(years?|yrs?|months?)?|"
      + "undefined|n/?a|any|no limit)|\\+|(?:and|or) (?:older|over|above|up))(?:\\s{0,2}(?:years?|yrs?))?(?:\\s{0,2}\\([^()]{0,60}\\))?");

  private static final java.util.regex.Pattern HEALTHY_WORDS = java.util.regex.Pattern.compile(
      "(?i)(does not |doesn't |do not |no )?(?:accepts?|accepting) healthy volunteers?|healthy volunteers?(?: are)? (not )?(?:accepted|allowed|eligible)|(no )healthy volunteers");

  /**
   * A short run of values without labels, maybe run together ({@code RECRUITINGPhase 2INTERVENTIONAL},
   * {@code 18 Years - undefined (Adult, Older Adult)All SexesDoes not accept healthy volunteers},
   * {@code 18 Years and older, Female}): placed by type when every part has one, and marked as read
   * on weak evidence.
   */
  boolean typedLine(Val line) {
    String c = line.text();
    if (c.length() > 160 || Values.prose(c)) {
      return false;
    }
    List<Runnable> puts = typedParts(line, GLUE.split(c));
    if (puts == null && c.contains(", ")) {
      puts = typedParts(line, c.split(",\\s+|" + GLUE.pattern()));
    }
    if (puts == null && c.contains(": ")) {
      // "Males and Females: Ages 2 through 21 years": two values, the first used as a heading.
      puts = typedParts(line, c.split(":\\s+"));
    }
    if (puts == null || puts.isEmpty()) {
      return false;
    }
    puts.forEach(Runnable::run);
    return true;
  }

  private static final java.util.regex.Pattern STARTED = java.util.regex.Pattern.compile(
      "(?i)(?:started|starts|start date|starting|(?:active|open|recruiting|enrolling|running) since)\\s{1,3}(.{4,30})");

  /** A put whose value, when it is set, is a weak reading. */
  private Runnable weak(java.util.function.BooleanSupplier put, String path) {
    return () -> {
      if (put.getAsBoolean()) {
        p.d.low(path);
      }
    };
  }

  private List<Runnable> typedParts(Val line, String[] split) {
    List<Runnable> puts = new ArrayList<>();
    for (String raw : split) {
      String x = raw.strip();
      if (x.isEmpty()) {
        continue;
      }
      Val v = line.part(p.page, x);
      Optional<Status> st = x.contains(" ") ? Values.status(x) : V2Enums.status(x);
      Optional<StudyType> type = x.matches("(?i)interventional|observational|expanded[ _]access") ? Values.enumOf(StudyType.class, x) : Optional.empty();
      java.util.regex.Matcher age = AGE_WORDS.matcher(x);
      java.util.regex.Matcher healthy = HEALTHY_WORDS.matcher(x);
      java.util.regex.Matcher started = STARTED.matcher(x);
      if (st.isPresent()) {
        puts.add(weak(() -> p.d.put("statusModule.overallStatus", st.get().name(), v), "statusModule.overallStatus"));
      } else if (type.isPresent()) {
        puts.add(weak(() -> p.d.put("designModule.studyType", type.get().name(), v), "designModule.studyType"));
      } else if (Values.isPhase(x) && x.toLowerCase(Locale.ROOT).contains("phase") || x.matches("(?i)early_?phase1|phase\\d(/phase\\d)?")) {
        puts.add(() -> p.phases(v, new ArrayList<>()));
      } else if (SEX_WORDS.matcher(x).matches()) {
        String lower = x.toLowerCase(Locale.ROOT);
        boolean f = lower.matches(".*\\b(?:female|women|females)\\b.*");
        boolean m = lower.matches(".*\\b(?:male|men|males)\\b.*");
        String sex = f && !m ? "FEMALE" : m && !f ? "MALE" : "ALL";
        puts.add(weak(() -> p.d.put("eligibilityModule.sex", sex, v), "eligibilityModule.sex"));
      } else if (age.matches()) {
        puts.add(() -> {
          String unit = age.group(2) != null ? age.group(2) : age.group(4) != null ? age.group(4) : "years";
          Optional<String> min = Age.normalize(age.group(1) + " " + unit);
          Optional<String> max = age.group(3) == null ? Optional.empty()
              : Age.normalize(age.group(3) + " " + (age.group(4) != null ? age.group(4) : unit));
          min.ifPresent(a -> p.d.put("eligibilityModule.minimumAge", a, v));
          max.ifPresent(a -> p.d.put("eligibilityModule.maximumAge", a, v));
          p.d.low("eligibilityModule.minimumAge");
          p.d.low("eligibilityModule.maximumAge");
        });
      } else if (Values.isEnrollment(x) && x.matches("(?i)\\d[\\d,]{0,8}\\s{1,3}(?:participants?|patients?|subjects?|people)(?:\\s{1,3}\\((?:actual|estimated|anticipated)\\))?")) {
        puts.add(weak(() -> p.enrollment(v, ""), "designModule.enrollmentInfo.count"));
      } else if (started.matches() && Values.date(started.group(1)).map(f -> f.start() == 0).orElse(false)) {
        // "Started 2024-07-19", "Active since September 12, 2017".
        Val date = new Val(started.group(1), v.start(), v.end());
        puts.add(weak(() -> p.dateStruct("statusModule.startDateStruct", date, ""), "statusModule.startDateStruct.date"));
      } else if (x.matches("(?i)(?:targeted |target |planned |expected |anticipated )?(?:enrollment|enrolment|accrual)(?: goal)?(?: of|:)?\\s{1,3}\\d[\\d,]{0,8}(?:\\s{1,3}(?:participants?|patients?|subjects?))?")) {
        Val count = new Val(x.replaceAll("[^\\d,]", " ").strip(), v.start(), v.end());
        puts.add(weak(() -> p.enrollment(count, ""), "designModule.enrollmentInfo.count"));
      } else if (Countries.isCountry(x)) {
        // A country shown among the values (where the trial runs): nothing to place, nothing against the line.
        continue;
      } else if (healthy.matches()) {
        boolean no = healthy.group(1) != null || healthy.group(2) != null || healthy.group(3) != null;
        puts.add(weak(() -> p.d.put("eligibilityModule.healthyVolunteers", BooleanNode.valueOf(!no), v),
            "eligibilityModule.healthyVolunteers"));
      } else {
        return null;
      }
    }
    return puts;
  }

  private static final java.util.regex.Pattern PHASE_IN_TEXT = java.util.regex.Pattern.compile(
      "(?i)\\b(?:early\\s{0,2})?phase\\s{0,2}(?:[0-4]|iv|i{1,3})[ab]?\\b(?:\\s{0,2}(?:/|&|-|–|,|and|or)\\s{0,2}(?:phase\\s{0,2})?(?:[0-4]|iv|i{1,3})[ab]?\\b)?");

  /**
   * A p.page without a phase label often names the phase in the trial's title or the first sentence
   * about it ({@code A Phase III Trial of…}, {@code This phase II / III compares…}). Read there, and
   * only when those texts name one phase (or one pair), the phase is marked as read on weak evidence.
   */
  void phaseInProse() {
    java.util.Set<List<Phase>> seen = new java.util.LinkedHashSet<>();
    Val at = null;
    List<String> texts = new ArrayList<>();
    for (String path : new String[] {"identificationModule.briefTitle", "identificationModule.officialTitle",
        "descriptionModule.briefSummary"}) {
      texts.add(p.d.text(path) == null ? null : (path.startsWith("description") ? "description:" : "") + p.d.text(path));
    }
    for (Line l : p.loose) {
      texts.add("description:" + l.text());
    }
    for (String t : texts) {
      String path = t != null && t.startsWith("description:") ? "description" : "title";
      t = t == null ? null : t.replaceFirst("^description:", "");
      if (t == null) {
        continue;
      }
      if (path.startsWith("description")) {
        int end = t.indexOf(". ");
        t = t.substring(0, end < 0 ? Math.min(t.length(), 300) : Math.min(end, 300));
      }
      java.util.regex.Matcher m = PHASE_IN_TEXT.matcher(t);
      while (m.find()) {
        Optional<List<Phase>> ps = Phases.parse(phaseText(m.group()));
        if (ps.isPresent()) {
          seen.add(ps.get());
          if (at == null) {
            int i = p.page.indexOf(m.group());
            at = i >= 0 ? new Val(m.group(), i, i + m.group().length()) : null;
          }
        }
      }
    }
    if (seen.size() == 1) {
      for (Phase phase : seen.iterator().next()) {
        p.phases.put(phase, at == null ? new Val("", 0, 0) : at);
      }
      p.phasesInferred = true;
    }
  }

  /** A phase as registries also write it, in the form the phase parser reads: "Phase IIB" as "Phase II", "Phase I,II" as "Phase I/II". */
  static String phaseText(String t) {
    return t.replaceAll("(?i)\\b((?:phase\\s{0,2})?(?:[0-4]|iv|i{1,3}))[ab]\\b", "$1")
        .replaceAll("(?i)\\b(phase\\s{0,2}(?:[0-4]|iv|i{1,3}))\\s{0,2},\\s{0,2}((?:phase\\s{0,2})?(?:[0-4]|iv|i{1,3}))\\b", "$1/$2");
  }

  private static final java.util.regex.Pattern AGE_BETWEEN = java.util.regex.Pattern.compile(
      "(?i)(?:\\b(?:aged?|ages?|between)\\s{0,3}(?:between\\s{1,3}|from\\s{1,3})?)?\\b(\\d{1,3})\\s{0,3}(?:years?\\s{0,3})?(?:-|–|to|and|through)\\s{0,3}(\\d{1,3})\\s{0,3}(years?|months?)(?=\\s{0,3}(?:old|of age|inclusive|\\)|,|;|$)|(?<=\\b(?:aged?|ages?|between) .{0,12}))");
  /** "ages 2 through 21": a range after "ages" with no unit is in years. */
  private static final java.util.regex.Pattern AGES_NO_UNIT = java.util.regex.Pattern.compile(
      "(?i)\\bages?\\s{1,3}(\\d{1,2})\\s{0,3}(?:-|–|to|through)\\s{0,3}(\\d{1,2})\\b(?!\\s{0,3}(?:months?|weeks?|days?|%))");

  private static final java.util.regex.Pattern AGE_MIXED = java.util.regex.Pattern.compile(
      "(?i)\\b(\\d{1,3})\\s{0,3}(months?|weeks?)\\s{0,3}(?:-|–|to|through)\\s{0,3}(\\d{1,3})\\s{0,3}(years?)\\b");

  private static final java.util.regex.Pattern AGE_MIN = java.util.regex.Pattern.compile(
      "(?i)(?:(?:≥|>=|>/=|=>|at least|older than or equal to)\\s{0,3}(\\d{1,3})\\s{0,3}(years?|months?)|\\b(?:aged?|ages?)\\s{0,3}(\\d{1,3})\\s{0,3}(years?|months?)?\\s{0,3}(?:of age\\s{0,3})?(?:or older|and older|or above|and above|or over|and over|\\+)|"
      + "(\\d{1,3})\\s{0,3}(years?|months?)\\s{0,3}(?:of age|old)?\\s{0,3}(?:or older|and older|or above|and above|or over|and over|\\+))");

  private static final java.util.regex.Pattern AGE_MAX = java.util.regex.Pattern.compile(
      "(?i)(≤|<=|up to|no older than|<|under|younger than|less than)\\s{0,3}(?:the\\s{1,3})?(?:age\\s{0,3}(?:of\\s{1,3})?)?(\\d{1,3})\\s{0,3}(years?|months?)?");

  /**
   * A p.page that shows no age limits as values often states them in its first criteria ("Patient must
   * be ≥ 18 years of age", "women age 45 or older and under age 75"): read from the first inclusion
   * line that speaks of age, as a weak reading. "Under 75" is a maximum of 74, as the registry writes it.
   */
  void agesFromCriteria(List<Line> inclusion) {
    if (inclusion == null) {
      // Criteria shown as a list without any heading, near the top of the p.page.
      inclusion = p.loose.stream().filter(Line::listItem).toList();
    }
    List<Line> sources = new ArrayList<>(inclusion);
    // Then the page's sentences about who can join ("Study participants must be ages 2 through 21"),
    // last a title that states the ages ("… in Patients (Age >/= 12 Years) With …").
    for (Line l : p.loose) {
      if (l.text().matches("(?i).{0,400}\\b(?:must be|participants? (?:are|aged?)|patients? (?:are|aged?)|eligible)\\b.{0,400}")) {
        sources.add(l);
      }
    }
    if (p.titleLine != null) {
      sources.add(p.titleLine);
    }
    inclusion = sources;
    if (p.d.has("eligibilityModule.minimumAge") || p.d.has("eligibilityModule.maximumAge")) {
      return;
    }
    for (Line l : inclusion) {
      String c = l.text();
      String lower = c.toLowerCase(Locale.ROOT);
      if (c.length() > 400) {
        continue;
      }
      Val v = Val.of(p.page, l);
      java.util.regex.Matcher mixed = AGE_MIXED.matcher(c);
      if (mixed.find()) {
        // "6 months to 20 years": each limit with its own unit.
        boolean any = putAge("eligibilityModule.minimumAge", mixed.group(1), mixed.group(2), v);
        any |= putAge("eligibilityModule.maximumAge", mixed.group(3), mixed.group(4), v);
        if (any) {
          p.d.low("eligibilityModule.minimumAge");
          p.d.low("eligibilityModule.maximumAge");
          return;
        }
      }
      if (!lower.matches(".{0,1000}\\b(?:age|aged|ages|old)\\b.{0,1000}")) {
        continue;
      }
      java.util.regex.Matcher noUnit = AGES_NO_UNIT.matcher(c);
      if (noUnit.find()) {
        boolean any = putAge("eligibilityModule.minimumAge", noUnit.group(1), "years", v);
        any |= putAge("eligibilityModule.maximumAge", noUnit.group(2), "years", v);
        if (any) {
          p.d.low("eligibilityModule.minimumAge");
          p.d.low("eligibilityModule.maximumAge");
          return;
        }
      }
      java.util.regex.Matcher between = AGE_BETWEEN.matcher(c);
      java.util.regex.Matcher min = AGE_MIN.matcher(c);
      java.util.regex.Matcher max = AGE_MAX.matcher(c);
      boolean any = false;
      if (between.find()) {
        any |= putAge("eligibilityModule.minimumAge", between.group(1), between.group(3), v);
        any |= putAge("eligibilityModule.maximumAge", between.group(2), between.group(3), v);
      } else {
        if (min.find()) {
          String n = min.group(1) != null ? min.group(1) : min.group(3) != null ? min.group(3) : min.group(5);
          String unit = min.group(2) != null ? min.group(2) : min.group(4) != null ? min.group(4) : min.group(6);
          any |= putAge("eligibilityModule.minimumAge", n, unit, v);
        }
        if (max.find() && (max.group(3) != null || lower.contains("age"))) {
          int n = Integer.parseInt(max.group(2));
          boolean strict = !max.group(1).equals("≤") && !max.group(1).equals("<=") && !max.group(1).equalsIgnoreCase("up to")
              && !max.group(1).equalsIgnoreCase("no older than");
          any |= putAge("eligibilityModule.maximumAge", String.valueOf(strict ? n - 1 : n), max.group(3), v);
        }
      }
      if (any) {
        p.d.low("eligibilityModule.minimumAge");
        p.d.low("eligibilityModule.maximumAge");
        return;
      }
    }
  }

  private boolean putAge(String path, String n, String unit, Val v) {
    Optional<String> a = Age.normalize(n + " " + (unit == null ? "years" : unit));
    return a.isPresent() && p.d.put(path, a.get(), v);
  }
}
