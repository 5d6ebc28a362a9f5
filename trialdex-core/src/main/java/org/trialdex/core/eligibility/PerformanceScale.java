package org.trialdex.core.eligibility;

/**
 * The scales performance status is given on, and the conversion between them. ECOG (Zubrod) grades
 * 0–5; Karnofsky (adults) and Lansky (children under 16) score 0–100 in steps of 10 and are read on
 * one another's bands. The ECOG–Karnofsky correspondence is the one the ECOG-ACRIN group publishes
 * (Oken et al. 1982; ECOG 0 = KPS 90–100, 1 = 70–80, 2 = 50–60, 3 = 30–40, 4 = 10–20, 5 = 0).
 */
public enum PerformanceScale {
  ECOG,
  KARNOFSKY,
  LANSKY;

  /** True when {@code value} is a score of this scale. */
  public boolean valid(int value) {
    return this == ECOG ? value >= 0 && value <= 5 : value >= 0 && value <= 100;
  }

  /** The scale's range, for messages. */
  public String range() {
    return this == ECOG ? "0 to 5" : "0 to 100";
  }

  /** The ECOG grade a Karnofsky or Lansky score falls in (90 and 100 are 0; 0 is 5, death). */
  public static int ecogOf(int percent) {
    if (percent >= 90) {
      return 0;
    }
    if (percent >= 70) {
      return 1;
    }
    if (percent >= 50) {
      return 2;
    }
    if (percent >= 30) {
      return 3;
    }
    return percent >= 10 ? 4 : 5;
  }

  /** The Karnofsky band {lowest, highest} an ECOG grade stands for. */
  public static int[] percentBand(int ecog) {
    return switch (ecog) {
      case 0 -> new int[] {90, 100};
      case 1 -> new int[] {70, 80};
      case 2 -> new int[] {50, 60};
      case 3 -> new int[] {30, 40};
      case 4 -> new int[] {10, 20};
      default -> new int[] {0, 0};
    };
  }
}
