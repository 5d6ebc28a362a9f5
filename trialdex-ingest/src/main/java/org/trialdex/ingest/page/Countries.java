package org.trialdex.ingest.page;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Country names as location lines write them ({@code China}, {@code Korea, Republic of},
 * {@code United States}), and the country a flag emoji stands for. Names come from the JDK's ISO
 * 3166 table in English, plus the spellings registries use.
 */
final class Countries {

  private static final Map<String, String> NAMES = new HashMap<>();
  private static final Map<String, String> BY_CODE = new HashMap<>();

  static {
    for (String code : Locale.getISOCountries()) {
      String name = Locale.of("", code).getDisplayCountry(Locale.ENGLISH);
      BY_CODE.put(code, name);
      NAMES.put(name.toLowerCase(Locale.ROOT), name);
    }
    String[][] aliases = {
        {"usa", "United States"}, {"u.s.", "United States"}, {"united states of america", "United States"},
        {"uk", "United Kingdom"}, {"great britain", "United Kingdom"}, {"england", "United Kingdom"},
        {"scotland", "United Kingdom"}, {"wales", "United Kingdom"},
        {"korea, republic of", "Korea, Republic of"}, {"republic of korea", "Korea, Republic of"},
        {"south korea", "Korea, Republic of"}, {"iran, islamic republic of", "Iran, Islamic Republic of"},
        {"iran", "Iran, Islamic Republic of"}, {"russian federation", "Russian Federation"},
        {"russia", "Russian Federation"}, {"turkey", "Turkey"}, {"türkiye", "Turkey"}, {"taiwan", "Taiwan"},
        {"hong kong", "Hong Kong"}, {"czech republic", "Czech Republic"}, {"czechia", "Czechia"},
        {"viet nam", "Vietnam"}, {"vietnam", "Vietnam"}, {"p.r. china", "China"}, {"pr china", "China"},
        {"people's republic of china", "China"}, {"the netherlands", "Netherlands"},
        {"moldova, republic of", "Moldova, Republic of"}, {"macedonia", "North Macedonia"},
        {"syrian arab republic", "Syrian Arab Republic"}, {"tanzania", "Tanzania"}, {"bolivia", "Bolivia"},
        {"venezuela", "Venezuela"}, {"côte d'ivoire", "Côte D'Ivoire"}, {"cote d'ivoire", "Côte D'Ivoire"},
        {"puerto rico", "Puerto Rico"}};
    for (String[] a : aliases) {
      NAMES.put(a[0], a[1]);
    }
  }

  private Countries() {}

  /** True when {@code text} is a country name. */
  static boolean isCountry(String text) {
    return NAMES.containsKey(text.strip().toLowerCase(Locale.ROOT));
  }

  /** The country a flag (two regional indicator letters) at {@code text[i]} stands for, or null. */
  static String flagAt(String text, int i) {
    if (i + 3 >= text.length()) {
      return null;
    }
    int a = text.codePointAt(i);
    int b = text.codePointAt(i + 2);
    if (a < 0x1F1E6 || a > 0x1F1FF || b < 0x1F1E6 || b > 0x1F1FF) {
      return null;
    }
    String code = "" + (char) ('A' + a - 0x1F1E6) + (char) ('A' + b - 0x1F1E6);
    return BY_CODE.get(code);
  }
}
