package org.trialdex.core.trust;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.trialdex.core.model.Intervention;
import org.trialdex.core.model.InterventionType;
import org.trialdex.core.model.Location;
import org.trialdex.core.model.OversightModule;
import org.trialdex.core.model.PartialDateStruct;
import org.trialdex.core.model.Phase;
import org.trialdex.core.model.PrimaryPurpose;
import org.trialdex.core.model.Status;
import org.trialdex.core.model.Study;
import org.trialdex.core.model.StudyType;
import org.trialdex.core.normalize.PartialDate;
import org.trialdex.core.trust.TrustSignal.Evidence;
import org.trialdex.core.view.StudyModules;

/**
 * Whether a trial is an FDAAA "applicable clinical trial" (ACT) or "probable ACT" (pACT), decided as
 * the FDAAA TrialsTracker of the EBM DataLab decides it (ebmdatalab/clinicaltrials-act-converter,
 * {@code ctconvert/convert_data.py}; ebmdatalab/clinicaltrials-act-tracker, {@code view.sql}), from
 * the fields an API v2 record has:
 *
 * <ul>
 *   <li>common to both: interventional; phase 1/2, 2, 2/3, 3, 4 or "not applicable" (phase 1 and
 *       early phase 1 are not covered); primary purpose not device feasibility; status not withdrawn;
 *       a start date;
 *   <li>ACT: {@code isFdaRegulatedDrug} or {@code isFdaRegulatedDevice} true, start on or after
 *       2017-01-18 (the Final Rule's effective date);
 *   <li>pACT: one of those flags true, start before 2017-01-18, and the "available completion date"
 *       (primary completion, else study completion) on or after 2017-01-18.
 * </ul>
 *
 * <p>The tracker also counts as a pACT a trial with neither flag recorded (flags exist only in
 * records updated since January 2017) when a covered intervention type (drug, device, biological,
 * genetic, radiation, combination product, diagnostic test) and a US site are listed, unless a
 * January 2017 snapshot of the retired field {@code is_fda_regulated} said false. We do not hold that
 * snapshot, so such a trial is {@link Category#UNDETERMINED} here and gets no signal.
 *
 * <p>A date with only a month or a year is read as the last day it may mean ({@code 2019-03} is
 * 2019-03-31), as the tracker does for month-only dates, so that a due date is never earlier than the
 * record allows.
 */
public final class FdaaaApplicability {

  /** The FDAAA Final Rule's effective date. */
  public static final LocalDate EFFECTIVE_DATE = LocalDate.of(2017, 1, 18);

  static final String STUDY_TYPE = "protocolSection.designModule.studyType";
  static final String PHASES = "protocolSection.designModule.phases";
  static final String PURPOSE = "protocolSection.designModule.designInfo.primaryPurpose";
  static final String STATUS = "protocolSection.statusModule.overallStatus";
  static final String START = "protocolSection.statusModule.startDateStruct.date";
  static final String PRIMARY_COMPLETION = "protocolSection.statusModule.primaryCompletionDateStruct.date";
  static final String COMPLETION = "protocolSection.statusModule.completionDateStruct.date";
  static final String FDA_DRUG = "protocolSection.oversightModule.isFdaRegulatedDrug";
  static final String FDA_DEVICE = "protocolSection.oversightModule.isFdaRegulatedDevice";

  private static final List<Set<Phase>> COVERED_PHASES = List.of(
      EnumSet.of(Phase.PHASE1, Phase.PHASE2), EnumSet.of(Phase.PHASE2), EnumSet.of(Phase.PHASE2, Phase.PHASE3),
      EnumSet.of(Phase.PHASE3), EnumSet.of(Phase.PHASE4), EnumSet.of(Phase.NA));
  private static final Set<InterventionType> COVERED_INTERVENTIONS = EnumSet.of(InterventionType.DRUG,
      InterventionType.DEVICE, InterventionType.BIOLOGICAL, InterventionType.GENETIC, InterventionType.RADIATION,
      InterventionType.COMBINATION_PRODUCT, InterventionType.DIAGNOSTIC_TEST);
  /** Country names the tracker reads as US sites (the states and the inhabited territories). */
  private static final Set<String> US_COUNTRIES = Set.of("united states", "american samoa", "guam",
      "northern mariana islands", "puerto rico", "virgin islands (u.s.)", "u.s. virgin islands");

  private FdaaaApplicability() {}

  /** What {@link #assess} decided. */
  public enum Category {
    /** An applicable clinical trial started on or after 2017-01-18. */
    ACT,
    /** A probable applicable clinical trial started before 2017-01-18, completing on or after it. */
    PACT,
    /** Would be a pACT only by the tracker's rule for records without the 2017 flags; not decided here. */
    UNDETERMINED,
    /** Not an ACT or pACT by these rules (or a field the rules need is absent or unreadable). */
    NOT_APPLICABLE
  }

  /**
   * The decision for one trial.
   *
   * @param category ACT, pACT, undetermined or not applicable
   * @param reason what decided it, in words
   * @param completion the available completion date (primary completion, else study completion) read
   *     as its last possible day, when the record has a readable one
   * @param completionField the v2 path that date came from, or "" without one
   * @param evidence the fields the decision read, with their values
   */
  public record Assessment(Category category, String reason, Optional<LocalDate> completion, String completionField,
      List<Evidence> evidence) {
    public Assessment {
      evidence = List.copyOf(evidence);
    }

    /** Whether the trial is an ACT or pACT. */
    public boolean applicable() {
      return category == Category.ACT || category == Category.PACT;
    }
  }

