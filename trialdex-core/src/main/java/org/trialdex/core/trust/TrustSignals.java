package org.trialdex.core.trust;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.trialdex.core.model.AgencyClass;
import org.trialdex.core.model.AnnotationModule;
import org.trialdex.core.model.DateType;
import org.trialdex.core.model.ArmGroup;
import org.trialdex.core.model.Intervention;
import org.trialdex.core.model.Location;
import org.trialdex.core.model.OversightModule;
import org.trialdex.core.model.PartialDateStruct;
import org.trialdex.core.model.Sponsor;
import org.trialdex.core.model.Status;
import org.trialdex.core.model.StatusModule;
import org.trialdex.core.model.Study;
import org.trialdex.core.model.UnpostedEvent;
import org.trialdex.core.model.UnpostedEventType;
import org.trialdex.core.normalize.PartialDate;
import org.trialdex.core.trust.FdaaaApplicability.Assessment;
import org.trialdex.core.trust.TrustSignal.Evidence;
import org.trialdex.core.trust.TrustSignal.Kind;
import org.trialdex.core.view.StudyModules;

/**
 * Computes the {@linkplain TrustSignal trust signals} of one study as of a date. Each rule reads only
 * what the record holds and gives no signal when a field it needs is absent or unreadable (with one
 * documented exception: an absent FDA flag is stated as "no flag recorded"). The rules, in short:
 *
 * <ul>
 *   <li>{@link Kind#PAY_TO_PARTICIPATE}: a cue in the brief summary, detailed description, an arm or
 *       intervention description, or the eligibility criteria that participants pay (see {@link
 *       PayCues} for cues and exclusions); the first cue per field is quoted.
 *   <li>{@link Kind#SINGLE_SITE_COMPANY_SPONSOR}: lead sponsor class {@code INDUSTRY} and exactly one
 *       listed location; a record listing no locations gets no signal (the number of sites is unknown).
 *   <li>{@link Kind#US_STEM_CELL_NOT_FDA_REGULATED}: the caller says the trial gives a cell product, a
 *       site is in the US (or a US territory), and neither {@code isFdaRegulatedDrug} nor {@code
 *       isFdaRegulatedDevice} is true. The flags exist only in records updated since 18 January 2017:
 *       a record last updated before then, with no flags, gives no signal (nothing is known); one
 *       updated since, with none recorded, does, and the statement says they are not recorded.
 *   <li>{@link Kind#RESULTS_OVERDUE}: an ACT or pACT ({@link FdaaaApplicability}) whose results were
 *       due one year after the available completion date (three years when a certificate of delay was
 *       submitted, {@code dispFirstSubmitDate}), past the tracker's 30-day grace period, with no
 *       results posted or submitted in the record.
 *   <li>{@link Kind#STATUS_NOT_VERIFIED}: overall status recruiting, not yet recruiting or enrolling by
 *       invitation, and the last possible day of {@code statusVerifiedDate} more than two years before
 *       the date asked about. "Active, not recruiting" invites nobody and is not counted.
 * </ul>
 */
public final class TrustSignals {

  /** The tracker's grace period after the due date before a trial counts as overdue. */
  public static final int GRACE_DAYS = 30;

  static final Set<Status> LISTED_AS_RECRUITING =
      EnumSet.of(Status.RECRUITING, Status.NOT_YET_RECRUITING, Status.ENROLLING_BY_INVITATION);

  private static final String DESC = "protocolSection.descriptionModule.";
  private static final String ARMS = "protocolSection.armsInterventionsModule.";
  private static final String STATUS = "protocolSection.statusModule.";
  private static final String LOCATIONS = "protocolSection.contactsLocationsModule.locations";
  private static final String LEAD = "protocolSection.sponsorCollaboratorsModule.leadSponsor";

  private TrustSignals() {}

  /**
   * The signals of {@code study} as of {@code asOf}, in {@link Kind} order; empty when none apply.
   * Never throws for absent, odd or malformed fields.
   *
   * @param study the record
   * @param asOf the day the question is asked (due dates and verification age are measured to it)
   * @param cellTherapy whether the trial gives a stem-cell or other cell product (decided by the caller)
   */
  public static List<TrustSignal> of(Study study, LocalDate asOf, boolean cellTherapy) {
    Objects.requireNonNull(asOf, "asOf");
    StudyModules m = StudyModules.of(study);
    List<TrustSignal> signals = new ArrayList<>();
    pay(m).ifPresent(signals::add);
    singleSiteCompany(m).ifPresent(signals::add);
    if (cellTherapy) {
      usWithoutFdaFlag(m).ifPresent(signals::add);
    }
    resultsOverdue(m, asOf).ifPresent(signals::add);
    statusNotVerified(m, asOf).ifPresent(signals::add);
    return List.copyOf(signals);
  }

