package org.trialdex.core.validate;

import static org.trialdex.core.validate.Rule.blank;
import static org.trialdex.core.validate.Rule.list;
import static org.trialdex.core.validate.Sections.ARMS;
import static org.trialdex.core.validate.Sections.CONTACTS;
import static org.trialdex.core.validate.Sections.DESIGN;
import static org.trialdex.core.validate.Sections.ELIGIBILITY;
import static org.trialdex.core.validate.Sections.STATUS;
import static org.trialdex.core.validate.StudyDates.COMPLETION;
import static org.trialdex.core.validate.StudyDates.LAST_UPDATE_POST;
import static org.trialdex.core.validate.StudyDates.PRIMARY_COMPLETION;
import static org.trialdex.core.validate.StudyDates.START;
import static org.trialdex.core.validate.StudyDates.VERIFIED;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.trialdex.core.model.ArmGroup;
import org.trialdex.core.model.DateType;
import org.trialdex.core.model.EnrollmentType;
import org.trialdex.core.model.Intervention;
import org.trialdex.core.model.Location;
import org.trialdex.core.model.Phase;
import org.trialdex.core.model.RecruitmentStatus;
import org.trialdex.core.model.Status;
import org.trialdex.core.model.StudyType;
import org.trialdex.core.normalize.Age;
import org.trialdex.core.normalize.PartialDate;
import org.trialdex.core.validate.StudyDates.DateField;
import org.trialdex.core.view.StudyModules;

/**
 * Structured fields that contradict each other. Each finding names both fields and their values.
 * "The past" is the past of the record itself, its {@code statusVerifiedDate} or
 * {@code lastUpdatePostDateStruct}, never the wall clock, so a record's report does not change
 * with the day it is run.
 *
 * <p>{@code consistency.criteria-age-range} compares the age limits the criteria text states in
 * words with {@code minimumAge}/{@code maximumAge}, conservatively (see {@link CriteriaAges}).
 *
 * <p>Not checked: the number of arms against the arm groups (v2 has no number of arms; the legacy
 * XML's {@code number_of_arms} does not survive into the v2 model).
 */
final class ConsistencyRules {

  private ConsistencyRules() {}

  /** Statuses for which the PRS asks why the study stopped. */
  static final Set<Status> STOPPED = Set.of(Status.TERMINATED, Status.SUSPENDED, Status.WITHDRAWN);
  /** Statuses after which no site can still recruit. */
  static final Set<Status> CLOSED = Set.of(Status.COMPLETED, Status.TERMINATED, Status.WITHDRAWN);
  private static final Set<RecruitmentStatus> SITE_OPEN =
      Set.of(RecruitmentStatus.RECRUITING, RecruitmentStatus.NOT_YET_RECRUITING);