  /** Decides whether {@code study} is an ACT or pACT; never throws for odd or absent fields. */
  public static Assessment assess(Study study) {
    StudyModules m = StudyModules.of(study);
    List<Evidence> ev = new ArrayList<>();
    StudyType type = m.design().studyType();
    ev.add(Evidence.value(STUDY_TYPE, type));
    List<Phase> phases = m.design().phases() == null ? List.of() : m.design().phases();
    ev.add(Evidence.value(PHASES, phases.isEmpty() ? null : phases));
    OversightModule o = m.study().protocolSection() == null ? null : m.study().protocolSection().oversightModule();
    Boolean drug = o == null ? null : o.isFdaRegulatedDrug();
    Boolean device = o == null ? null : o.isFdaRegulatedDevice();
    ev.add(Evidence.value(FDA_DRUG, drug));
    ev.add(Evidence.value(FDA_DEVICE, device));
    String startText = dateText(m.status().startDateStruct());
    ev.add(Evidence.value(START, startText));
    String pcdText = dateText(m.status().primaryCompletionDateStruct());
    String cdText = dateText(m.status().completionDateStruct());
    Optional<LocalDate> pcd = lastDay(pcdText);
    Optional<LocalDate> completion = pcd.isPresent() ? pcd : lastDay(cdText);
    String completionField = pcd.isPresent() ? PRIMARY_COMPLETION : completion.isPresent() ? COMPLETION : "";
    ev.add(Evidence.value(PRIMARY_COMPLETION, pcdText));
    if (pcd.isEmpty()) {
      ev.add(Evidence.value(COMPLETION, cdText));
    }

    if (type != StudyType.INTERVENTIONAL) {
      return no("not an interventional study", completion, completionField, ev);
    }
    if (!COVERED_PHASES.contains(phases.isEmpty() ? Set.of() : EnumSet.copyOf(phases))) {
      return no("phase " + (phases.isEmpty() ? "not given" : phases) + " is not one FDAAA covers", completion,
          completionField, ev);
    }
    PrimaryPurpose purpose = m.designInfo().primaryPurpose();
    if (purpose == PrimaryPurpose.DEVICE_FEASIBILITY) {
      ev.add(Evidence.value(PURPOSE, purpose));
      return no("a device feasibility study", completion, completionField, ev);
    }
    Status status = m.status().overallStatus();
    if (status == Status.WITHDRAWN) {
      ev.add(Evidence.value(STATUS, status));
      return no("withdrawn", completion, completionField, ev);
    }
    Optional<LocalDate> start = lastDay(startText);
    if (start.isEmpty()) {
      return no("no readable start date", completion, completionField, ev);
    }
    boolean flagged = Boolean.TRUE.equals(drug) || Boolean.TRUE.equals(device);
    boolean startedBefore = start.get().isBefore(EFFECTIVE_DATE);
    boolean completesAfter = completion.isPresent() && !completion.get().isBefore(EFFECTIVE_DATE);
    if (flagged && !startedBefore) {
      return new Assessment(Category.ACT, "ACT: FDA-regulated product flag, start on or after " + EFFECTIVE_DATE,
          completion, completionField, ev);
    }
    if (flagged && completesAfter) {
      return new Assessment(Category.PACT, "pACT: FDA-regulated product flag, start before " + EFFECTIVE_DATE
          + ", completion on or after it", completion, completionField, ev);
    }
    if (drug == null && device == null && startedBefore && completesAfter && coveredIntervention(m)
        && hasUsSite(m.contacts().locations())) {
      return new Assessment(Category.UNDETERMINED, "possible pACT: no FDA flags recorded; the tracker's "
          + "January 2017 is_fda_regulated snapshot is not held", completion, completionField, ev);
    }
    return no(flagged ? "started before " + EFFECTIVE_DATE + " and completed before it"
        : "no FDA-regulated product flag set", completion, completionField, ev);
  }

  /** Whether any listed site is in the United States or a US territory. */
  static boolean hasUsSite(List<Location> locations) {
    return usSite(locations).isPresent();
  }

  /** The index of the first listed US site. */
  static Optional<Integer> usSite(List<Location> locations) {
    if (locations == null) {
      return Optional.empty();
    }
    for (int i = 0; i < locations.size(); i++) {
      Location l = locations.get(i);
      if (l != null && l.country() != null && US_COUNTRIES.contains(l.country().strip().toLowerCase(Locale.ROOT))) {
        return Optional.of(i);
      }
    }
    return Optional.empty();
  }

  private static boolean coveredIntervention(StudyModules m) {
    List<Intervention> interventions = m.arms().interventions();
    return interventions != null
        && interventions.stream().anyMatch(i -> i != null && COVERED_INTERVENTIONS.contains(i.type()));
  }

  static String dateText(PartialDateStruct d) {
    return d == null ? null : d.date();
  }

  /** The last day a registry date may mean, or empty for an absent or unreadable one. */
  static Optional<LocalDate> lastDay(String text) {
    return PartialDate.parse(text).map(PartialDate::latest);
  }

  private static Assessment no(String reason, Optional<LocalDate> completion, String field, List<Evidence> ev) {
    return new Assessment(Category.NOT_APPLICABLE, reason, completion, field, ev);
  }
}