  static Optional<TrustSignal> pay(StudyModules m) {
    List<Evidence> ev = new ArrayList<>();
    cue(ev, DESC + "briefSummary", m.description().briefSummary());
    cue(ev, DESC + "detailedDescription", m.description().detailedDescription());
    List<ArmGroup> arms = m.arms().armGroups();
    for (int i = 0; arms != null && i < arms.size(); i++) {
      cue(ev, ARMS + "armGroups[" + i + "].description", arms.get(i) == null ? null : arms.get(i).description());
    }
    List<Intervention> interventions = m.arms().interventions();
    for (int i = 0; interventions != null && i < interventions.size(); i++) {
      Intervention iv = interventions.get(i);
      cue(ev, ARMS + "interventions[" + i + "].description", iv == null ? null : iv.description());
    }
    cue(ev, "protocolSection.eligibilityModule.eligibilityCriteria", m.eligibility().eligibilityCriteria());
    if (ev.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(new TrustSignal(Kind.PAY_TO_PARTICIPATE,
        "The record's text says participants pay: \u201c" + ev.get(0).value() + "\u201d (" + where(ev.get(0).field())
            + (ev.size() > 1 ? "; " + (ev.size() - 1) + " more field" + (ev.size() > 2 ? "s" : "") : "") + ")",
        ev));
  }

  private static void cue(List<Evidence> ev, String field, String text) {
    PayCues.first(text).ifPresent(c -> ev.add(Evidence.quote(field, text, c.start(), c.end())));
  }

  private static String where(String field) {
    return field.substring(field.lastIndexOf('.', field.length() - 1) + 1)
        .replaceAll("([a-z])([A-Z])", "$1 $2").toLowerCase(Locale.ROOT)
        + (field.contains("[") ? " of " + field.substring(field.indexOf(ARMS) + ARMS.length(), field.lastIndexOf('.'))
            : "");
  }

  static Optional<TrustSignal> singleSiteCompany(StudyModules m) {
    Sponsor lead = m.sponsors().leadSponsor();
    List<Location> locations = m.contacts().locations();
    if (lead == null || lead.agencyClass() != AgencyClass.INDUSTRY || locations == null || locations.size() != 1) {
      return Optional.empty();
    }
    Location site = locations.get(0);
    String place = site == null ? "" : String.join(", ", nonBlank(site.facility(), site.city(), site.country()));
    return Optional.of(new TrustSignal(Kind.SINGLE_SITE_COMPANY_SPONSOR,
        "Lead sponsor " + (lead.name() == null ? "(no name)" : lead.name()) + " is a company (class INDUSTRY); "
            + "the record lists one site" + (place.isEmpty() ? "" : ": " + place),
        List.of(Evidence.value(LEAD + ".class", lead.agencyClass()), Evidence.value(LEAD + ".name", lead.name()),
            Evidence.value(LOCATIONS + ".length", 1),
            Evidence.value(LOCATIONS + "[0].facility", site == null ? null : site.facility()))));
  }

  static Optional<TrustSignal> usWithoutFdaFlag(StudyModules m) {
    Optional<Integer> us = FdaaaApplicability.usSite(m.contacts().locations());
    if (us.isEmpty()) {
      return Optional.empty();
    }
    OversightModule o = m.study().protocolSection() == null ? null : m.study().protocolSection().oversightModule();
    Boolean drug = o == null ? null : o.isFdaRegulatedDrug();
    Boolean device = o == null ? null : o.isFdaRegulatedDevice();
    if (Boolean.TRUE.equals(drug) || Boolean.TRUE.equals(device)) {
      return Optional.empty();
    }
    if (drug == null && device == null && !updatedSinceFlagsExist(m)) {
      // the record predates the flags (or says nothing of when it was updated): nothing is known
      return Optional.empty();
    }
    String flags = drug == null && device == null
        ? "no FDA-regulated product flag recorded (isFdaRegulatedDrug and isFdaRegulatedDevice absent, "
            + "though the record was updated after the flags were introduced in January 2017)"
        : "FDA-regulated product flags recorded as drug " + yesNo(drug) + ", device " + yesNo(device);
    Location site = m.contacts().locations().get(us.get());
    return Optional.of(new TrustSignal(Kind.US_STEM_CELL_NOT_FDA_REGULATED,
        "Cell-therapy trial with a US site (" + String.join(", ", nonBlank(site.facility(), site.city(), site.state()))
            + "); " + flags,
        List.of(Evidence.value(LOCATIONS + "[" + us.get() + "].country", site.country()),
            Evidence.value(FdaaaApplicability.FDA_DRUG, drug), Evidence.value(FdaaaApplicability.FDA_DEVICE, device))));
  }

  /** The day ClinicalTrials.gov's final rule brought the FDA-regulated product flags in. */
  static final LocalDate FLAGS_INTRODUCED = LocalDate.of(2017, 1, 18);

  /** True when the record's last update (post or submit date) is on or after {@link #FLAGS_INTRODUCED}. */
  private static boolean updatedSinceFlagsExist(StudyModules m) {
    StatusModule s = m.status();
    if (s == null) {
      return false;
    }
    String posted = s.lastUpdatePostDateStruct() == null ? null : s.lastUpdatePostDateStruct().date();
    for (String date : new String[] {posted, s.lastUpdateSubmitDate()}) {
      Optional<PartialDate> d = date == null ? Optional.empty() : PartialDate.parse(date);
      if (d.isPresent() && !d.get().latest().isBefore(FLAGS_INTRODUCED)) {
        return true;
      }
    }
    return false;
  }

  private static String yesNo(Boolean b) {
    return b == null ? "not recorded" : b ? "yes" : "no";
  }

  static Optional<TrustSignal> resultsOverdue(StudyModules m, LocalDate asOf) {
    Assessment a = FdaaaApplicability.assess(m.study());
    if (!a.applicable() || a.completion().isEmpty()) {
      return Optional.empty();
    }
    StatusModule s = m.status();
    if (Boolean.TRUE.equals(m.study().hasResults()) || m.study().resultsSection() != null
        || !blank(s.resultsFirstSubmitDate()) || (s.resultsFirstPostDateStruct() != null
            && !blank(s.resultsFirstPostDateStruct().date())) || submittedForQualityControl(m.study())) {
      return Optional.empty();
    }
    boolean certificate = !blank(s.dispFirstSubmitDate());
    LocalDate completion = a.completion().get();
    LocalDate due = completion.plusYears(certificate ? 3 : 1);
    if (!asOf.isAfter(due.plusDays(GRACE_DAYS))) {
      return Optional.empty();
    }
    boolean primary = a.completionField().equals(FdaaaApplicability.PRIMARY_COMPLETION);
    PartialDateStruct struct = primary ? s.primaryCompletionDateStruct() : s.completionDateStruct();
    String written = struct.date().strip() + (struct.type() == DateType.ESTIMATED ? " (anticipated)" : "");
    String updated = s.lastUpdatePostDateStruct() == null ? null : s.lastUpdatePostDateStruct().date();
    List<Evidence> ev = new ArrayList<>(a.evidence());
    ev.add(Evidence.value("hasResults", m.study().hasResults()));
    ev.add(Evidence.value(STATUS + "resultsFirstSubmitDate", s.resultsFirstSubmitDate()));
    ev.add(Evidence.value(STATUS + "dispFirstSubmitDate", s.dispFirstSubmitDate()));
    return Optional.of(new TrustSignal(Kind.RESULTS_OVERDUE,
        (primary ? "Primary completion " : "Completion (no primary completion date) ") + written
            + "; results due " + due + (certificate ? " (certificate of delay submitted: three years)" : "")
            + "; none posted or submitted in this record by " + asOf
            + (blank(updated) ? "" : " (record last updated " + updated + ")") + "; "
            + (a.category() == FdaaaApplicability.Category.ACT ? "ACT" : "pACT")
            + " by the FDAAA TrialsTracker rules",
        ev));
  }

  /**
   * Whether results were submitted and are in quality-control review: the latest unposted event is a
   * submission ({@code RELEASE}) or a return ({@code RESET}), not a cancellation ({@code UNRELEASE}).
   * The tracker counts a submission not cancelled as reported.
   */
  private static boolean submittedForQualityControl(Study study) {
    if (study.annotationSection() == null) {
      return false;
    }
    AnnotationModule a = study.annotationSection().annotationModule();
    if (a == null || a.unpostedAnnotation() == null || a.unpostedAnnotation().unpostedEvents() == null) {
      return false;
    }
    List<UnpostedEvent> events = a.unpostedAnnotation().unpostedEvents();
    boolean submitted = events.stream().anyMatch(e -> e != null && e.type() == UnpostedEventType.RELEASE);
    UnpostedEvent last = events.isEmpty() ? null : events.get(events.size() - 1);
    return submitted && !(last != null && last.type() == UnpostedEventType.UNRELEASE);
  }

  static Optional<TrustSignal> statusNotVerified(StudyModules m, LocalDate asOf) {
    Status status = m.status().overallStatus();
    if (!LISTED_AS_RECRUITING.contains(status)) {
      return Optional.empty();
    }
    String verified = m.status().statusVerifiedDate();
    Optional<PartialDate> date = PartialDate.parse(verified);
    LocalDate limit = asOf.minusYears(2);
    if (date.isEmpty() || !date.get().latest().isBefore(limit)) {
      return Optional.empty();
    }
    return Optional.of(new TrustSignal(Kind.STATUS_NOT_VERIFIED,
        "Listed as " + status.name().toLowerCase(Locale.ROOT).replace('_', ' ') + "; status last verified "
            + verified.strip() + ", more than two years before " + asOf,
        List.of(Evidence.value(STATUS + "overallStatus", status), Evidence.value(STATUS + "statusVerifiedDate",
            verified))));
  }

  private static List<String> nonBlank(String... parts) {
    List<String> out = new ArrayList<>();
    for (String p : parts) {
      if (!blank(p)) {
        out.add(p.strip());
      }
    }
    return out;
  }

  private static boolean blank(String s) {
    return s == null || s.isBlank();
  }
}
