package org.trialdex.ingest.page;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.trialdex.core.model.AgencyClass;
import org.trialdex.core.model.DesignAllocation;
import org.trialdex.core.model.DesignMasking;
import org.trialdex.core.model.InterventionalAssignment;
import org.trialdex.core.model.PrimaryPurpose;
import org.trialdex.core.model.Sex;
import org.trialdex.core.model.StudyType;
import org.trialdex.core.normalize.Age;
import org.trialdex.core.normalize.Enrollment;
import org.trialdex.core.normalize.PartialDate;
import org.trialdex.core.normalize.Phases;
import org.trialdex.core.normalize.V2Enums;

/**
 * Typed values inside page text: dates, age ranges, phones, e-mail addresses, yes/no, and the v2
 * enums pages show as constants or display names. Every pattern here is linear: bounded repeats
 * only, applied to one line.
 */
final class Values {

  private static final Pattern DATE = Pattern.compile(
      "\\d{4}-\\d{1,2}-\\d{1,2}|\\d{4}/\\d{1,2}/\\d{1,2}|\\d{1,2}\\.\\d{1,2}\\.\\d{4}|\\d{1,2}/\\d{1,2}/\\d{4}"
          + "|\\d{1,2}(?:st|nd|rd|th)?[ -][A-Za-z]{3,9}\\.?,?[ -]\\d{4}|[A-Za-z]{3,9}\\.? \\d{1,2}(?:st|nd|rd|th)?,? \\d{4}"
          + "|[A-Za-z]{3,9}\\.?,? \\d{4}|\\d{4}-\\d{1,2}|\\d{1,2}/\\d{4}|\\d{4}");
  private static final Pattern SLASHED = Pattern.compile("(\\d{1,2})/(\\d{1,2})/(\\d{4})");
  private static final Pattern DOTTED = Pattern.compile("(\\d{1,2})\\.(\\d{1,2})\\.(\\d{4})");
  private static final Pattern AGE_RANGE = Pattern.compile(
      "(\\d{1,3})\\s{0,3}(?:-|–|to|~)\\s{0,3}(\\d{1,3})\\s{0,3}(years?|yrs?|months?|weeks?|days?)\\b", Pattern.CASE_INSENSITIVE);
  private static final Pattern AGE = Pattern.compile(
      "(\\d{1,3})\\s{0,3}(years?|yrs?|months?|mos?|weeks?|wks?|days?|hours?|y)\\b(?:\\s{0,3}old)?", Pattern.CASE_INSENSITIVE);
  static final Pattern EMAIL = Pattern.compile("[A-Za-z0-9._%+-]{1,64}@[A-Za-z0-9-]{1,63}(?:\\.[a-z0-9-]{1,63}){1,6}");
  static final Pattern PHONE = Pattern.compile("\\+?\\(?\\d[\\d\\- ().]{5,22}\\d");

  private Values() {}

  /** The first date in {@code text} as v2 writes it, with where it is in the text. */
  static Optional<Found> date(String text) {
    return date(text, false);
  }

  /**
   * The first date in {@code text}; {@code dayFirst} reads {@code 03/02/2021} as 3 February (the
   * page writes its dates day first, see {@link #dayFirst}), else as March 2.
   */
  static Optional<Found> date(String text, boolean dayFirst) {
    Matcher m = DATE.matcher(text);
    while (m.find()) {
      String s = m.group();
      Matcher d = DOTTED.matcher(s);
      Matcher sl = SLASHED.matcher(s);
      if (d.matches()) {
        s = d.group(3) + "-" + d.group(2) + "-" + d.group(1);
      } else if (dayFirst && sl.matches()) {
        s = sl.group(3) + "-" + sl.group(2) + "-" + sl.group(1);
      }
      Optional<PartialDate> p = PartialDate.parse(s.replace('-', ' ').matches("\\d{1,2} [A-Za-z]+ \\d{4}") ? s.replace('-', ' ') : s);
      if (p.isPresent()) {
        return Optional.of(new Found(p.get().toString(), m.start(), m.end()));
      }
    }
    return Optional.empty();
  }

