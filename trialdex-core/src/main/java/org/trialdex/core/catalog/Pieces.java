package org.trialdex.core.catalog;

import static org.trialdex.core.catalog.Pieces.ValueType.AGE;
import static org.trialdex.core.catalog.Pieces.ValueType.BOOLEAN;
import static org.trialdex.core.catalog.Pieces.ValueType.CONSTANT;
import static org.trialdex.core.catalog.Pieces.ValueType.DATE;
import static org.trialdex.core.catalog.Pieces.ValueType.DATE_OR_UNKNOWN;
import static org.trialdex.core.catalog.Pieces.ValueType.DATE_TIME;
import static org.trialdex.core.catalog.Pieces.ValueType.INTEGER;
import static org.trialdex.core.catalog.Pieces.ValueType.OUTCOME_DISPERSION;
import static org.trialdex.core.catalog.Pieces.ValueType.PHASE;
import static org.trialdex.core.catalog.Pieces.ValueType.TEXT;

import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import org.trialdex.core.model.AgencyClass;
import org.trialdex.core.model.AgreementRestrictionType;
import org.trialdex.core.model.AnalysisDispersionType;
import org.trialdex.core.model.ArmGroupType;
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
import org.trialdex.core.model.WhoMasked;

/**
 * Every ClinicalTrials.gov piece trialdex knows (the classic field names, which the v2 data model
 * keeps as its piece names), with its v2 path and value type: the one table of them. The classic
 * reader maps pieces by it, the HTTP {@code fields=} parser and the CSV writer take piece names
 * and column titles from it, and the search schema's piece-named fields and the
 * {@link AggFilters} selections are tested against it. {@code docs/classic-fields-mapping.md}
 * explains the mapping rules.
 *
 * <p>A path is written as v2 JSON member names joined by dots, with {@code []} after each list:
 * {@code protocolSection.contactsLocationsModule.locations[].city}.
 */
public final class Pieces {

  /** How a piece's v2 value is written, and so how a reader converts to it. */
  public enum ValueType {
    /** Free text. */
    TEXT,
    /** A partial date ({@code 2009-06}). */
    DATE,
    /** A date that the classic export may write as {@code Unknown}. */
    DATE_OR_UNKNOWN,
    /** A date and time ({@code 2021-06-17T03:40}). */
    DATE_TIME,
    /** A constant of the v2 enum the piece names. */
    ENUM,
    /** A text member holding constants ({@code bioSpec.retention}). */
    CONSTANT,
    /** An outcome measure's dispersion type: a constant where one exists, else text. */
    OUTCOME_DISPERSION,
    /** {@code true} or {@code false}. */
    BOOLEAN,
    /** A whole number. */
    INTEGER,
    /** An age limit ({@code 18 Years}). */
    AGE,
    /** The phases list. */
    PHASE,
    /** A known piece with no faithful v2 member here. */
    NOT_MAPPED
  }

  /**
   * One piece.
   *
   * @param name the piece name ({@code LocationCity}); also the CSV column title
   * @param path the v2 path
   * @param type how its value is written
   * @param enumType the v2 enum of an {@link ValueType#ENUM} piece
   * @param note why a {@link ValueType#NOT_MAPPED} piece is not mapped, else ""
   * @param areas the search areas ({@code query.*}, {@code AREA[ConditionSearch]}) that search it
   */
  public record Piece(String name, String path, ValueType type, Optional<Class<? extends Enum<?>>> enumType,
      String note, List<String> areas) {
    public Piece {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(path, "path");
      Objects.requireNonNull(type, "type");
      Objects.requireNonNull(enumType, "enumType");
      Objects.requireNonNull(note, "note");
      areas = List.copyOf(areas);
    }

    /** The path without list markers, as JSON field paths and {@code fields=} write it. */
    public String fieldPath() {
      return path.replace("[]", "");
    }
  }

  private static final String ID = "protocolSection.identificationModule.";
  private static final String ST = "protocolSection.statusModule.";
  private static final String SP = "protocolSection.sponsorCollaboratorsModule.";
  private static final String OV = "protocolSection.oversightModule.";
  private static final String DE = "protocolSection.descriptionModule.";
  private static final String CO = "protocolSection.conditionsModule.";
  private static final String DS = "protocolSection.designModule.";
  private static final String AI = "protocolSection.armsInterventionsModule.";
  private static final String OU = "protocolSection.outcomesModule.";
  private static final String EL = "protocolSection.eligibilityModule.";
  private static final String CL = "protocolSection.contactsLocationsModule.";
  private static final String RE = "protocolSection.referencesModule.";
  private static final String IPD = "protocolSection.ipdSharingStatementModule.";
  private static final String PF = "resultsSection.participantFlowModule.";
  private static final String BC = "resultsSection.baselineCharacteristicsModule.";
  private static final String OM = "resultsSection.outcomeMeasuresModule.outcomeMeasures[].";
  private static final String AE = "resultsSection.adverseEventsModule.";
  private static final String MI = "resultsSection.moreInfoModule.";
  private static final String UA = "annotationSection.annotationModule.unpostedAnnotation.";
  private static final String DOC = "documentSection.largeDocumentModule.largeDocs[].";
  private static final String MISC = "derivedSection.miscInfoModule.";
  private static final String CB = "derivedSection.conditionBrowseModule.";
  private static final String IB = "derivedSection.interventionBrowseModule.";

