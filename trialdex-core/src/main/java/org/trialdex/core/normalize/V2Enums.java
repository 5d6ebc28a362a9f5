package org.trialdex.core.normalize;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.trialdex.core.model.Status;

/**
 * Reads the many spellings of a v2 enum value. Registries write the same value as
 * {@code ACTIVE_NOT_RECRUITING}, {@code Active, not recruiting} and {@code active-not-recruiting};
 * legacy XML and classic exports use display names ({@code Parallel Assignment},
 * {@code None (Open Label)}, {@code Unknown status}). Matching is on the letters and digits only,
 * then on a small table of display names that differ from the v2 constants.
 */
public final class V2Enums {

  // Display names whose letters do not spell the v2 constant. Keys are normalized (see key()).
  private static final Map<String, String> ALIASES = Map.ofEntries(
      // statuses
      Map.entry("UNKNOWN_STATUS", "UNKNOWN"),
      Map.entry("ACTIVE_NOT_RECRUITING", "ACTIVE_NOT_RECRUITING"),
      Map.entry("AVAILABLE_FOR_EXPANDED_ACCESS", "AVAILABLE"),
      Map.entry("APPROVED_FOR_MARKETING", "APPROVED_FOR_MARKETING"),
      // design
      Map.entry("NON_RANDOMIZED", "NON_RANDOMIZED"),
      Map.entry("PARALLEL_ASSIGNMENT", "PARALLEL"),
      Map.entry("SINGLE_GROUP_ASSIGNMENT", "SINGLE_GROUP"),
      Map.entry("CROSSOVER_ASSIGNMENT", "CROSSOVER"),
      Map.entry("FACTORIAL_ASSIGNMENT", "FACTORIAL"),
      Map.entry("SEQUENTIAL_ASSIGNMENT", "SEQUENTIAL"),
      Map.entry("NONE_OPEN_LABEL", "NONE"),
      Map.entry("OPEN_LABEL", "NONE"),
      Map.entry("CASE_ONLY", "CASE_ONLY"),
      Map.entry("CASE_CROSSOVER", "CASE_CROSSOVER"),
      Map.entry("HEALTH_SERVICES_RESEARCH", "HEALTH_SERVICES_RESEARCH"),
      Map.entry("EXPERIMENTAL", "EXPERIMENTAL"),
      Map.entry("ACTIVE_COMPARATOR", "ACTIVE_COMPARATOR"),
      Map.entry("PLACEBO_COMPARATOR", "PLACEBO_COMPARATOR"),
      Map.entry("SHAM_COMPARATOR", "SHAM_COMPARATOR"),
      Map.entry("NO_INTERVENTION", "NO_INTERVENTION"),
      Map.entry("ANTICIPATED", "ESTIMATED"),
      Map.entry("EXPECTED", "ESTIMATED"),
      Map.entry("BOTH", "ALL"),
      Map.entry("PRINCIPAL_INVESTIGATOR", "PRINCIPAL_INVESTIGATOR"),
      Map.entry("SPONSOR_INVESTIGATOR", "SPONSOR_INVESTIGATOR"),
      Map.entry("INDUSTRY", "INDUSTRY"),
      Map.entry("U_S_FED", "FED"),
      Map.entry("US_FED", "FED"),
      Map.entry("OUTCOMES_ASSESSOR", "OUTCOMES_ASSESSOR"),
      Map.entry("CARE_PROVIDER", "CARE_PROVIDER"),
      Map.entry("SUBJECT", "PARTICIPANT"),
      Map.entry("SYSTEMATIC_ASSESSMENT", "SYSTEMATIC_ASSESSMENT"),
      Map.entry("NON_SYSTEMATIC_ASSESSMENT", "NON_SYSTEMATIC_ASSESSMENT"),
      Map.entry("RETROSPECTIVE", "RETROSPECTIVE"),
      Map.entry("PROSPECTIVE", "PROSPECTIVE"),
      Map.entry("CROSS_SECTIONAL", "CROSS_SECTIONAL"),
      Map.entry("SAMPLES_WITH_DNA", "SAMPLES_WITH_DNA"),
      Map.entry("SAMPLES_WITHOUT_DNA", "SAMPLES_WITHOUT_DNA"),
      Map.entry("NONE_RETAINED", "NONE_RETAINED"),
      Map.entry("PROBABILITY_SAMPLE", "PROBABILITY_SAMPLE"),
      Map.entry("NON_PROBABILITY_SAMPLE", "NON_PROBABILITY_SAMPLE"),
      Map.entry("EXPANDED_ACCESS", "EXPANDED_ACCESS"),
      // classic study-fields spellings (ctgov-classic-fields)
      Map.entry("N_A", "NA"),
      Map.entry("ESTIMATE", "ESTIMATED"),
      Map.entry("CLINICAL_STUDY_REPORT_CSR", "CSR"),
      Map.entry("STATISTICAL_ANALYSIS_PLAN_SAP", "SAP"),
      Map.entry("INFORMED_CONSENT_FORM_ICF", "ICF"),
      Map.entry("OTHER_IDENTIFIER", "OTHER"),
      Map.entry("U_S_NIH_GRANT_CONTRACT", "NIH"),
      Map.entry("U_S_FDA_GRANT_CONTRACT", "FDA"),
      Map.entry("OTHER_GRANT_FUNDING_NUMBER", "OTHER_GRANT"),
      Map.entry("REGISTRY_IDENTIFIER", "REGISTRY"),
      // legacy XML display names (primary purpose, IPD info types, results statistics)
      Map.entry("EDUCATIONAL_COUNSELING_TRAINING", "ECT"),
      Map.entry("GEOMETRIC_COEFFICIENT_OF_VARIATION", "GEOMETRIC_COEFFICIENT"),
      Map.entry("STANDARD_ERROR_OF_THE_MEAN", "STANDARD_ERROR_OF_MEAN"),
      Map.entry("1_SIDED", "ONE_SIDED"),
      Map.entry("2_SIDED", "TWO_SIDED"));