  /**
   * Whether the page writes numeric dates day first: the first {@code a/b/yyyy} date that tells
   * (one part above 12) decides; a page where none tells is read month first, as before.
   */
  static boolean dayFirst(String page) {
    Matcher m = SLASHED.matcher(page);
    while (m.find()) {
      int a = Integer.parseInt(m.group(1));
      int b = Integer.parseInt(m.group(2));
      if (a > 12 && b <= 12) {
        return true;
      }
      if (b > 12 && a <= 12) {
        return false;
      }
    }
    // No date tells: the registry whose id the page shows first writes them its way (ISRCTN, ANZCTR, CTRI,
    // PACTR and the European registers day first; ClinicalTrials.gov month first).
    java.util.regex.Matcher id = DAY_FIRST_REGISTRY.matcher(page);
    java.util.regex.Matcher nct = java.util.regex.Pattern.compile("\\bNCT\\d{8}\\b").matcher(page);
    return id.find() && (!nct.find() || nct.start() > id.start());
  }

  private static final Pattern DAY_FIRST_REGISTRY = Pattern.compile(
      "\\b(?:ISRCTN\\d{8}|ACTRN\\d{14}|CTRI/\\d{4}|PACTR\\d{15}|DRKS\\d{8}|SLCTR/\\d{4}|EUCTR\\d{4}|\\d{4}-\\d{6}-\\d{2})\\b");

  /** A value found in a text, with its place there. */
  record Found(String value, int start, int end) {}

  /** Minimum and maximum age in {@code text}; either may be null. */
  record Ages(Found min, Found max) {}

  static Ages ages(String text) {
    Matcher r = AGE_RANGE.matcher(text);
    if (r.find()) {
      String unit = r.group(3);
      Found min = age(r.group(1) + " " + unit, r.start(1), r.end(3));
      Found max = age(r.group(2) + " " + unit, r.start(2), r.end(3));
      return new Ages(min, max);
    }
    List<Found> found = new ArrayList<>();
    Matcher m = AGE.matcher(text);
    while (m.find() && found.size() < 2) {
      Found f = age(m.group(), m.start(), m.end());
      if (f != null) {
        found.add(f);
      }
    }
    if (found.size() == 2) {
      return new Ages(found.get(0), found.get(1));
    }
    if (found.size() == 1) {
      String lower = text.toLowerCase(Locale.ROOT);
      boolean max = lower.contains("up to") || lower.contains("under") || lower.contains("younger")
          || lower.contains("<") || lower.contains("≤") || lower.contains("max") || lower.contains("below")
          || lower.contains("less than");
      boolean min = lower.contains("older") || lower.contains("over") || lower.contains("above") || lower.contains("+")
          || lower.contains(">") || lower.contains("≥") || lower.contains("min") || lower.contains("at least")
          || lower.contains("and up");
      if (max && !min) {
        return new Ages(null, found.get(0));
      }
      if (min && !max) {
        return new Ages(found.get(0), null);
      }
    }
    return new Ages(null, null);
  }

  private static Found age(String text, int start, int end) {
    return Age.normalize(text.replaceAll("\\s+old$", "")).map(a -> new Found(a, start, end)).orElse(null);
  }

  static boolean isAge(String text) {
    return Age.parse(text.replaceAll("(?i)\\s+old$", "")).isPresent();
  }

  /** {@code Yes}/{@code No} and their spellings, or null. */
  static Boolean yesNo(String text) {
    String s = text.strip().toLowerCase(Locale.ROOT).replaceAll("[.!]$", "");
    return switch (s) {
      case "yes", "y", "true", "accepts healthy volunteers", "accepted", "yes, accepted" -> Boolean.TRUE;
      case "no", "n", "false", "not accepted", "no, not accepted" -> Boolean.FALSE;
      default -> null;
    };
  }

