package org.trialdex.core.normalize;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.trialdex.core.model.Phase;

/**
 * Reads trial phases as registries write them: {@code Phase 1/Phase 2}, {@code Phase 2/3},
 * {@code Phase I/II}, {@code Phase Ⅰ/Ⅱ} (Unicode roman numerals), {@code Early Phase 1}, {@code N/A},
 * {@code PHASE2}, {@code Phase 1|Phase 2}.
 * v2 gives a combined phase as two values ({@code ["PHASE1","PHASE2"]}).
 */
public final class Phases {

  private static final Pattern NUMBER = Pattern.compile("\\b(IV|III|II|I|4|3|2|1|0)\\b");

  private Phases() {}

  /**
   * The phases {@code text} names, in order, or empty when it names none. {@code N/A} and
   * {@code Not Applicable} give {@link Phase#NA}.
   */
  public static Optional<List<Phase>> parse(String text) {
    if (text == null || text.isBlank()) {
      return Optional.empty();
    }
    String s = romanLetters(text.strip()).toUpperCase(Locale.ROOT).replace('_', ' ');
    String compact = s.replaceAll("[^A-Z0-9]", "");
    if (compact.equals("NA") || compact.equals("NOTAPPLICABLE") || compact.equals("NONE")) {
      return Optional.of(List.of(Phase.NA));
    }
    if (compact.equals("EARLYPHASE1") || compact.equals("PHASE0") || compact.equals("EARLYPHASEI")) {
      return Optional.of(List.of(Phase.EARLY_PHASE1));
    }
    if (!s.contains("PHASE") && !s.matches("[0-9IV/ ,|-]+")) {
      return Optional.empty();
    }
    // "PHASE2" (v2) and "PHASE 2" read the same.
    s = s.replaceAll("PHASE(?=[0-9IV])", "PHASE ");
    List<Phase> phases = new ArrayList<>();
    Matcher m = NUMBER.matcher(s);
    boolean early = s.contains("EARLY");
    while (m.find()) {
      Phase p = switch (m.group(1)) {
        case "0" -> Phase.EARLY_PHASE1;
        case "1", "I" -> early && phases.isEmpty() ? Phase.EARLY_PHASE1 : Phase.PHASE1;
        case "2", "II" -> Phase.PHASE2;
        case "3", "III" -> Phase.PHASE3;
        default -> Phase.PHASE4;
      };
      if (!phases.contains(p)) {
        phases.add(p);
      }
    }
    return phases.isEmpty() ? Optional.empty() : Optional.of(List.copyOf(phases));
  }

  /** Unicode roman numeral characters (Ⅰ U+2160 to Ⅳ U+2163, ⅰ U+2170 to ⅳ U+2173) as Latin letters. */
  private static String romanLetters(String s) {
    StringBuilder sb = new StringBuilder(s.length() + 4);
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      int n = c >= '\u2160' && c <= '\u2163' ? c - '\u2160' : c >= '\u2170' && c <= '\u2173' ? c - '\u2170' : -1;
      sb.append(n < 0 ? String.valueOf(c) : new String[] {"I", "II", "III", "IV"}[n]);
    }
    return sb.toString();
  }
}