  static final List<Rule> ALL = List.of(
      Rule.error("consistency.phases-on-observational", (s, r) -> {
        List<Phase> phases = list(s.design().phases());
        if (s.design().studyType() == StudyType.OBSERVATIONAL && phases.stream().anyMatch(p -> p != Phase.NA)) {
          r.at(DESIGN + ".phases", "phases " + phases + " on a study whose studyType is OBSERVATIONAL;"
              + " phases describe interventional studies only");
        }
      }),
      Rule.error("consistency.has-results", (s, r) -> {
        Boolean has = s.study().hasResults();
        boolean section = s.study().resultsSection() != null;
        if (Boolean.TRUE.equals(has) && !section) {
          r.at("hasResults", "hasResults is true but the record has no resultsSection");
        } else if (!Boolean.TRUE.equals(has) && section) {
          r.at("resultsSection", "the record has a resultsSection but hasResults is " + has);
        }
      }),
      Rule.warning("consistency.ended-with-estimated-completion", (s, r) -> {
        Status status = s.status().overallStatus();
        if (status != Status.COMPLETED && status != Status.TERMINATED) {
          return;
        }
        Optional<DateField> reference = latestOf(s, VERIFIED, LAST_UPDATE_POST);
        if (reference.isEmpty()) {
          return;
        }
        PartialDate ref = reference.get().date().orElseThrow();
        for (String name : List.of(PRIMARY_COMPLETION, COMPLETION)) {
          Optional<DateField> f = StudyDates.field(s.status(), name);
          if (f.isPresent() && f.get().type() == DateType.ESTIMATED) {
            f.get().date().filter(d -> StudyDates.certainlyBefore(d, ref)).ifPresent(d ->
                r.at(f.get().path(), "overallStatus is " + status + " but " + name + " " + d
                    + " is ESTIMATED although it lies before " + reference.get().name() + " " + ref
                    + "; a past completion of an ended study is ACTUAL"));
          }
        }
      }),
      Rule.warning("consistency.not-yet-recruiting-actual-start", (s, r) -> {
        if (s.status().overallStatus() != Status.NOT_YET_RECRUITING) {
          return;
        }
        Optional<DateField> start = StudyDates.field(s.status(), START);
        Optional<PartialDate> verified = StudyDates.date(s.status(), VERIFIED);
        if (start.isPresent() && start.get().type() == DateType.ACTUAL && verified.isPresent()) {
          start.get().date().filter(d -> StudyDates.certainlyBefore(d, verified.get())).ifPresent(d ->
              r.at(start.get().path(), "overallStatus is NOT_YET_RECRUITING but " + START + " " + d
                  + " is ACTUAL and before " + VERIFIED + " " + verified.get()
                  + "; a study that has started is recruiting or past it"));
        }
      }),
      Rule.warning("consistency.not-yet-recruiting-actual-enrollment", (s, r) -> {
        var info = s.design().enrollmentInfo();
        if (s.status().overallStatus() == Status.NOT_YET_RECRUITING && info != null && info.type() == EnrollmentType.ACTUAL) {
          r.at(DESIGN + ".enrollmentInfo.type", "overallStatus is NOT_YET_RECRUITING but enrollmentInfo.type is"
              + " ACTUAL (count " + info.count() + "); before recruitment enrollment can only be ESTIMATED");
        }
      }),
      Rule.warning("consistency.withdrawn-with-enrollment", (s, r) -> {
        var info = s.design().enrollmentInfo();
        if (s.status().overallStatus() == Status.WITHDRAWN && info != null && info.count() != null && info.count() > 0) {
          r.at(DESIGN + ".enrollmentInfo.count", "overallStatus is WITHDRAWN but enrollmentInfo.count is "
              + info.count() + " (" + info.type() + "); a withdrawn study enrolled no one");
        }
      }),
      Rule.error("consistency.why-stopped-missing", (s, r) -> {
        if (in(STOPPED, s.status().overallStatus()) && blank(s.status().whyStopped())) {
          r.at(STATUS + ".whyStopped", "overallStatus is " + s.status().overallStatus()
              + " but whyStopped is missing; the PRS requires the reason for a stopped study");
        }
      }),
      Rule.warning("consistency.why-stopped-while-not-stopped", (s, r) -> {
        Status status = s.status().overallStatus();
        // A study of unknown status keeps the reason of the status it was last known to have.
        Status effective = status == Status.UNKNOWN ? s.status().lastKnownStatus() : status;
        if (!blank(s.status().whyStopped()) && status != null && !in(STOPPED, effective)) {
          r.at(STATUS + ".whyStopped", "whyStopped " + Rule.quote(s.status().whyStopped())
              + " is given but overallStatus is " + status
              + (status == Status.UNKNOWN ? " (last known " + effective + ")" : "")
              + "; the PRS asks for it only of TERMINATED, SUSPENDED or WITHDRAWN studies");
        }
      }),
      Rule.warning("consistency.arm-names-unknown-intervention", (s, r) -> {
        Set<String> known = new HashSet<>();
        for (Intervention i : list(s.arms().interventions())) {
          if (i != null && i.name() != null) {
            known.add(key(i.name()));
            if (i.type() != null) {
              known.add(key(display(i.type().name()) + ": " + i.name()));
            }
          }
        }
        List<ArmGroup> arms = list(s.arms().armGroups());
        for (int a = 0; a < arms.size(); a++) {
          List<String> names = arms.get(a) == null ? List.of() : list(arms.get(a).interventionNames());
          for (int n = 0; n < names.size(); n++) {
            if (names.get(n) != null && !known.contains(key(names.get(n)))) {
              r.at(ARMS + ".armGroups[" + a + "].interventionNames[" + n + "]", "arm group "
                  + Rule.quote(arms.get(a).label()) + " names intervention " + Rule.quote(names.get(n))
                  + ", which is not among interventions[].name");
            }
          }
        }
      }),
      Rule.warning("consistency.intervention-names-unknown-arm", (s, r) -> {
        Set<String> labels = new HashSet<>();
        list(s.arms().armGroups()).stream()
            .filter(a -> a != null && a.label() != null).forEach(a -> labels.add(key(a.label())));
        List<Intervention> interventions = list(s.arms().interventions());
        for (int i = 0; i < interventions.size(); i++) {
          List<String> refs = interventions.get(i) == null ? List.of() : list(interventions.get(i).armGroupLabels());
          for (int n = 0; n < refs.size(); n++) {
            if (refs.get(n) != null && !labels.contains(key(refs.get(n)))) {
              r.at(ARMS + ".interventions[" + i + "].armGroupLabels[" + n + "]", "intervention "
                  + Rule.quote(interventions.get(i).name()) + " names arm group " + Rule.quote(refs.get(n))
                  + ", which is not among armGroups[].label");
            }
          }
        }
      }),
      Rule.warning("consistency.criteria-age-range", (s, r) -> {
        CriteriaAges.Limits stated = CriteriaAges.of(s.eligibility().eligibilityCriteria());
        ageAgainstText(r, "minimumAge", s.eligibility().minimumAge(), stated.minimum(), "a minimum");
        ageAgainstText(r, "maximumAge", s.eligibility().maximumAge(), stated.maximum(), "a maximum");
      }),
      Rule.warning("consistency.site-open-study-closed", (s, r) -> {
        Status status = s.status().overallStatus();
        if (!in(CLOSED, status)) {
          return;
        }
        List<Location> locations = list(s.contacts().locations());
        for (int i = 0; i < locations.size(); i++) {
          Location l = locations.get(i);
          if (l != null && in(SITE_OPEN, l.status())) {
            r.at(CONTACTS + ".locations[" + i + "].status", "location " + Rule.quote(l.facility())
                + " has status " + l.status() + " while overallStatus is " + status);
          }
        }
      }));

