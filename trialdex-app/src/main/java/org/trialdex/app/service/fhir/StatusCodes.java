package org.trialdex.app.service.fhir;

import java.util.Map;
import java.util.Optional;
import org.hl7.fhir.r4.model.ResearchStudy.ResearchStudyStatus;

/**
 * ClinicalTrials.gov's overall status in R4's {@code research-study-status} codes (docs/fhir.md,
 * "Status"). R4's codes describe accrual and intervention; v2's describe recruitment, so each row
 * says which accrual state a recruitment status implies.
 */
final class StatusCodes {

  private StatusCodes() {}

  private static final Map<String, ResearchStudyStatus> TABLE = Map.ofEntries(
      // approved by the board, not yet open to accrual
      Map.entry("NOT_YET_RECRUITING", ResearchStudyStatus.APPROVED),
      // open to accrual
      Map.entry("RECRUITING", ResearchStudyStatus.ACTIVE),
      Map.entry("ENROLLING_BY_INVITATION", ResearchStudyStatus.ACTIVE),
      // closed to new participants, those enrolled still followed or treated
      Map.entry("ACTIVE_NOT_RECRUITING", ResearchStudyStatus.CLOSEDTOACCRUAL),
      // halted, may resume
      Map.entry("SUSPENDED", ResearchStudyStatus.TEMPORARILYCLOSEDTOACCRUAL),
      // stopped early for good, before its planned end
      Map.entry("TERMINATED", ResearchStudyStatus.ADMINISTRATIVELYCOMPLETED),
      Map.entry("COMPLETED", ResearchStudyStatus.COMPLETED),
      // stopped before its first participant
      Map.entry("WITHDRAWN", ResearchStudyStatus.WITHDRAWN),
      // expanded access: a programme open to requests is active; one no longer open is closed to
      // accrual and intervention; paused, temporarily closed; ended because the product was approved
      Map.entry("AVAILABLE", ResearchStudyStatus.ACTIVE),
      Map.entry("NO_LONGER_AVAILABLE", ResearchStudyStatus.CLOSEDTOACCRUALANDINTERVENTION),
      Map.entry("TEMPORARILY_NOT_AVAILABLE", ResearchStudyStatus.TEMPORARILYCLOSEDTOACCRUAL),
      Map.entry("APPROVED_FOR_MARKETING", ResearchStudyStatus.COMPLETED),
      // availability not made public: closed to accrual is the least it claims
      Map.entry("WITHHELD", ResearchStudyStatus.CLOSEDTOACCRUAL));

  /**
   * UNKNOWN without a last known status: ClinicalTrials.gov gives it to a study last recruiting, not
   * yet recruiting or active that has passed its completion date unverified for two years; whatever
   * it was, by now it takes no one new.
   */
  private static final ResearchStudyStatus UNKNOWN_FALLBACK = ResearchStudyStatus.CLOSEDTOACCRUAL;

  /**
   * The R4 status of a v2 {@code overallStatus}; for {@code UNKNOWN} the status of its
   * {@code lastKnownStatus}, else closed to accrual. Empty for a record without a status or with
   * one v2 does not define: the caller then marks the status absent rather than guessing.
   */
  static Optional<ResearchStudyStatus> of(String overallStatus, String lastKnownStatus) {
    if ("UNKNOWN".equals(overallStatus)) {
      return Optional.of(TABLE.getOrDefault(lastKnownStatus, UNKNOWN_FALLBACK));
    }
    return Optional.ofNullable(TABLE.get(overallStatus));
  }

  /** The table, for the documentation test. */
  static Map<String, ResearchStudyStatus> table() {
    return TABLE;
  }
}