  private V2Enums() {}

  /**
   * The constant of {@code type} that {@code text} spells, or empty when none does. Accepts the v2
   * constant itself, any case and punctuation ({@code Active, not recruiting}), display names in
   * {@link #ALIASES}, and a leading-word match for display names that add words
   * ({@code Drug: aspirin} is not accepted, but {@code Prevention} is).
   */
  public static <E extends Enum<E>> Optional<E> parse(Class<E> type, String text) {
    if (text == null || text.isBlank()) {
      return Optional.empty();
    }
    String key = key(text);
    Optional<E> direct = constant(type, key);
    if (direct.isPresent()) {
      return direct;
    }
    String alias = ALIASES.get(key);
    if (alias != null) {
      Optional<E> viaAlias = constant(type, alias);
      if (viaAlias.isPresent()) {
        return viaAlias;
      }
    }
    // "None (Open Label)" → NONE, "Double (Participant, Investigator)" → DOUBLE: the words before
    // a parenthesis name the value, the parenthesis qualifies it.
    int paren = text.indexOf('(');
    if (paren > 0) {
      return parse(type, text.substring(0, paren));
    }
    return Optional.empty();
  }

  /** A recruitment status in any spelling: {@code Unknown status}, {@code Active, not recruiting}, {@code RECRUITING}. */
  public static Optional<Status> status(String text) {
    return parse(Status.class, text);
  }

  private static <E extends Enum<E>> Optional<E> constant(Class<E> type, String key) {
    for (E e : type.getEnumConstants()) {
      if (e.name().equals(key)) {
        return Optional.of(e);
      }
    }
    return Optional.empty();
  }

  /** Upper case; every run of characters other than letters and digits becomes one underscore. */
  static String key(String text) {
    String upper = text.strip().toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]+", "_");
    int start = 0;
    int end = upper.length();
    while (start < end && upper.charAt(start) == '_') {
      start++;
    }
    while (end > start && upper.charAt(end - 1) == '_') {
      end--;
    }
    return upper.substring(start, end);
  }
}
