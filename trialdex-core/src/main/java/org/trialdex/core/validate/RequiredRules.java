package org.trialdex.core.validate;

import static org.trialdex.core.validate.Rule.list;
import static org.trialdex.core.validate.Sections.CONDITIONS;
import static org.trialdex.core.validate.Sections.CONTACTS;
import static org.trialdex.core.validate.Sections.DESCRIPTION;
import static org.trialdex.core.validate.Sections.DESIGN;
import static org.trialdex.core.validate.Sections.DESIGN_INFO;
import static org.trialdex.core.validate.Sections.ARMS;
import static org.trialdex.core.validate.Sections.ELIGIBILITY;
import static org.trialdex.core.validate.Sections.IDENTIFICATION;
import static org.trialdex.core.validate.Sections.OUTCOMES;
import static org.trialdex.core.validate.Sections.SPONSORS;
import static org.trialdex.core.validate.Sections.STATUS;

import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import org.trialdex.core.model.Location;
import org.trialdex.core.model.Status;
import org.trialdex.core.source.RecordIds;
import org.trialdex.core.view.StudyModules;

/**
 * Data elements the ClinicalTrials.gov PRS requires, per its Protocol Registration Data Element
 * Definitions. Scopes follow those definitions: some elements are required of every record, some
 * of interventional or observational studies only; expanded access records are held only to the
 * elements they share with studies. The official title has been required of interventional
 * registrations since the 2017 Final Rule; older records lack it, so its rule is a warning.
 */
final class RequiredRules {

  private RequiredRules() {}

  private static final Pattern NCT_ID = RecordIds.NCT_ID;
  private static final Set<Status> RECRUITING = Set.of(Status.RECRUITING, Status.NOT_YET_RECRUITING);

  private static final Predicate<StudyModules> EVERY = s -> true;
  private static final Predicate<StudyModules> STUDY = Sections::registersAStudy;
  private static final Predicate<StudyModules> INTERVENTIONAL = Sections::interventional;
  private static final Predicate<StudyModules> OBSERVATIONAL = Sections::observational;

