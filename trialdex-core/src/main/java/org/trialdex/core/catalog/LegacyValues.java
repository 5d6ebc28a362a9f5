package org.trialdex.core.catalog;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.trialdex.core.model.AgencyClass;
import org.trialdex.core.model.AgreementRestrictionType;
import org.trialdex.core.model.AnalysisDispersionType;
import org.trialdex.core.model.ArmGroupType;
import org.trialdex.core.model.BrowseLeafRelevance;
import org.trialdex.core.model.ConfidenceIntervalNumSides;
import org.trialdex.core.model.ContactRole;
import org.trialdex.core.model.DateType;
import org.trialdex.core.model.DesignAllocation;
import org.trialdex.core.model.DesignMasking;
import org.trialdex.core.model.DesignTimePerspective;
import org.trialdex.core.model.EnrollmentType;
import org.trialdex.core.model.EventAssessment;
import org.trialdex.core.model.ExpandedAccessStatus;
import org.trialdex.core.model.InterventionType;
import org.trialdex.core.model.InterventionalAssignment;
import org.trialdex.core.model.IpdSharing;
import org.trialdex.core.model.IpdSharingInfoType;
import org.trialdex.core.model.MeasureDispersionType;
import org.trialdex.core.model.MeasureParam;
import org.trialdex.core.model.NonInferiorityType;
import org.trialdex.core.model.ObservationalModel;
import org.trialdex.core.model.OfficialRole;
import org.trialdex.core.model.OrgStudyIdType;
import org.trialdex.core.model.OutcomeMeasureType;
import org.trialdex.core.model.Phase;
import org.trialdex.core.model.PrimaryPurpose;
import org.trialdex.core.model.RecruitmentStatus;
import org.trialdex.core.model.ReferenceType;
import org.trialdex.core.model.ReportingStatus;
import org.trialdex.core.model.ResponsiblePartyType;
import org.trialdex.core.model.SamplingMethod;
import org.trialdex.core.model.SecondaryIdType;
import org.trialdex.core.model.Sex;
import org.trialdex.core.model.StandardAge;
import org.trialdex.core.model.Status;
import org.trialdex.core.model.StudyType;
import org.trialdex.core.model.UnpostedEventType;
import org.trialdex.core.model.ViolationEventType;
import org.trialdex.core.model.WhoMasked;

/**
 * The legacy value of every v2 enum constant: how the classic API (and its CSV, and the classic
 * study fields trialdex reads) wrote it, which the live {@code /studies/enums} gives as
 * {@code legacyValue}. A piece whose classic value differs from its enum's
 * ({@code StudyFirstPostDateType} writes {@code ESTIMATED} as {@code Estimate}, the other date
 * types as {@code Anticipated}) is an exception of that value.
 *
 * <p>Written by hand from the classic study fields (every value of every enum piece in
 * {@code msc-trials-2022}, checked by {@code LegacyValuesTest}) and, for values that corpus lacks,
 * from the classic display names the legacy XML and the registry pages use.
 */
public final class LegacyValues {

  private static final Map<Enum<?>, String> VALUES = new HashMap<>();
  private static final Map<Enum<?>, Map<String, String>> EXCEPTIONS = new HashMap<>();