  static Optional<Sex> sex(String text) {
    String s = text.strip().toLowerCase(Locale.ROOT);
    if (s.equals("both") || s.equals("all genders") || s.equals("all sexes")
        || s.matches("(?:both,? )?(?:males?|men) (?:and|or|&) (?:females?|women)|(?:both,? )?(?:females?|women) (?:and|or|&) (?:males?|men)")) {
      return Optional.of(Sex.ALL);
    }
    if (s.equals("males") || s.equals("men")) {
      return Optional.of(Sex.MALE);
    }
    if (s.equals("females") || s.equals("women")) {
      return Optional.of(Sex.FEMALE);
    }
    return V2Enums.parse(Sex.class, text);
  }

  static <E extends Enum<E>> Optional<E> enumOf(Class<E> type, String text) {
    String t = text.replaceAll("(?i)is(ed|ation)\\b", "iz$1").replaceAll("^[*_\\s]+|[*_\\s]+$", "");
    if (type == DesignMasking.class) {
      String l = t.toLowerCase(Locale.ROOT);
      if (l.startsWith("open") || l.startsWith("none") || l.equals("no masking") || l.equals("unblinded")) {
        return Optional.of(type.cast(DesignMasking.NONE));
      }
      if (l.startsWith("double-blind") || l.startsWith("double blind")) {
        return Optional.of(type.cast(DesignMasking.DOUBLE));
      }
      if (l.startsWith("single-blind") || l.startsWith("single blind")) {
        return Optional.of(type.cast(DesignMasking.SINGLE));
      }
      if (l.startsWith("triple-blind") || l.startsWith("triple blind")) {
        return Optional.of(type.cast(DesignMasking.TRIPLE));
      }
    }
    if (type == InterventionalAssignment.class) {
      String l = t.toLowerCase(Locale.ROOT);
      if (l.equals("single arm") || l.equals("single-arm") || l.equals("single group")) {
        return Optional.of(type.cast(InterventionalAssignment.SINGLE_GROUP));
      }
      if (l.equals("parallel group") || l.equals("parallel-group")) {
        return Optional.of(type.cast(InterventionalAssignment.PARALLEL));
      }
    }
    if (type == DesignAllocation.class && t.toLowerCase(Locale.ROOT).startsWith("randomized")) {
      return Optional.of(type.cast(DesignAllocation.RANDOMIZED));
    }
    return V2Enums.parse(type, t);
  }

  /** A design value shown without its label: the enum it belongs to decides the field. */
  static String designPath(String text) {
    if (text.length() > 60) {
      return null;
    }
    if (V2Enums.parse(DesignAllocation.class, text).isPresent()) {
      return "designModule.designInfo.allocation";
    }
    if (V2Enums.parse(InterventionalAssignment.class, text).isPresent()) {
      return "designModule.designInfo.interventionModel";
    }
    if (V2Enums.parse(DesignMasking.class, text).isPresent()) {
      return "designModule.designInfo.maskingInfo.masking";
    }
    if (V2Enums.parse(PrimaryPurpose.class, text).isPresent()) {
      return "designModule.designInfo.primaryPurpose";
    }
    if (V2Enums.parse(StudyType.class, text).isPresent()) {
      return "designModule.studyType";
    }
    return null;
  }