  private static final String NESTED = "the classic export flattens this nested list across its parents and drops"
      + " empty values, so which value belongs to which class, category or group is not recorded";
  private static final String NO_V2 = "v2 has no member for it";

  /**
   * trialdex's search areas, as ClinicalTrials.gov names them, and the pieces each searches: the
   * index's areas are tested against this.
   */
  private static final Map<String, List<String>> AREAS = areas();

  private static final Map<String, Piece> BY_NAME = new LinkedHashMap<>();

  static {
    // identification
    p("NCTId", ID + "nctId", TEXT);
    p("NCTIdAlias", ID + "nctIdAliases[]", TEXT);
    p("OrgStudyId", ID + "orgStudyIdInfo.id", TEXT);
    e("OrgStudyIdType", ID + "orgStudyIdInfo.type", OrgStudyIdType.class);
    p("OrgStudyIdLink", ID + "orgStudyIdInfo.link", TEXT);
    no("OrgStudyIdDomain", ID + "orgStudyIdInfo.domain", NO_V2);
    p("SecondaryId", ID + "secondaryIdInfos[].id", TEXT);
    e("SecondaryIdType", ID + "secondaryIdInfos[].type", SecondaryIdType.class);
    p("SecondaryIdDomain", ID + "secondaryIdInfos[].domain", TEXT);
    p("SecondaryIdLink", ID + "secondaryIdInfos[].link", TEXT);
    p("BriefTitle", ID + "briefTitle", TEXT);
    p("OfficialTitle", ID + "officialTitle", TEXT);
    p("Acronym", ID + "acronym", TEXT);
    p("OrgFullName", ID + "organization.fullName", TEXT);
    e("OrgClass", ID + "organization.class", AgencyClass.class);
    // status
    p("StatusVerifiedDate", ST + "statusVerifiedDate", DATE);
    e("OverallStatus", ST + "overallStatus", Status.class);
    e("LastKnownStatus", ST + "lastKnownStatus", Status.class);
    p("DelayedPosting", ST + "delayedPosting", BOOLEAN);
    p("WhyStopped", ST + "whyStopped", TEXT);
    p("HasExpandedAccess", ST + "expandedAccessInfo.hasExpandedAccess", BOOLEAN);
    p("ExpandedAccessNCTId", ST + "expandedAccessInfo.nctId", TEXT);
    e("ExpandedAccessStatusForNCTId", ST + "expandedAccessInfo.statusForNctId", ExpandedAccessStatus.class);
    dateStruct("StartDate", ST + "startDateStruct");
    dateStruct("PrimaryCompletionDate", ST + "primaryCompletionDateStruct");
    dateStruct("CompletionDate", ST + "completionDateStruct");
    p("StudyFirstSubmitDate", ST + "studyFirstSubmitDate", DATE);
    p("StudyFirstSubmitQCDate", ST + "studyFirstSubmitQcDate", DATE);
    dateStruct("StudyFirstPostDate", ST + "studyFirstPostDateStruct");
    p("ResultsFirstSubmitDate", ST + "resultsFirstSubmitDate", DATE);
    p("ResultsFirstSubmitQCDate", ST + "resultsFirstSubmitQcDate", DATE);
    dateStruct("ResultsFirstPostDate", ST + "resultsFirstPostDateStruct");
    no("ResultsFirstPostedQCCommentsDate", ST + "resultsFirstPostedQcCommentsDateStruct.date", NO_V2);
    no("ResultsFirstPostedQCCommentsDateType", ST + "resultsFirstPostedQcCommentsDateStruct.type", NO_V2);
    p("DispFirstSubmitDate", ST + "dispFirstSubmitDate", DATE);
    p("DispFirstSubmitQCDate", ST + "dispFirstSubmitQcDate", DATE);
    dateStruct("DispFirstPostDate", ST + "dispFirstPostDateStruct");
    p("LastUpdateSubmitDate", ST + "lastUpdateSubmitDate", DATE);
    dateStruct("LastUpdatePostDate", ST + "lastUpdatePostDateStruct");
    // sponsors
    e("ResponsiblePartyType", SP + "responsibleParty.type", ResponsiblePartyType.class);
    p("ResponsiblePartyInvestigatorFullName", SP + "responsibleParty.investigatorFullName", TEXT);
    p("ResponsiblePartyInvestigatorTitle", SP + "responsibleParty.investigatorTitle", TEXT);
    p("ResponsiblePartyInvestigatorAffiliation", SP + "responsibleParty.investigatorAffiliation", TEXT);
    p("ResponsiblePartyOldNameTitle", SP + "responsibleParty.oldNameTitle", TEXT);
    p("ResponsiblePartyOldOrganization", SP + "responsibleParty.oldOrganization", TEXT);
    p("LeadSponsorName", SP + "leadSponsor.name", TEXT);
    e("LeadSponsorClass", SP + "leadSponsor.class", AgencyClass.class);
    p("CollaboratorName", SP + "collaborators[].name", TEXT);
    e("CollaboratorClass", SP + "collaborators[].class", AgencyClass.class);
    // oversight
    p("OversightHasDMC", OV + "oversightHasDmc", BOOLEAN);
    p("IsFDARegulatedDrug", OV + "isFdaRegulatedDrug", BOOLEAN);
    p("IsFDARegulatedDevice", OV + "isFdaRegulatedDevice", BOOLEAN);
    p("IsUnapprovedDevice", OV + "isUnapprovedDevice", BOOLEAN);
    p("IsPPSD", OV + "isPpsd", BOOLEAN);
    p("IsUSExport", OV + "isUsExport", BOOLEAN);
    p("FDAAA801Violation", OV + "fdaaa801Violation", BOOLEAN);
    // description, conditions
    p("BriefSummary", DE + "briefSummary", TEXT);
    p("DetailedDescription", DE + "detailedDescription", TEXT);
    p("Condition", CO + "conditions[]", TEXT);
    p("Keyword", CO + "keywords[]", TEXT);
    // design
    e("StudyType", DS + "studyType", StudyType.class);
    p("ExpAccTypeIndividual", DS + "expandedAccessTypes.individual", BOOLEAN);
    p("ExpAccTypeIntermediate", DS + "expandedAccessTypes.intermediate", BOOLEAN);
    p("ExpAccTypeTreatment", DS + "expandedAccessTypes.treatment", BOOLEAN);
    p("PatientRegistry", DS + "patientRegistry", BOOLEAN);
    p("TargetDuration", DS + "targetDuration", TEXT);
    p("Phase", DS + "phases[]", PHASE);
    e("DesignAllocation", DS + "designInfo.allocation", DesignAllocation.class);
    e("DesignInterventionModel", DS + "designInfo.interventionModel", InterventionalAssignment.class);
    p("DesignInterventionModelDescription", DS + "designInfo.interventionModelDescription", TEXT);
    e("DesignPrimaryPurpose", DS + "designInfo.primaryPurpose", PrimaryPurpose.class);
    e("DesignObservationalModel", DS + "designInfo.observationalModel", ObservationalModel.class);
    e("DesignTimePerspective", DS + "designInfo.timePerspective", DesignTimePerspective.class);
    e("DesignMasking", DS + "designInfo.maskingInfo.masking", DesignMasking.class);
    p("DesignMaskingDescription", DS + "designInfo.maskingInfo.maskingDescription", TEXT);
    e("DesignWhoMasked", DS + "designInfo.maskingInfo.whoMasked[]", WhoMasked.class);
    p("BioSpecRetention", DS + "bioSpec.retention", CONSTANT);
    p("BioSpecDescription", DS + "bioSpec.description", TEXT);
    p("EnrollmentCount", DS + "enrollmentInfo.count", INTEGER);
    e("EnrollmentType", DS + "enrollmentInfo.type", EnrollmentType.class);
    // arms and interventions
    p("ArmGroupLabel", AI + "armGroups[].label", TEXT);
    e("ArmGroupType", AI + "armGroups[].type", ArmGroupType.class);
    p("ArmGroupDescription", AI + "armGroups[].description", TEXT);
    p("ArmGroupInterventionName", AI + "armGroups[].interventionNames[]", TEXT);
    e("InterventionType", AI + "interventions[].type", InterventionType.class);
    p("InterventionName", AI + "interventions[].name", TEXT);
    p("InterventionDescription", AI + "interventions[].description", TEXT);
    p("InterventionArmGroupLabel", AI + "interventions[].armGroupLabels[]", TEXT);
    p("InterventionOtherName", AI + "interventions[].otherNames[]", TEXT);
    // outcomes
    for (String[] o : new String[][] {{"Primary", "primaryOutcomes"}, {"Secondary", "secondaryOutcomes"},
        {"Other", "otherOutcomes"}}) {
      p(o[0] + "OutcomeMeasure", OU + o[1] + "[].measure", TEXT);
      p(o[0] + "OutcomeDescription", OU + o[1] + "[].description", TEXT);
      p(o[0] + "OutcomeTimeFrame", OU + o[1] + "[].timeFrame", TEXT);
    }
    // eligibility
    p("EligibilityCriteria", EL + "eligibilityCriteria", TEXT);
    p("HealthyVolunteers", EL + "healthyVolunteers", BOOLEAN);
    e("Gender", EL + "sex", Sex.class);
    p("GenderBased", EL + "genderBased", BOOLEAN);
    p("GenderDescription", EL + "genderDescription", TEXT);
    p("MinimumAge", EL + "minimumAge", AGE);
    p("MaximumAge", EL + "maximumAge", AGE);
    e("StdAge", EL + "stdAges[]", StandardAge.class);
    p("StudyPopulation", EL + "studyPopulation", TEXT);
    e("SamplingMethod", EL + "samplingMethod", SamplingMethod.class);
    // contacts and locations
    contact("CentralContact", CL + "centralContacts[].");
    p("OverallOfficialName", CL + "overallOfficials[].name", TEXT);
    p("OverallOfficialAffiliation", CL + "overallOfficials[].affiliation", TEXT);
    e("OverallOfficialRole", CL + "overallOfficials[].role", OfficialRole.class);
    p("LocationFacility", CL + "locations[].facility", TEXT);
    e("LocationStatus", CL + "locations[].status", RecruitmentStatus.class);
    p("LocationCity", CL + "locations[].city", TEXT);
    p("LocationState", CL + "locations[].state", TEXT);
    p("LocationZip", CL + "locations[].zip", TEXT);
    p("LocationCountry", CL + "locations[].country", TEXT);
    contact("LocationContact", CL + "locations[].contacts[].");
    // references
    p("ReferencePMID", RE + "references[].pmid", TEXT);
    e("ReferenceType", RE + "references[].type", ReferenceType.class);
    p("ReferenceCitation", RE + "references[].citation", TEXT);
    p("RetractionPMID", RE + "references[].retractions[].pmid", TEXT);
    p("RetractionSource", RE + "references[].retractions[].source", TEXT);
    p("SeeAlsoLinkLabel", RE + "seeAlsoLinks[].label", TEXT);
    p("SeeAlsoLinkURL", RE + "seeAlsoLinks[].url", TEXT);
    p("AvailIPDId", RE + "availIpds[].id", TEXT);
    p("AvailIPDType", RE + "availIpds[].type", TEXT);
    p("AvailIPDURL", RE + "availIpds[].url", TEXT);
    p("AvailIPDComment", RE + "availIpds[].comment", TEXT);
    // IPD sharing
    e("IPDSharing", IPD + "ipdSharing", IpdSharing.class);
    p("IPDSharingDescription", IPD + "description", TEXT);
    e("IPDSharingInfoType", IPD + "infoTypes[]", IpdSharingInfoType.class);
    p("IPDSharingTimeFrame", IPD + "timeFrame", TEXT);
    p("IPDSharingAccessCriteria", IPD + "accessCriteria", TEXT);
    p("IPDSharingURL", IPD + "url", TEXT);
    // results: participant flow
    p("FlowPreAssignmentDetails", PF + "preAssignmentDetails", TEXT);
    p("FlowRecruitmentDetails", PF + "recruitmentDetails", TEXT);
    p("FlowTypeUnitsAnalyzed", PF + "typeUnitsAnalyzed", TEXT);
    p("FlowGroupId", PF + "groups[].id", TEXT);
    p("FlowGroupTitle", PF + "groups[].title", TEXT);
    p("FlowGroupDescription", PF + "groups[].description", TEXT);
    p("FlowPeriodTitle", PF + "periods[].title", TEXT);
    p("FlowMilestoneType", PF + "periods[].milestones[].type", TEXT);
    p("FlowMilestoneComment", PF + "periods[].milestones[].comment", TEXT);
    no("FlowAchievementGroupId", PF + "periods[].milestones[].achievements[].groupId", NESTED);
    no("FlowAchievementComment", PF + "periods[].milestones[].achievements[].comment", NESTED);
    no("FlowAchievementNumSubjects", PF + "periods[].milestones[].achievements[].numSubjects", NESTED);
    no("FlowAchievementNumUnits", PF + "periods[].milestones[].achievements[].numUnits", NESTED);
    p("FlowDropWithdrawType", PF + "periods[].dropWithdraws[].type", TEXT);
    p("FlowDropWithdrawComment", PF + "periods[].dropWithdraws[].comment", TEXT);
    no("FlowReasonGroupId", PF + "periods[].dropWithdraws[].reasons[].groupId", NESTED);
    no("FlowReasonComment", PF + "periods[].dropWithdraws[].reasons[].comment", NESTED);
    no("FlowReasonNumSubjects", PF + "periods[].dropWithdraws[].reasons[].numSubjects", NESTED);
    no("FlowReasonNumUnits", PF + "periods[].dropWithdraws[].reasons[].numUnits", NESTED);
    // results: baseline
    p("BaselinePopulationDescription", BC + "populationDescription", TEXT);
    p("BaselineTypeUnitsAnalyzed", BC + "typeUnitsAnalyzed", TEXT);
    p("BaselineGroupId", BC + "groups[].id", TEXT);
    p("BaselineGroupTitle", BC + "groups[].title", TEXT);
    p("BaselineGroupDescription", BC + "groups[].description", TEXT);
    p("BaselineDenomUnits", BC + "denoms[].units", TEXT);
    p("BaselineDenomCountGroupId", BC + "denoms[].counts[].groupId", TEXT);
    p("BaselineDenomCountValue", BC + "denoms[].counts[].value", TEXT);
    p("BaselineMeasureTitle", BC + "measures[].title", TEXT);
    p("BaselineMeasureDescription", BC + "measures[].description", TEXT);
    p("BaselineMeasurePopulationDescription", BC + "measures[].populationDescription", TEXT);
    e("BaselineMeasureParamType", BC + "measures[].paramType", MeasureParam.class);
    e("BaselineMeasureDispersionType", BC + "measures[].dispersionType", MeasureDispersionType.class);
    p("BaselineMeasureUnitOfMeasure", BC + "measures[].unitOfMeasure", TEXT);
    p("BaselineMeasureCalculatePct", BC + "measures[].calculatePct", BOOLEAN);
    p("BaselineMeasureDenomUnitsSelected", BC + "measures[].denomUnitsSelected", TEXT);
    p("BaselineMeasureDenomUnits", BC + "measures[].denoms[].units", TEXT);
    no("BaselineMeasureDenomCountGroupId", BC + "measures[].denoms[].counts[].groupId", NESTED);
    no("BaselineMeasureDenomCountValue", BC + "measures[].denoms[].counts[].value", NESTED);
    no("BaselineClassTitle", BC + "measures[].classes[].title", NESTED);
    no("BaselineClassDenomUnits", BC + "measures[].classes[].denoms[].units", NESTED);
    no("BaselineClassDenomCountGroupId", BC + "measures[].classes[].denoms[].counts[].groupId", NESTED);
    no("BaselineClassDenomCountValue", BC + "measures[].classes[].denoms[].counts[].value", NESTED);
    no("BaselineCategoryTitle", BC + "measures[].classes[].categories[].title", NESTED);
    for (String m : List.of("GroupId", "Value", "Spread", "LowerLimit", "UpperLimit", "Comment")) {
      no("BaselineMeasurement" + m, BC + "measures[].classes[].categories[].measurements[]." + lower(m), NESTED);
    }
    // results: outcome measures
    e("OutcomeMeasureType", OM + "type", OutcomeMeasureType.class);
    p("OutcomeMeasureTitle", OM + "title", TEXT);
    p("OutcomeMeasureDescription", OM + "description", TEXT);
    p("OutcomeMeasurePopulationDescription", OM + "populationDescription", TEXT);
    e("OutcomeMeasureReportingStatus", OM + "reportingStatus", ReportingStatus.class);
    p("OutcomeMeasureAnticipatedPostingDate", OM + "anticipatedPostingDate", DATE);
    e("OutcomeMeasureParamType", OM + "paramType", MeasureParam.class);
    p("OutcomeMeasureDispersionType", OM + "dispersionType", OUTCOME_DISPERSION);
    p("OutcomeMeasureUnitOfMeasure", OM + "unitOfMeasure", TEXT);
    p("OutcomeMeasureCalculatePct", OM + "calculatePct", BOOLEAN);
    p("OutcomeMeasureTimeFrame", OM + "timeFrame", TEXT);
    p("OutcomeMeasureTypeUnitsAnalyzed", OM + "typeUnitsAnalyzed", TEXT);
    p("OutcomeMeasureDenomUnitsSelected", OM + "denomUnitsSelected", TEXT);
    p("OutcomeGroupId", OM + "groups[].id", TEXT);
    p("OutcomeGroupTitle", OM + "groups[].title", TEXT);
    p("OutcomeGroupDescription", OM + "groups[].description", TEXT);
    p("OutcomeDenomUnits", OM + "denoms[].units", TEXT);
    no("OutcomeDenomCountGroupId", OM + "denoms[].counts[].groupId", NESTED);
    no("OutcomeDenomCountValue", OM + "denoms[].counts[].value", NESTED);
    no("OutcomeClassTitle", OM + "classes[].title", NESTED);
    no("OutcomeClassDenomUnits", OM + "classes[].denoms[].units", NESTED);
    no("OutcomeClassDenomCountGroupId", OM + "classes[].denoms[].counts[].groupId", NESTED);
    no("OutcomeClassDenomCountValue", OM + "classes[].denoms[].counts[].value", NESTED);
    no("OutcomeCategoryTitle", OM + "classes[].categories[].title", NESTED);
    for (String m : List.of("GroupId", "Value", "Spread", "LowerLimit", "UpperLimit", "Comment")) {
      no("OutcomeMeasurement" + m, OM + "classes[].categories[].measurements[]." + lower(m), NESTED);
    }
    p("OutcomeAnalysisParamType", OM + "analyses[].paramType", TEXT);
    p("OutcomeAnalysisParamValue", OM + "analyses[].paramValue", TEXT);
    e("OutcomeAnalysisDispersionType", OM + "analyses[].dispersionType", AnalysisDispersionType.class);
    p("OutcomeAnalysisDispersionValue", OM + "analyses[].dispersionValue", TEXT);
    p("OutcomeAnalysisStatisticalMethod", OM + "analyses[].statisticalMethod", TEXT);
    p("OutcomeAnalysisStatisticalComment", OM + "analyses[].statisticalComment", TEXT);
    p("OutcomeAnalysisPValue", OM + "analyses[].pValue", TEXT);
    p("OutcomeAnalysisPValueComment", OM + "analyses[].pValueComment", TEXT);
    e("OutcomeAnalysisCINumSides", OM + "analyses[].ciNumSides", ConfidenceIntervalNumSides.class);
    p("OutcomeAnalysisCIPctValue", OM + "analyses[].ciPctValue", TEXT);
    p("OutcomeAnalysisCILowerLimit", OM + "analyses[].ciLowerLimit", TEXT);
    p("OutcomeAnalysisCIUpperLimit", OM + "analyses[].ciUpperLimit", TEXT);
    p("OutcomeAnalysisCILowerLimitComment", OM + "analyses[].ciLowerLimitComment", TEXT);
    p("OutcomeAnalysisCIUpperLimitComment", OM + "analyses[].ciUpperLimitComment", TEXT);
    p("OutcomeAnalysisEstimateComment", OM + "analyses[].estimateComment", TEXT);
    p("OutcomeAnalysisTestedNonInferiority", OM + "analyses[].testedNonInferiority", BOOLEAN);
    e("OutcomeAnalysisNonInferiorityType", OM + "analyses[].nonInferiorityType", NonInferiorityType.class);
    p("OutcomeAnalysisNonInferiorityComment", OM + "analyses[].nonInferiorityComment", TEXT);
    p("OutcomeAnalysisOtherAnalysisDescription", OM + "analyses[].otherAnalysisDescription", TEXT);
    p("OutcomeAnalysisGroupDescription", OM + "analyses[].groupDescription", TEXT);
    no("OutcomeAnalysisGroupId", OM + "analyses[].groupIds[]", NESTED);
    // results: adverse events
    p("EventsFrequencyThreshold", AE + "frequencyThreshold", TEXT);
    p("EventsTimeFrame", AE + "timeFrame", TEXT);
    p("EventsDescription", AE + "description", TEXT);
    p("EventGroupId", AE + "eventGroups[].id", TEXT);
    p("EventGroupTitle", AE + "eventGroups[].title", TEXT);
    p("EventGroupDescription", AE + "eventGroups[].description", TEXT);
    for (String n : List.of("DeathsNumAffected", "DeathsNumAtRisk", "SeriousNumAffected", "SeriousNumAtRisk",
        "OtherNumAffected", "OtherNumAtRisk")) {
      p("EventGroup" + n, AE + "eventGroups[]." + lower(n), INTEGER);
    }
    for (String[] ev : new String[][] {{"SeriousEvent", "seriousEvents"}, {"OtherEvent", "otherEvents"}}) {
      p(ev[0] + "Term", AE + ev[1] + "[].term", TEXT);
      p(ev[0] + "OrganSystem", AE + ev[1] + "[].organSystem", TEXT);
      p(ev[0] + "SourceVocabulary", AE + ev[1] + "[].sourceVocabulary", TEXT);
      e(ev[0] + "AssessmentType", AE + ev[1] + "[].assessmentType", EventAssessment.class);
      p(ev[0] + "Notes", AE + ev[1] + "[].notes", TEXT);
      p(ev[0] + "StatsGroupId", AE + ev[1] + "[].stats[].groupId", TEXT);
      p(ev[0] + "StatsNumEvents", AE + ev[1] + "[].stats[].numEvents", INTEGER);
      p(ev[0] + "StatsNumAffected", AE + ev[1] + "[].stats[].numAffected", INTEGER);
      p(ev[0] + "StatsNumAtRisk", AE + ev[1] + "[].stats[].numAtRisk", INTEGER);
    }
    // results: more information
    p("LimitationsAndCaveatsDescription", MI + "limitationsAndCaveats.description", TEXT);
    p("AgreementPISponsorEmployee", MI + "certainAgreement.piSponsorEmployee", BOOLEAN);
    e("AgreementRestrictionType", MI + "certainAgreement.restrictionType", AgreementRestrictionType.class);
    p("AgreementRestrictiveAgreement", MI + "certainAgreement.restrictiveAgreement", BOOLEAN);
    p("AgreementOtherDetails", MI + "certainAgreement.otherDetails", TEXT);
    p("PointOfContactTitle", MI + "pointOfContact.title", TEXT);
    p("PointOfContactOrganization", MI + "pointOfContact.organization", TEXT);
    p("PointOfContactEMail", MI + "pointOfContact.email", TEXT);
    p("PointOfContactPhone", MI + "pointOfContact.phone", TEXT);
    p("PointOfContactPhoneExt", MI + "pointOfContact.phoneExt", TEXT);
    // annotations
    p("UnpostedResponsibleParty", UA + "unpostedResponsibleParty", TEXT);
    e("UnpostedEventType", UA + "unpostedEvents[].type", UnpostedEventType.class);
    p("UnpostedEventDate", UA + "unpostedEvents[].date", DATE_OR_UNKNOWN);
    // documents
    p("LargeDocTypeAbbrev", DOC + "typeAbbrev", TEXT);
    p("LargeDocHasProtocol", DOC + "hasProtocol", BOOLEAN);
    p("LargeDocHasSAP", DOC + "hasSap", BOOLEAN);
    p("LargeDocHasICF", DOC + "hasIcf", BOOLEAN);
    p("LargeDocLabel", DOC + "label", TEXT);
    p("LargeDocDate", DOC + "date", DATE);
    p("LargeDocUploadDate", DOC + "uploadDate", DATE_TIME);
    p("LargeDocFilename", DOC + "filename", TEXT);
    // derived
    p("VersionHolder", MISC + "versionHolder", DATE);
    p("RemovedCountry", MISC + "removedCountries[]", TEXT);
    p("SubmissionReleaseDate", MISC + "submissionTracking.submissionInfos[].releaseDate", DATE);
    p("SubmissionUnreleaseDate", MISC + "submissionTracking.submissionInfos[].unreleaseDate", DATE_OR_UNKNOWN);
    p("SubmissionResetDate", MISC + "submissionTracking.submissionInfos[].resetDate", DATE);
    p("SubmissionMCPReleaseN", MISC + "submissionTracking.submissionInfos[].mcpReleaseN", INTEGER);
    browse("Condition", CB);
    browse("Intervention", IB);
    // Whether results are posted: a member of the study itself, not of a section.
    p("HasResults", "hasResults", BOOLEAN);
  }