  static {
    same(AgencyClass.values());
    same(AgreementRestrictionType.values());
    t(AnalysisDispersionType.STANDARD_DEVIATION, "Standard Deviation", AnalysisDispersionType.STANDARD_ERROR_OF_MEAN,
        "Standard Error of the Mean");
    t(ArmGroupType.EXPERIMENTAL, "Experimental", ArmGroupType.ACTIVE_COMPARATOR, "Active Comparator",
        ArmGroupType.PLACEBO_COMPARATOR, "Placebo Comparator", ArmGroupType.SHAM_COMPARATOR, "Sham Comparator",
        ArmGroupType.NO_INTERVENTION, "No Intervention", ArmGroupType.OTHER, "Other");
    t(BrowseLeafRelevance.LOW, "low", BrowseLeafRelevance.HIGH, "high");
    t(ConfidenceIntervalNumSides.ONE_SIDED, "1-Sided", ConfidenceIntervalNumSides.TWO_SIDED, "2-Sided");
    t(ContactRole.STUDY_CHAIR, "Study Chair", ContactRole.STUDY_DIRECTOR, "Study Director",
        ContactRole.PRINCIPAL_INVESTIGATOR, "Principal Investigator", ContactRole.SUB_INVESTIGATOR, "Sub-Investigator",
        ContactRole.CONTACT, "Contact");
    t(DateType.ACTUAL, "Actual", DateType.ESTIMATED, "Anticipated");
    // Posting dates were "Estimate", the study's own dates "Anticipated" (classic study fields).
    for (String piece : List.of("StudyFirstPostDateType", "ResultsFirstPostDateType", "DispFirstPostDateType",
        "LastUpdatePostDateType", "FirstMCPPostDateType")) {
      EXCEPTIONS.computeIfAbsent(DateType.ESTIMATED, k -> new java.util.LinkedHashMap<>()).put(piece, "Estimate");
    }
    t(DesignAllocation.RANDOMIZED, "Randomized", DesignAllocation.NON_RANDOMIZED, "Non-Randomized",
        DesignAllocation.NA, "N/A");
    t(DesignMasking.NONE, "None (Open Label)", DesignMasking.SINGLE, "Single", DesignMasking.DOUBLE, "Double",
        DesignMasking.TRIPLE, "Triple", DesignMasking.QUADRUPLE, "Quadruple");
    t(DesignTimePerspective.RETROSPECTIVE, "Retrospective", DesignTimePerspective.PROSPECTIVE, "Prospective",
        DesignTimePerspective.CROSS_SECTIONAL, "Cross-Sectional", DesignTimePerspective.OTHER, "Other");
    t(EnrollmentType.ACTUAL, "Actual", EnrollmentType.ESTIMATED, "Anticipated");
    t(EventAssessment.NON_SYSTEMATIC_ASSESSMENT, "Non-systematic Assessment",
        EventAssessment.SYSTEMATIC_ASSESSMENT, "Systematic Assessment");
    t(ExpandedAccessStatus.AVAILABLE, "Available", ExpandedAccessStatus.NO_LONGER_AVAILABLE, "No longer available",
        ExpandedAccessStatus.TEMPORARILY_NOT_AVAILABLE, "Temporarily not available",
        ExpandedAccessStatus.APPROVED_FOR_MARKETING, "Approved for marketing");
    t(InterventionType.BEHAVIORAL, "Behavioral", InterventionType.BIOLOGICAL, "Biological",
        InterventionType.COMBINATION_PRODUCT, "Combination Product", InterventionType.DEVICE, "Device",
        InterventionType.DIAGNOSTIC_TEST, "Diagnostic Test", InterventionType.DIETARY_SUPPLEMENT, "Dietary Supplement",
        InterventionType.DRUG, "Drug", InterventionType.GENETIC, "Genetic", InterventionType.PROCEDURE, "Procedure",
        InterventionType.RADIATION, "Radiation", InterventionType.OTHER, "Other");
    t(InterventionalAssignment.SINGLE_GROUP, "Single Group Assignment", InterventionalAssignment.PARALLEL,
        "Parallel Assignment", InterventionalAssignment.CROSSOVER, "Crossover Assignment",
        InterventionalAssignment.FACTORIAL, "Factorial Assignment", InterventionalAssignment.SEQUENTIAL,
        "Sequential Assignment");
    t(IpdSharing.YES, "Yes", IpdSharing.NO, "No", IpdSharing.UNDECIDED, "Undecided");
    t(IpdSharingInfoType.STUDY_PROTOCOL, "Study Protocol", IpdSharingInfoType.SAP, "Statistical Analysis Plan (SAP)",
        IpdSharingInfoType.ICF, "Informed Consent Form (ICF)", IpdSharingInfoType.CSR, "Clinical Study Report (CSR)",
        IpdSharingInfoType.ANALYTIC_CODE, "Analytic Code");
    t(MeasureDispersionType.NA, "Not Applicable", MeasureDispersionType.STANDARD_DEVIATION, "Standard Deviation",
        MeasureDispersionType.STANDARD_ERROR, "Standard Error", MeasureDispersionType.INTER_QUARTILE_RANGE,
        "Inter-Quartile Range", MeasureDispersionType.FULL_RANGE, "Full Range", MeasureDispersionType.CONFIDENCE_80,
        "80% Confidence Interval", MeasureDispersionType.CONFIDENCE_90, "90% Confidence Interval",
        MeasureDispersionType.CONFIDENCE_95, "95% Confidence Interval", MeasureDispersionType.CONFIDENCE_975,
        "97.5% Confidence Interval", MeasureDispersionType.CONFIDENCE_99, "99% Confidence Interval",
        MeasureDispersionType.CONFIDENCE_OTHER, "Other Confidence Interval Level",
        MeasureDispersionType.GEOMETRIC_COEFFICIENT, "Geometric Coefficient of Variation");
    t(MeasureParam.GEOMETRIC_MEAN, "Geometric Mean", MeasureParam.GEOMETRIC_LEAST_SQUARES_MEAN,
        "Geometric Least Squares Mean", MeasureParam.LEAST_SQUARES_MEAN, "Least Squares Mean", MeasureParam.LOG_MEAN,
        "Log Mean", MeasureParam.MEAN, "Mean", MeasureParam.MEDIAN, "Median", MeasureParam.NUMBER, "Number",
        MeasureParam.COUNT_OF_PARTICIPANTS, "Count of Participants", MeasureParam.COUNT_OF_UNITS, "Count of Units");
    t(NonInferiorityType.SUPERIORITY, "Superiority", NonInferiorityType.NON_INFERIORITY, "Non-Inferiority",
        NonInferiorityType.EQUIVALENCE, "Equivalence", NonInferiorityType.OTHER, "Other",
        NonInferiorityType.NON_INFERIORITY_OR_EQUIVALENCE, "Non-Inferiority or Equivalence",
        NonInferiorityType.SUPERIORITY_OR_OTHER, "Superiority or Other",
        NonInferiorityType.NON_INFERIORITY_OR_EQUIVALENCE_LEGACY, "Non-Inferiority or Equivalence (legacy)",
        NonInferiorityType.SUPERIORITY_OR_OTHER_LEGACY, "Superiority or Other (legacy)");
    t(ObservationalModel.COHORT, "Cohort", ObservationalModel.CASE_CONTROL, "Case-Control",
        ObservationalModel.CASE_ONLY, "Case-Only", ObservationalModel.CASE_CROSSOVER, "Case-Crossover",
        ObservationalModel.ECOLOGIC_OR_COMMUNITY, "Ecologic or Community", ObservationalModel.FAMILY_BASED,
        "Family-Based", ObservationalModel.DEFINED_POPULATION, "Defined Population",
        ObservationalModel.NATURAL_HISTORY, "Natural History", ObservationalModel.OTHER, "Other");
    t(OfficialRole.STUDY_CHAIR, "Study Chair", OfficialRole.STUDY_DIRECTOR, "Study Director",
        OfficialRole.PRINCIPAL_INVESTIGATOR, "Principal Investigator", OfficialRole.SUB_INVESTIGATOR,
        "Sub-Investigator");
    for (OrgStudyIdType v : OrgStudyIdType.values()) {
      VALUES.put(v, "U.S. " + v.name() + " Grant/Contract");
    }
    for (SecondaryIdType v : List.of(SecondaryIdType.NIH, SecondaryIdType.FDA, SecondaryIdType.VA,
        SecondaryIdType.CDC, SecondaryIdType.AHRQ, SecondaryIdType.SAMHSA)) {
      VALUES.put(v, "U.S. " + v.name() + " Grant/Contract");
    }
    t(SecondaryIdType.OTHER_GRANT, "Other Grant/Funding Number", SecondaryIdType.EUDRACT_NUMBER, "EudraCT Number",
        SecondaryIdType.REGISTRY, "Registry Identifier", SecondaryIdType.OTHER, "Other Identifier");
    t(OutcomeMeasureType.PRIMARY, "Primary", OutcomeMeasureType.SECONDARY, "Secondary",
        OutcomeMeasureType.OTHER_PRE_SPECIFIED, "Other Pre-specified", OutcomeMeasureType.POST_HOC, "Post-Hoc");
    t(Phase.NA, "Not Applicable", Phase.EARLY_PHASE1, "Early Phase 1", Phase.PHASE1, "Phase 1", Phase.PHASE2,
        "Phase 2", Phase.PHASE3, "Phase 3", Phase.PHASE4, "Phase 4");
    t(PrimaryPurpose.TREATMENT, "Treatment", PrimaryPurpose.PREVENTION, "Prevention", PrimaryPurpose.DIAGNOSTIC,
        "Diagnostic", PrimaryPurpose.ECT, "Educational/Counseling/Training", PrimaryPurpose.SUPPORTIVE_CARE,
        "Supportive Care", PrimaryPurpose.SCREENING, "Screening", PrimaryPurpose.HEALTH_SERVICES_RESEARCH,
        "Health Services Research", PrimaryPurpose.BASIC_SCIENCE, "Basic Science", PrimaryPurpose.DEVICE_FEASIBILITY,
        "Device Feasibility", PrimaryPurpose.OTHER, "Other");
    for (RecruitmentStatus v : RecruitmentStatus.values()) {
      VALUES.put(v, sentence(v.name()));
    }
    VALUES.put(RecruitmentStatus.ACTIVE_NOT_RECRUITING, "Active, not recruiting");
    t(ReferenceType.BACKGROUND, "background", ReferenceType.RESULT, "result", ReferenceType.DERIVED, "derived");
    t(ReportingStatus.NOT_POSTED, "Not Posted", ReportingStatus.POSTED, "Posted");
    t(ResponsiblePartyType.SPONSOR, "Sponsor", ResponsiblePartyType.PRINCIPAL_INVESTIGATOR, "Principal Investigator",
        ResponsiblePartyType.SPONSOR_INVESTIGATOR, "Sponsor-Investigator");
    t(SamplingMethod.PROBABILITY_SAMPLE, "Probability Sample", SamplingMethod.NON_PROBABILITY_SAMPLE,
        "Non-Probability Sample");
    t(Sex.FEMALE, "Female", Sex.MALE, "Male", Sex.ALL, "All");
    t(StandardAge.CHILD, "Child", StandardAge.ADULT, "Adult", StandardAge.OLDER_ADULT, "Older Adult");
    for (Status v : Status.values()) {
      VALUES.put(v, sentence(v.name()));
    }
    t(Status.ACTIVE_NOT_RECRUITING, "Active, not recruiting", Status.UNKNOWN, "Unknown status");
    t(StudyType.EXPANDED_ACCESS, "Expanded Access", StudyType.INTERVENTIONAL, "Interventional",
        StudyType.OBSERVATIONAL, "Observational");
    t(UnpostedEventType.RESET, "Reset", UnpostedEventType.RELEASE, "Release", UnpostedEventType.UNRELEASE,
        "Unrelease");
    t(ViolationEventType.VIOLATION_IDENTIFIED, "Violation Identified", ViolationEventType.CORRECTION_CONFIRMED,
        "Correction Confirmed", ViolationEventType.PENALTY_IMPOSED, "Penalty Imposed");
    t(WhoMasked.PARTICIPANT, "Participant", WhoMasked.CARE_PROVIDER, "Care Provider", WhoMasked.INVESTIGATOR,
        "Investigator", WhoMasked.OUTCOMES_ASSESSOR, "Outcomes Assessor");
  }