  static String designValue(String path, String text) {
    Class<? extends Enum<?>> type = switch (path) {
      case "designModule.designInfo.allocation" -> DesignAllocation.class;
      case "designModule.designInfo.interventionModel" -> InterventionalAssignment.class;
      case "designModule.designInfo.maskingInfo.masking" -> DesignMasking.class;
      case "designModule.designInfo.primaryPurpose" -> PrimaryPurpose.class;
      default -> StudyType.class;
    };
    return name(type, text);
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private static String name(Class type, String text) {
    Optional<Enum> e = enumOf(type, text);
    return e.map(Enum::name).orElse(null);
  }

  static boolean isPhase(String text) {
    return text.length() < 60 && Phases.parse(text).isPresent()
        && (text.toLowerCase(Locale.ROOT).contains("phase") || text.matches("(?i)n/?a|not applicable"))
        // The words of a phase and nothing else ("Phase 1/Phase 2", "Phase Ⅰ/Ⅱ", "Early Phase 1 (pilot)"), not a sentence naming phases.
        && !text.strip().matches("(?i).{0,60}\\b(?:about|the|more|learn|trials|studies|are|is|of)\\b.{0,60}");
  }

  static boolean isEnrollment(String text) {
    return text.length() < 60 && Enrollment.parse(text).isPresent()
        && text.toLowerCase(Locale.ROOT).matches(".*\\d.*(participants?|patients?|subjects?|people|persons?|enrolled).*");
  }

  /** An agency class constant shown as its own line ({@code OTHER}, {@code INDUSTRY}, {@code NIH}). */
  static Optional<AgencyClass> agencyClass(String text) {
    String s = text.strip();
    if (!s.equals(s.toUpperCase(Locale.ROOT)) || s.length() > 12) {
      return Optional.empty();
    }
    return V2Enums.parse(AgencyClass.class, s);
  }

  // Registry and portal wording for recruitment statuses, by the words a status starts with.
  private static final String[][] STATUS_WORDS = {
      {"not yet recruiting", "NOT_YET_RECRUITING"}, {"not yet open", "NOT_YET_RECRUITING"},
      {"pending", "NOT_YET_RECRUITING"}, {"preinitiation", "NOT_YET_RECRUITING"}, {"planned", "NOT_YET_RECRUITING"},
      {"approved not yet recruiting", "NOT_YET_RECRUITING"}, {"authorised not started", "NOT_YET_RECRUITING"},
      {"enrolling by invitation", "ENROLLING_BY_INVITATION"}, {"by invitation", "ENROLLING_BY_INVITATION"},
      {"active not recruiting", "ACTIVE_NOT_RECRUITING"}, {"no longer recruiting", "ACTIVE_NOT_RECRUITING"},
      {"closed to accrual", "ACTIVE_NOT_RECRUITING"}, {"closed to enrollment", "ACTIVE_NOT_RECRUITING"},
      {"closed to enrolment", "ACTIVE_NOT_RECRUITING"}, {"closed to recruitment", "ACTIVE_NOT_RECRUITING"},
      {"closed to new patients", "ACTIVE_NOT_RECRUITING"}, {"recruitment complete", "ACTIVE_NOT_RECRUITING"},
      {"recruitment completed", "ACTIVE_NOT_RECRUITING"}, {"recruitment closed", "ACTIVE_NOT_RECRUITING"},
      {"enrollment closed", "ACTIVE_NOT_RECRUITING"}, {"enrolment closed", "ACTIVE_NOT_RECRUITING"},
      {"ongoing not recruiting", "ACTIVE_NOT_RECRUITING"}, {"active but not recruiting", "ACTIVE_NOT_RECRUITING"},
      {"not recruiting", "ACTIVE_NOT_RECRUITING"},
      {"active recruiting", "RECRUITING"}, {"active currently enrolling", "RECRUITING"}, {"actively enrolling", "RECRUITING"},
      {"active enrolling", "RECRUITING"}, {"currently enrolling", "RECRUITING"}, {"active open", "RECRUITING"},
      {"recruiting", "RECRUITING"}, {"currently recruiting", "RECRUITING"}, {"open public recruiting", "RECRUITING"},
      {"open to accrual", "RECRUITING"}, {"open to enrollment", "RECRUITING"}, {"open to enrolment", "RECRUITING"},
      {"open for enrollment", "RECRUITING"}, {"open for enrolment", "RECRUITING"}, {"open to recruitment", "RECRUITING"},
      {"open for recruitment", "RECRUITING"}, {"open to new patients", "RECRUITING"}, {"actively recruiting", "RECRUITING"},
      {"now recruiting", "RECRUITING"}, {"recruiting now", "RECRUITING"}, {"ongoing recruiting", "RECRUITING"},
      {"accepting patients", "RECRUITING"}, {"accepting participants", "RECRUITING"}, {"enrolling", "RECRUITING"},
      {"open", "RECRUITING"},
      {"completed", "COMPLETED"}, {"complete", "COMPLETED"}, {"finished", "COMPLETED"}, {"ended", "COMPLETED"},
      {"closed", "ACTIVE_NOT_RECRUITING"}, {"main results already published", "COMPLETED"},
      {"terminated", "TERMINATED"}, {"prematurely ended", "TERMINATED"}, {"stopped", "TERMINATED"},
      {"halted prematurely", "TERMINATED"}, {"discontinued", "TERMINATED"}, {"early termination", "TERMINATED"},
      {"withdrawn", "WITHDRAWN"}, {"cancelled", "WITHDRAWN"}, {"canceled", "WITHDRAWN"},
      {"suspended", "SUSPENDED"}, {"temporarily halted", "SUSPENDED"}, {"temporarily closed", "SUSPENDED"},
      {"on hold", "SUSPENDED"}, {"temporarily suspended", "SUSPENDED"},
      {"unknown", "UNKNOWN"}};

  /**
   * A recruitment status in v2 spelling or in the words registries and portals use ({@code Open to
   * accrual}, {@code No longer recruiting}, {@code Prematurely Ended}, {@code Preinitiation}),
   * followed by at most a few further words ({@code Completed (results posted)}). The longest
   * wording that starts the value wins; an unknown wording gives empty.
   */
  static Optional<org.trialdex.core.model.Status> status(String text) {
    Optional<org.trialdex.core.model.Status> v2 = org.trialdex.core.normalize.V2Enums.status(text);
    if (v2.isPresent() || text.length() > 80) {
      return v2;
    }
    // "Study Complete", "Trial status: open": the words before the status name what it is of.
    String t = " " + text.toLowerCase(Locale.ROOT).replaceAll("[^a-z]+", " ").strip()
        .replaceFirst("^(?:study|trial)(?: status)? (?=[a-z])", "") + " ";
    String best = null;
    int bestLength = 0;
    for (String[] w : STATUS_WORDS) {
      if (t.startsWith(" " + w[0] + " ") && w[0].length() > bestLength) {
        best = w[1];
        bestLength = w[0].length();
      }
    }
    if (best == null || t.strip().split(" ").length > bestLength / 3 + 5) {
      return Optional.empty();
    }
    return Optional.of(org.trialdex.core.model.Status.valueOf(best));
  }

  /**
   * A sentence that defines a field rather than giving its value, as help and glossary pages write
   * under each label: {@code The title of the clinical trial.}, {@code Name of sponsoring
   * organization(s) that initiated the clinical investigation…}.
   */
  static boolean definition(String text) {
    String t = text.strip().toLowerCase(Locale.ROOT);
    if (t.length() < 20 || t.length() > 600) {
      return false;
    }
    boolean generic = t.matches(".{0,600}\\b(?:the|a|any|each) (?:clinical )?(?:trial|study|investigation|participants?)\\b.{0,600}")
        || t.contains("(s)") || t.matches(".{0,600}\\b(?:refers to|is defined as|means|is the|are the|describes)\\b.{0,600}");
    boolean opens = t.matches("(?:the|a|an|name|names|protocol|official|unique|title|number|date|identifier|abbreviation|"
        + "short|brief|list|description|type|organi[sz]ation|person|entity)\\b.{0,600}");
    return generic && opens && (t.endsWith(".") || t.contains("(s)"));
  }

  /** A placeholder or answer where a name belongs: {@code Yes Yes}, {@code N/A}, {@code Not provided}. */
  static boolean noName(String text) {
    return text.strip().matches("(?i)(?:(?:yes|no|n/?a|none|nil|not applicable|not provided(?: at time of registration)?|"
        + "not specified|unknown|tbd|-+)\\s{0,3}[,;/]?\\s{0,3}){1,4}");
  }

  /**
   * A study type in v2 spelling or as registries word it: {@code Interventional clinical trial of
   * medicinal product}, {@code RCT}, {@code Randomised controlled trial}, {@code Observational study}.
   */
  static Optional<StudyType> studyType(String text) {
    Optional<StudyType> v2 = enumOf(StudyType.class, text);
    if (v2.isPresent() || text.length() > 120) {
      return v2;
    }
    String t = text.strip().toLowerCase(Locale.ROOT);
    if (t.matches("interventional\\b.{0,120}|rct\\b.{0,60}|randomi[sz]ed\\b.{0,30}\\b(?:trial|study)\\b.{0,60}|"
        + "(?:non-?randomi[sz]ed|single[- ]arm|open[- ]label)\\b.{0,30}\\b(?:trial|study)\\b.{0,40}|clinical trial|treatment study")) {
      return Optional.of(StudyType.INTERVENTIONAL);
    }
    if (t.matches("observational\\b.{0,120}|(?:prospective |retrospective )?(?:cohort|case[- ]control|cross[- ]sectional|registry) study\\b.{0,40}")) {
      return Optional.of(StudyType.OBSERVATIONAL);
    }
    if (t.matches("expanded access\\b.{0,80}")) {
      return Optional.of(StudyType.EXPANDED_ACCESS);
    }
    return Optional.empty();
  }

  /** Text for comparison: lower case, letters and digits only, one blank between words. */
  static String normText(String s) {
    return s.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", " ").strip();
  }

  static boolean sameText(String a, String b) {
    return normText(a).equals(normText(b));
  }

  /** A sponsor's name and the agency class a page wrote after it, as {@code Acme (Industry)}. */
  record Sponsor(String name, AgencyClass agencyClass) {}

  private static final java.util.regex.Pattern CLASS_SUFFIX = java.util.regex.Pattern.compile(
      "(?i)\\s{0,3}(?:[(\\[]\\s{0,2}([A-Za-z. _-]{2,20}?)\\s{0,2}[)\\]]|[,;–—-]\\s{0,3}([A-Za-z. _-]{2,20}))$");

  /**
   * The sponsor's name without the class suffix portals add ({@code (Industry)}, {@code [Other]},
   * {@code - NIH}, {@code (U.S. Fed)}), and that class. A bracket that is not a class
   * ({@code (Shanghai)}) stays part of the name.
   */
  static Sponsor sponsor(String text) {
    String t = text.strip();
    java.util.regex.Matcher m = CLASS_SUFFIX.matcher(t);
    if (m.find() && m.start() > 0) {
      String word = (m.group(1) != null ? m.group(1) : m.group(2)).strip().toLowerCase(Locale.ROOT).replaceAll("[.\\s_-]+", " ").strip();
      // The v2 names and spellings (Industry, NIH, U.S. Fed, Other Gov…), and the words portals spell out.
      AgencyClass c = V2Enums.parse(AgencyClass.class, word).orElse(switch (word) {
        case "federal", "u s federal", "us federal" -> AgencyClass.FED;
        case "other government", "other u s fed", "gov" -> AgencyClass.OTHER_GOV;
        case "individual" -> AgencyClass.INDIV;
        case "ambiguous" -> AgencyClass.AMBIG;
        default -> null;
      });
      if (c != null) {
        return new Sponsor(t.substring(0, m.start()).strip(), c);
      }
    }
    return new Sponsor(t, null);
  }

  /** A sentence ends here and another begins: prose, not a value. */
  static boolean prose(String text) {
    return text.length() > 200 || text.matches("(?s).{0,2000}?[a-z)][.!?] [A-Z].{0,2000}") && text.length() > 60;
  }
}