  private static final Map<String, Piece> BY_LOWER_NAME = lowerNames();

  private Pieces() {}

  /** The piece with this name (case-insensitive), or empty. */
  public static Optional<Piece> named(String name) {
    return Optional.ofNullable(BY_LOWER_NAME.get(name.strip()));
  }

  /** Every piece, in table order. */
  public static Collection<Piece> all() {
    return Collections.unmodifiableCollection(BY_NAME.values());
  }

  private static Map<String, Piece> lowerNames() {
    Map<String, Piece> m = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    m.putAll(BY_NAME);
    return m;
  }

  /** The search areas, each with the pieces it searches, in order. */
  public static Map<String, List<String>> searchAreas() {
    return AREAS;
  }

  /**
   * The weight of each piece of an area that trialdex ranks by part (a match in a heavier part ranks
   * higher), or an empty map for an area whose pieces weigh the same. The weights are
   * ClinicalTrials.gov's ({@code /studies/search-areas}); {@code ArmGroupInterventionName}, which
   * the live InterventionSearch lacks, weighs as {@code ArmGroupLabel}.
   */
  public static Map<String, Float> areaWeights(String area) {
    return AREA_WEIGHTS.getOrDefault(area, Map.of());
  }

  private static final Map<String, Map<String, Float>> AREA_WEIGHTS = Map.of(
      "ConditionSearch", weights("Condition", 0.95f, "BriefTitle", 0.6f, "OfficialTitle", 0.55f,
          "ConditionMeshTerm", 0.5f, "ConditionAncestorTerm", 0.4f, "Keyword", 0.3f),
      "InterventionSearch", weights("InterventionName", 0.95f, "InterventionOtherName", 0.75f, "BriefTitle", 0.65f,
          "OfficialTitle", 0.6f, "ArmGroupLabel", 0.5f, "ArmGroupInterventionName", 0.5f, "InterventionMeshTerm", 0.5f,
          "Keyword", 0.5f, "InterventionAncestorTerm", 0.4f, "InterventionDescription", 0.4f, "ArmGroupDescription", 0.4f));

