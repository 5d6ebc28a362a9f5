package org.trialdex.app.web;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.trialdex.core.model.DesignMasking;
import org.trialdex.core.model.Phase;
import org.trialdex.core.model.Sex;
import org.trialdex.core.model.Status;
import org.trialdex.core.validate.Finding;

/**
 * What statuses, phases and findings mean, in one sentence each, for a patient reading a record
 * (issue #15). Every sentence is written and reviewed by hand, one per enum value, so that a new
 * value the v2 model gains shows up as a missing entry in the tests, not as a generated phrase.
 */
final class PlainWords {

  private PlainWords() {}

  private static final Map<Status, String> STATUS = new EnumMap<>(Map.ofEntries(
      Map.entry(Status.RECRUITING, "the trial is enrolling participants now."),
      Map.entry(Status.NOT_YET_RECRUITING, "the trial has not started enrolling participants yet."),
      Map.entry(Status.ENROLLING_BY_INVITATION,
          "the researchers invite participants from a group they already know; you cannot apply on your own."),
      Map.entry(Status.ACTIVE_NOT_RECRUITING, "the trial is under way but does not take new participants."),
      Map.entry(Status.SUSPENDED, "the trial has stopped for now and may start again."),
      Map.entry(Status.TERMINATED, "the trial stopped early and will not start again."),
      Map.entry(Status.COMPLETED, "the trial has ended as planned and takes no more participants."),
      Map.entry(Status.WITHDRAWN, "the trial stopped before it enrolled its first participant."),
      Map.entry(Status.UNKNOWN,
          "the sponsor has not confirmed the trial's status for more than two years; it may have ended."),
      Map.entry(Status.AVAILABLE, "the treatment can be had outside a trial, through expanded access; ask the contact."),
      Map.entry(Status.NO_LONGER_AVAILABLE, "expanded access to the treatment has ended."),
      Map.entry(Status.TEMPORARILY_NOT_AVAILABLE, "expanded access to the treatment is paused for now."),
      Map.entry(Status.APPROVED_FOR_MARKETING, "the treatment has been approved and can be prescribed."),
      Map.entry(Status.WITHHELD, "the sponsor has not made the status of this expanded access public.")));

  private static final Map<Phase, String> PHASE = new EnumMap<>(Map.ofEntries(
      Map.entry(Phase.EARLY_PHASE1,
          "a first, very small test in people, with low doses, to see how the product behaves in the body."),
      Map.entry(Phase.PHASE1, "a first test in a small group of people, mainly of safety and of the right dose."),
      Map.entry(Phase.PHASE2, "a test in a larger group of people with the condition, of whether it works and how safe it is."),
      Map.entry(Phase.PHASE3,
          "a large test that compares the treatment with the usual one, to confirm that it works and to watch for side effects."),
      Map.entry(Phase.PHASE4, "a study of an approved treatment, of how it works in everyday use."),
      Map.entry(Phase.NA, "the trial tests no drug (for example a device, a procedure or a way of care), so it has no phase.")));

  /** "Recruiting: the trial is enrolling participants now." */
  static String status(Status s) {
    return Labels.of(s) + ": " + STATUS.get(s);
  }

  /** "Phase 2: a test in a larger group...", one sentence per phase the record names. */
  static List<String> phases(List<Phase> phases) {
    List<String> out = new ArrayList<>();
    for (Phase p : phases == null ? List.<Phase>of() : phases) {
      out.add(Labels.of(p) + ": " + PHASE.get(p));
    }
    return out;
  }

  /** Every status and phase has a sentence (the tests check this against the enums). */
  static boolean complete() {
    return STATUS.keySet().containsAll(List.of(Status.values())) && PHASE.keySet().containsAll(List.of(Phase.values()));
  }

  /**
   * Masking as ClinicalTrials.gov writes it: "None (Open Label)", "Double (Participant, Investigator)".
   */
  static String masking(DesignMasking m, List<String> whoMasked) {
    String base = switch (m) {
      case NONE -> "None (Open Label)";
      case SINGLE -> "Single";
      case DOUBLE -> "Double";
      case TRIPLE -> "Triple";
      case QUADRUPLE -> "Quadruple";
    };
    return whoMasked.isEmpty() || m == DesignMasking.NONE ? base : base + " (" + String.join(", ", whoMasked) + ")";
  }

  /** Who can join by sex, in words. */
  static String sex(Sex s) {
    return switch (s) {
      case ALL -> "People of any sex";
      case FEMALE -> "Women and girls only (female participants)";
      case MALE -> "Men and boys only (male participants)";
    };
  }