  /**
   * Reports a structured age limit the criteria text contradicts. Only a limit both give is
   * compared: a text that states an age the structured fields leave out is not a contradiction.
   */
  private static void ageAgainstText(Rule.Report r, String field, String value, Optional<CriteriaAges.Bound> stated,
      String kind) {
    Optional<Age> structured = Age.parse(value);
    if (stated.isEmpty() || structured.isEmpty() || stated.get().allows(structured.get())) {
      return;
    }
    r.at(ELIGIBILITY + "." + field, field + " is " + structured.get() + " but eligibilityCriteria says "
        + Rule.quote(stated.get().span()) + ", " + kind + " of " + stated.get().describe());
  }

  /** The later of two readable dates of the record, as the record's own "now". */
  private static Optional<DateField> latestOf(StudyModules s, String a, String b) {
    Optional<DateField> first = StudyDates.field(s.status(), a).filter(f -> f.date().isPresent());
    Optional<DateField> second = StudyDates.field(s.status(), b).filter(f -> f.date().isPresent());
    if (first.isEmpty()) {
      return second;
    }
    if (second.isEmpty()) {
      return first;
    }
    return first.get().date().get().compareTo(second.get().date().get()) >= 0 ? first : second;
  }

  /** The v2 display name of an enum constant, as arm groups prefix interventions: "Dietary Supplement". */
  private static String display(String constant) {
    StringBuilder out = new StringBuilder();
    for (String word : constant.split("_")) {
      if (!out.isEmpty()) {
        out.append(' ');
      }
      out.append(word.charAt(0)).append(word.substring(1).toLowerCase(Locale.ROOT));
    }
    return out.toString();
  }

  /** {@code Set.of(...).contains(null)} throws; an absent status is in no set. */
  private static <T> boolean in(Set<T> set, T value) {
    return value != null && set.contains(value);
  }

  private static String key(String name) {
    return name.strip().toLowerCase(Locale.ROOT);
  }
}
