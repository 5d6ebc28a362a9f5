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
    return false;
  }

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
    if (s.equals("male and female") || s.equals("both") || s.equals("female and male") || s.equals("all genders")
        || s.equals("both males and females") || s.equals("both, male and female")) {
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
        && (text.toLowerCase(Locale.ROOT).contains("phase") || text.matches("(?i)n/?a|not applicable"));
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

  /** A sentence ends here and another begins: prose, not a value. */
  static boolean prose(String text) {
    return text.length() > 200 || text.matches("(?s).{0,2000}?[a-z)][.!?] [A-Z].{0,2000}") && text.length() > 60;
  }
}