  /** "From 1 year to 80 years old", "18 years and older", "Up to 65 years old", "Any age". */
  static String ages(String minimum, String maximum) {
    String min = age(minimum);
    String max = age(maximum);
    if (min == null && max == null) {
      return "Any age (the record sets no age limit)";
    }
    if (min == null) {
      return "Up to " + max + " old";
    }
    if (max == null) {
      return min + " and older";
    }
    return "From " + min + " to " + max + " old";
  }

  private static String age(String v2) {
    if (v2 == null || v2.isBlank() || v2.strip().equalsIgnoreCase("N/A")) {
      return null;
    }
    return v2.strip().toLowerCase(Locale.ROOT);
  }

  /**
   * A data-quality finding in words for a patient ("This record does not give an end date."), or
   * empty for findings that only matter to researchers (spelling of dates, text lengths).
   */
  static Optional<String> finding(Finding f) {
    String rule = f.rule();
    if (rule.startsWith("required.")) {
      return Optional.ofNullable(MISSING.get(rule)).map(what -> "This record does not give " + what + ".");
    }
    return Optional.ofNullable(switch (rule) {
      case "consistency.ended-with-estimated-completion" ->
          "The trial is marked as ended, but its end date is still an estimate.";
      case "consistency.not-yet-recruiting-actual-start" ->
          "The trial is marked as not yet recruiting, yet the record gives an actual start date.";
      case "consistency.why-stopped-missing" -> "The trial stopped early, but the record does not say why.";
      case "consistency.criteria-age-range" ->
          "The ages in the eligibility criteria differ from the age range the record states; check both.";
      case "consistency.site-open-study-closed" ->
          "Some sites are marked as recruiting although the trial as a whole is not.";
      case "value.minimum-age-above-maximum" -> "The record's minimum age is above its maximum age.";
      case "value.primary-completion-after-completion" ->
          "The record's dates are out of order: the main results are due after the trial's end.";
      default -> null;
    });
  }

  private static final Map<String, String> MISSING = Map.ofEntries(
      Map.entry("required.official-title", "an official title"),
      Map.entry("required.lead-sponsor", "a lead sponsor"),
      Map.entry("required.overall-status", "a recruitment status"),
      Map.entry("required.start-date", "a start date"),
      Map.entry("required.primary-completion-date", "a date for its main results"),
      Map.entry("required.completion-date", "an end date"),
      Map.entry("required.brief-summary", "a summary"),
      Map.entry("required.conditions", "the conditions it studies"),
      Map.entry("required.phases", "the trial's phase"),
      Map.entry("required.masking", "whether participants know which treatment they get (masking)"),
      Map.entry("required.enrollment-count", "how many participants it plans or has"),
      Map.entry("required.interventions", "the treatments it tests"),
      Map.entry("required.primary-outcomes", "what it measures (primary outcomes)"),
      Map.entry("required.eligibility-criteria", "eligibility criteria"),
      Map.entry("required.sex", "which sexes can take part"),
      Map.entry("required.healthy-volunteers", "whether healthy volunteers can take part"),
      Map.entry("required.recruiting-contact", "a contact, although it is recruiting"));

  /**
   * A v2 field path in words: {@code protocolSection.eligibilityModule.minimumAge} → "Eligibility ›
   * Minimum age"; list indexes count from 1 ({@code locations[0]} → "Locations 1").
   */
  static String field(String path) {
    List<String> parts = new ArrayList<>();
    for (String part : path.split("\\.")) {
      if (part.equals("protocolSection")) {
        continue;
      }
      String name = part;
      String index = "";
      int bracket = part.indexOf('[');
      if (bracket > 0 && part.endsWith("]")) {
        name = part.substring(0, bracket);
        try {
          index = " " + (Integer.parseInt(part.substring(bracket + 1, part.length() - 1)) + 1);
        } catch (NumberFormatException e) {
          index = " " + part.substring(bracket + 1, part.length() - 1);
        }
      }
      name = name.replaceAll("(Module|Struct|Section|Info)$", "");
      parts.add(words(name) + index);
    }
    return String.join(" › ", parts);
  }

  private static String words(String camel) {
    String spaced = camel.replaceAll("([a-z0-9])([A-Z])", "$1 $2").replace('_', ' ').toLowerCase(Locale.ROOT);
    spaced = spaced.replace("nct", "NCT").replace("fda", "FDA").replace("dmc", "DMC").replace("ipd", "IPD");
    return spaced.isEmpty() ? camel : Character.toUpperCase(spaced.charAt(0)) + spaced.substring(1);
  }
}