  private static Map<String, Float> weights(Object... pairs) {
    Map<String, Float> map = new LinkedHashMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      map.put((String) pairs[i], (Float) pairs[i + 1]);
    }
    return Collections.unmodifiableMap(map);
  }

  private static Map<String, List<String>> areas() {
    List<String> condition = List.of("Condition", "Keyword", "ConditionMeshTerm", "ConditionAncestorTerm");
    List<String> intervention = List.of("InterventionName", "InterventionOtherName", "ArmGroupInterventionName",
        "InterventionMeshTerm", "InterventionAncestorTerm");
    List<String> titles = List.of("BriefTitle", "OfficialTitle", "Acronym");
    List<String> summaries = List.of("BriefSummary", "DetailedDescription");
    List<String> outcomes = List.of("PrimaryOutcomeMeasure", "PrimaryOutcomeDescription", "SecondaryOutcomeMeasure",
        "SecondaryOutcomeDescription", "OtherOutcomeMeasure", "OtherOutcomeDescription");
    List<String> sponsors = List.of("LeadSponsorName", "CollaboratorName");
    List<String> ids = List.of("NCTId", "NCTIdAlias", "OrgStudyId", "SecondaryId");
    List<String> locations = List.of("LocationFacility", "LocationCity", "LocationState", "LocationZip",
        "LocationCountry");
    Map<String, List<String>> m = new LinkedHashMap<>();
    m.put("BasicSearch", join(condition, intervention, List.of("InterventionDescription", "ArmGroupLabel",
        "ArmGroupDescription"), titles, summaries, outcomes, sponsors, List.of("EligibilityCriteria"), locations, ids));
    // As ClinicalTrials.gov's /studies/search-areas lists them (its enum parts left out).
    m.put("ConditionSearch", List.of("Condition", "BriefTitle", "OfficialTitle", "ConditionMeshTerm",
        "ConditionAncestorTerm", "Keyword"));
    m.put("InterventionSearch", List.of("InterventionName", "InterventionOtherName", "ArmGroupInterventionName",
        "BriefTitle", "OfficialTitle", "ArmGroupLabel", "InterventionMeshTerm", "Keyword", "InterventionAncestorTerm",
        "InterventionDescription", "ArmGroupDescription"));
    m.put("TitleSearch", titles);
    m.put("OutcomeSearch", outcomes);
    m.put("SponsorSearch", sponsors);
    m.put("LeadSponsorName", List.of("LeadSponsorName"));
    m.put("IdSearch", ids);
    m.put("LocationSearch", locations);
    m.put("EligibilitySearch", List.of("EligibilityCriteria"));
    m.put("PatientSearch", join(List.of("Condition", "Keyword", "ConditionMeshTerm"), titles, summaries,
        List.of("EligibilityCriteria")));
    return Collections.unmodifiableMap(m);
  }

  @SafeVarargs
  private static List<String> join(List<String>... parts) {
    return java.util.Arrays.stream(parts).flatMap(List::stream).toList();
  }

  private static List<String> areasOf(String piece) {
    return AREAS.entrySet().stream().filter(e -> e.getValue().contains(piece)).map(Map.Entry::getKey).toList();
  }

  private static void p(String name, String path, ValueType type) {
    add(new Piece(name, path, type, Optional.empty(), "", areasOf(name)));
  }

  private static void e(String name, String path, Class<? extends Enum<?>> type) {
    add(new Piece(name, path, ValueType.ENUM, Optional.of(type), "", areasOf(name)));
  }

  private static void no(String name, String path, String why) {
    add(new Piece(name, path, ValueType.NOT_MAPPED, Optional.empty(), why, areasOf(name)));
  }

  private static void add(Piece piece) {
    if (BY_NAME.put(piece.name(), piece) != null) {
      throw new IllegalStateException("piece " + piece.name() + " is in the table twice");
    }
  }

  private static void dateStruct(String piece, String path) {
    p(piece, path + ".date", DATE);
    e(piece + "Type", path + ".type", DateType.class);
  }

  private static void contact(String prefix, String path) {
    p(prefix + "Name", path + "name", TEXT);
    e(prefix + "Role", path + "role", ContactRole.class);
    p(prefix + "Phone", path + "phone", TEXT);
    p(prefix + "PhoneExt", path + "phoneExt", TEXT);
    p(prefix + "EMail", path + "email", TEXT);
  }

  private static void browse(String prefix, String module) {
    p(prefix + "MeshId", module + "meshes[].id", TEXT);
    p(prefix + "MeshTerm", module + "meshes[].term", TEXT);
    p(prefix + "AncestorId", module + "ancestors[].id", TEXT);
    p(prefix + "AncestorTerm", module + "ancestors[].term", TEXT);
    p(prefix + "BrowseLeafId", module + "browseLeaves[].id", TEXT);
    p(prefix + "BrowseLeafName", module + "browseLeaves[].name", TEXT);
    p(prefix + "BrowseLeafAsFound", module + "browseLeaves[].asFound", TEXT);
    e(prefix + "BrowseLeafRelevance", module + "browseLeaves[].relevance",
        org.trialdex.core.model.BrowseLeafRelevance.class);
    p(prefix + "BrowseBranchAbbrev", module + "browseBranches[].abbrev", TEXT);
    p(prefix + "BrowseBranchName", module + "browseBranches[].name", TEXT);
  }

  private static String lower(String s) {
    return Character.toLowerCase(s.charAt(0)) + s.substring(1);
  }
}