  private LegacyValues() {}

  /** The legacy value of a v2 constant ({@code NOT_YET_RECRUITING}: {@code Not yet recruiting}), or empty. */
  public static Optional<String> of(Enum<?> constant) {
    return Optional.ofNullable(VALUES.get(constant));
  }

  /** The pieces that write {@code constant} otherwise than {@link #of}, each with its legacy value. */
  public static Map<String, String> exceptions(Enum<?> constant) {
    return EXCEPTIONS.getOrDefault(constant, Map.of());
  }

  /** The legacy value {@code piece} writes {@code constant} as: its exception, else {@link #of}. */
  public static Optional<String> of(Enum<?> constant, String piece) {
    String e = exceptions(constant).get(piece);
    return e != null ? Optional.of(e) : of(constant);
  }

  private static void same(Enum<?>[] values) {
    for (Enum<?> v : values) {
      VALUES.put(v, v.name());
    }
  }

  private static void t(Object... pairs) {
    for (int i = 0; i < pairs.length; i += 2) {
      VALUES.put((Enum<?>) pairs[i], (String) pairs[i + 1]);
    }
  }

  private static String sentence(String constant) {
    String s = constant.toLowerCase(java.util.Locale.ROOT).replace('_', ' ');
    return Character.toUpperCase(s.charAt(0)) + s.substring(1);
  }
}
