package org.trialdex.app.service.alerts;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.trialdex.core.model.Location;
import org.trialdex.core.model.Study;
import org.trialdex.core.source.Sha256;
import org.trialdex.store.Subscription.Rule;

/**
 * The facts of a trial that a watch can follow, taken from its current (merged) record, and what
 * changed between two takes in words. A subscription keeps the facts it last compared (its
 * baseline, as JSON), so a change is judged against what the subscriber last heard of, whichever
 * source or merge produced the record.
 *
 * @param version the record's version when taken (to link the version differences)
 * @param status the overall status code ({@code RECRUITING}), or empty
 * @param enrollment the enrollment count, or -1
 * @param enrollmentType {@code ACTUAL} or {@code ESTIMATED}, or empty
 * @param sites each site as "facility, city, country"
 * @param primaryCompletion the primary completion date as written, or empty
 * @param primaryCompletionType {@code ACTUAL} or {@code ESTIMATED}, or empty
 * @param results whether results are posted
 * @param criteriaHash SHA-256 of the eligibility criteria text (empty text: empty)
 * @param minimumAge the minimum age as written, or empty
 * @param maximumAge the maximum age as written, or empty
 * @param sex {@code ALL}, {@code FEMALE} or {@code MALE}, or empty
 */
record WatchFacts(int version, String status, int enrollment, String enrollmentType, List<String> sites,
    String primaryCompletion, String primaryCompletionType, boolean results, String criteriaHash, String minimumAge,
    String maximumAge, String sex) {

  private static final ObjectMapper JSON = new ObjectMapper();
  /** Sites named one by one in an alert; beyond, "and N more". */
  private static final int SITES_NAMED = 5;

  WatchFacts {
    Objects.requireNonNull(status, "status");
    sites = List.copyOf(sites);
  }

  /** The facts of {@code study}, version {@code version} of its record. */
  static WatchFacts of(Study study, int version) {
    var ps = study.protocolSection();
    var status = ps == null ? null : ps.statusModule();
    var design = ps == null ? null : ps.designModule();
    var enrollment = design == null ? null : design.enrollmentInfo();
    var eligibility = ps == null ? null : ps.eligibilityModule();
    var locations = ps == null || ps.contactsLocationsModule() == null ? null : ps.contactsLocationsModule().locations();
    Set<String> sites = new LinkedHashSet<>();
    if (locations != null) {
      for (Location l : locations) {
        sites.add(site(l));
      }
    }
    var primary = status == null ? null : status.primaryCompletionDateStruct();
    String criteria = eligibility == null || eligibility.eligibilityCriteria() == null ? ""
        : eligibility.eligibilityCriteria().strip();
    boolean results = Boolean.TRUE.equals(study.hasResults()) || study.resultsSection() != null;
    return new WatchFacts(version,
        status == null || status.overallStatus() == null ? "" : status.overallStatus().name(),
        enrollment == null || enrollment.count() == null ? -1 : enrollment.count(),
        enrollment == null || enrollment.type() == null ? "" : enrollment.type().name(),
        List.copyOf(sites),
        primary == null || primary.date() == null ? "" : primary.date(),
        primary == null || primary.type() == null ? "" : primary.type().name(),
        results,
        criteria.isEmpty() ? "" : Sha256.hex(criteria.getBytes(StandardCharsets.UTF_8)),
        eligibility == null || eligibility.minimumAge() == null ? "" : eligibility.minimumAge(),
        eligibility == null || eligibility.maximumAge() == null ? "" : eligibility.maximumAge(),
        eligibility == null || eligibility.sex() == null ? "" : eligibility.sex().name());
  }

  private static String site(Location l) {
    List<String> parts = new ArrayList<>();
    for (String p : new String[] {l.facility(), l.city(), l.country()}) {
      if (p != null && !p.isBlank()) {
        parts.add(p.strip());
      }
    }
    return parts.isEmpty() ? "a site without a name" : String.join(", ", parts);
  }

  /**
   * What changed from {@code this} (the baseline) to {@code now} under {@code rules}, one line each,
   * in plain words: {@code Status: Recruiting → Completed}, {@code 2 sites added: ...}. Empty when
   * nothing watched changed.
   */
  List<String> changesTo(WatchFacts now, Set<Rule> rules) {
    List<String> lines = new ArrayList<>();
    if (rules.contains(Rule.STATUS) && !status.equals(now.status)) {
      lines.add("Status: " + statusLabel(status) + " → " + statusLabel(now.status));
    }
    if (rules.contains(Rule.ENROLLMENT) && (enrollment != now.enrollment || !enrollmentType.equals(now.enrollmentType))) {
      lines.add("Enrollment: " + enrollmentLabel(enrollment, enrollmentType) + " → "
          + enrollmentLabel(now.enrollment, now.enrollmentType));
    }
    if (rules.contains(Rule.SITES)) {
      List<String> added = now.sites.stream().filter(s -> !sites.contains(s)).toList();
      List<String> removed = sites.stream().filter(s -> !now.sites.contains(s)).toList();
      if (!added.isEmpty()) {
        lines.add(count(added.size(), "site") + " added: " + named(added));
      }
      if (!removed.isEmpty()) {
        lines.add(count(removed.size(), "site") + " removed: " + named(removed));
      }
    }
    if (rules.contains(Rule.PRIMARY_COMPLETION) && (!primaryCompletion.equals(now.primaryCompletion)
        || !primaryCompletionType.equals(now.primaryCompletionType))) {
      lines.add("Primary completion date: " + dateLabel(primaryCompletion, primaryCompletionType) + " → "
          + dateLabel(now.primaryCompletion, now.primaryCompletionType));
    }
    if (rules.contains(Rule.RESULTS) && results != now.results) {
      lines.add(now.results ? "Results were posted" : "Posted results were withdrawn from the record");
    }
    if (rules.contains(Rule.ELIGIBILITY)) {
      if (!criteriaHash.equals(now.criteriaHash)) {
        lines.add("Eligibility criteria: the text changed (see the differences)");
      }
      if (!minimumAge.equals(now.minimumAge)) {
        lines.add("Minimum age: " + orNone(minimumAge) + " → " + orNone(now.minimumAge));
      }
      if (!maximumAge.equals(now.maximumAge)) {
        lines.add("Maximum age: " + orNone(maximumAge) + " → " + orNone(now.maximumAge));
      }
      if (!sex.equals(now.sex)) {
        lines.add("Sex: " + sexLabel(sex) + " → " + sexLabel(now.sex));
      }
    }
    return lines;
  }

  /** Whether anything a watch can follow differs (the baseline is then renewed). */
  boolean differsFrom(WatchFacts other) {
    return !withVersion(0).equals(other.withVersion(0));
  }

  private WatchFacts withVersion(int v) {
    return new WatchFacts(v, status, enrollment, enrollmentType, sites, primaryCompletion, primaryCompletionType,
        results, criteriaHash, minimumAge, maximumAge, sex);
  }

  /** The facts as JSON, for the subscription's baseline. */
  String toJson() {
    try {
      return JSON.writeValueAsString(this);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write watch facts", e);
    }
  }

  /** Facts read back from a baseline; empty when there is none or it cannot be read (then taken anew). */
  static Optional<WatchFacts> fromJson(Optional<String> json) {
    if (json.isEmpty()) {
      return Optional.empty();
    }
    try {
      return Optional.of(JSON.readValue(json.get(), WatchFacts.class));
    } catch (JsonProcessingException e) {
      return Optional.empty();
    }
  }

  /** {@code RECRUITING} as "Recruiting", {@code ACTIVE_NOT_RECRUITING} as "Active, not recruiting". */
  static String statusLabel(String code) {
    if (code.isEmpty()) {
      return "not given";
    }
    if (code.equals("ACTIVE_NOT_RECRUITING")) {
      return "Active, not recruiting";
    }
    String words = code.replace('_', ' ').toLowerCase(Locale.ROOT);
    return Character.toUpperCase(words.charAt(0)) + words.substring(1);
  }

  private static String enrollmentLabel(int count, String type) {
    if (count < 0) {
      return "not given";
    }
    return count + (type.isEmpty() ? "" : " (" + type.toLowerCase(Locale.ROOT) + ")");
  }

  private static String dateLabel(String date, String type) {
    if (date.isEmpty()) {
      return "not given";
    }
    return date + (type.isEmpty() ? "" : " (" + type.toLowerCase(Locale.ROOT) + ")");
  }

  private static String sexLabel(String code) {
    return switch (code) {
      case "" -> "not given";
      case "ALL" -> "All";
      case "FEMALE" -> "Female";
      case "MALE" -> "Male";
      default -> code;
    };
  }

  private static String orNone(String value) {
    return value.isEmpty() ? "none" : value;
  }

  private static String count(int n, String noun) {
    return n + " " + noun + (n == 1 ? "" : "s");
  }

  private static String named(List<String> sites) {
    String shown = String.join("; ", sites.subList(0, Math.min(SITES_NAMED, sites.size())));
    return sites.size() > SITES_NAMED ? shown + "; and " + (sites.size() - SITES_NAMED) + " more" : shown;
  }
}