  static final List<Rule> ALL = List.of(
      required("required.nct-id", IDENTIFICATION + ".nctId", EVERY, "every record",
          s -> s.identification().nctId()),
      Rule.error("required.nct-id-format", (s, r) -> {
        String id = s.identification().nctId();
        if (id != null && !id.isBlank() && !NCT_ID.matcher(id).matches()) {
          r.at(IDENTIFICATION + ".nctId", "nctId " + Rule.quote(id)
              + " is not NCT followed by 8 digits, the form ClinicalTrials.gov assigns");
        }
      }),
      required("required.org-study-id", IDENTIFICATION + ".orgStudyIdInfo.id", EVERY, "every record",
          s -> s.identification().orgStudyIdInfo() == null ? null : s.identification().orgStudyIdInfo().id()),
      required("required.brief-title", IDENTIFICATION + ".briefTitle", EVERY, "every record",
          s -> s.identification().briefTitle()),
      Rule.warning("required.official-title", (s, r) -> {
        if (Sections.interventional(s) && isMissing(s.identification().officialTitle())) {
          r.at(IDENTIFICATION + ".officialTitle", "officialTitle is missing; the PRS has required it of"
              + " interventional studies since the 2017 Final Rule (this record was first submitted "
              + Rule.quote(s.status().studyFirstSubmitDate()) + ")");
        }
      }),
      required("required.organization", IDENTIFICATION + ".organization.fullName", EVERY, "every record",
          s -> s.identification().organization() == null ? null : s.identification().organization().fullName()),
      required("required.lead-sponsor", SPONSORS + ".leadSponsor.name", EVERY, "every record",
          s -> s.sponsors().leadSponsor() == null ? null : s.sponsors().leadSponsor().name()),
      required("required.responsible-party", SPONSORS + ".responsibleParty", STUDY, "every study",
          s -> s.sponsors().responsibleParty()),
      required("required.overall-status", STATUS + ".overallStatus", EVERY, "every record",
          s -> s.status().overallStatus()),
      required("required.status-verified-date", STATUS + ".statusVerifiedDate", EVERY, "every record",
          s -> s.status().statusVerifiedDate()),
      required("required.start-date", STATUS + ".startDateStruct.date", STUDY, "every study",
          s -> s.status().startDateStruct() == null ? null : s.status().startDateStruct().date()),
      required("required.primary-completion-date", STATUS + ".primaryCompletionDateStruct.date", INTERVENTIONAL,
          "interventional studies",
          s -> s.status().primaryCompletionDateStruct() == null ? null : s.status().primaryCompletionDateStruct().date()),
      required("required.completion-date", STATUS + ".completionDateStruct.date", STUDY, "every study",
          s -> s.status().completionDateStruct() == null ? null : s.status().completionDateStruct().date()),
      required("required.brief-summary", DESCRIPTION + ".briefSummary", EVERY, "every record",
          s -> s.description().briefSummary()),
      required("required.conditions", CONDITIONS + ".conditions", EVERY, "every record",
          s -> s.conditions().conditions()),
      required("required.study-type", DESIGN + ".studyType", EVERY, "every record",
          s -> s.design().studyType()),
      required("required.phases", DESIGN + ".phases", INTERVENTIONAL, "interventional studies",
          s -> s.design().phases()),
      required("required.allocation", DESIGN_INFO + ".allocation", INTERVENTIONAL, "interventional studies",
          s -> s.designInfo().allocation()),
      required("required.intervention-model", DESIGN_INFO + ".interventionModel", INTERVENTIONAL,
          "interventional studies", s -> s.designInfo().interventionModel()),
      required("required.primary-purpose", DESIGN_INFO + ".primaryPurpose", INTERVENTIONAL,
          "interventional studies", s -> s.designInfo().primaryPurpose()),
      required("required.masking", DESIGN_INFO + ".maskingInfo.masking", INTERVENTIONAL, "interventional studies",
          s -> s.designInfo().maskingInfo() == null ? null : s.designInfo().maskingInfo().masking()),
      required("required.observational-model", DESIGN_INFO + ".observationalModel", OBSERVATIONAL,
          "observational studies", s -> s.designInfo().observationalModel()),
      required("required.time-perspective", DESIGN_INFO + ".timePerspective", OBSERVATIONAL,
          "observational studies", s -> s.designInfo().timePerspective()),
      required("required.enrollment-count", DESIGN + ".enrollmentInfo.count", STUDY, "every study",
          s -> s.design().enrollmentInfo() == null ? null : s.design().enrollmentInfo().count()),
      required("required.interventions", ARMS + ".interventions", INTERVENTIONAL, "interventional studies",
          s -> s.arms().interventions()),
      required("required.primary-outcomes", OUTCOMES + ".primaryOutcomes", INTERVENTIONAL,
          "interventional studies", s -> s.outcomes().primaryOutcomes()),
      required("required.eligibility-criteria", ELIGIBILITY + ".eligibilityCriteria", STUDY, "every study",
          s -> s.eligibility().eligibilityCriteria()),
      required("required.sex", ELIGIBILITY + ".sex", STUDY, "every study", s -> s.eligibility().sex()),
      required("required.healthy-volunteers", ELIGIBILITY + ".healthyVolunteers", STUDY, "every study",
          s -> s.eligibility().healthyVolunteers()),
      Rule.error("required.recruiting-contact", (s, r) -> {
        Status status = s.status().overallStatus();
        if (status == null || !RECRUITING.contains(status)) {
          return;
        }
        boolean central = !list(s.contacts().centralContacts()).isEmpty();
        boolean atLocation = list(s.contacts().locations()).stream()
            .map(Location::contacts).anyMatch(c -> c != null && !c.isEmpty());
        if (!central && !atLocation) {
          r.at(CONTACTS + ".centralContacts", "overallStatus is " + status
              + " but there is no central contact and no location contact; the PRS requires one of"
              + " them while a study recruits, so that patients can reach it");
        }
      }));

  private static Rule required(String id, String path, Predicate<StudyModules> scope, String scopeText,
      Function<StudyModules, Object> value) {
    String field = path.substring(path.indexOf('.', path.indexOf('.') + 1) + 1);
    return Rule.error(id, (s, r) -> {
      if (scope.test(s) && isMissing(value.apply(s))) {
        r.at(path, field + " is missing; the PRS requires it of " + scopeText
            + (s.design().studyType() == null ? "" : " (this record: " + s.design().studyType() + ")"));
      }
    });
  }

  private static boolean isMissing(Object value) {
    return value == null
        || value instanceof String text && text.isBlank()
        || value instanceof Collection<?> items && items.isEmpty();
  }
}
