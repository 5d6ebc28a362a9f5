package org.trialdex.core.validate;

import org.trialdex.core.model.ArmsInterventionsModule;
import org.trialdex.core.model.ConditionsModule;
import org.trialdex.core.model.ContactsLocationsModule;
import org.trialdex.core.model.DescriptionModule;
import org.trialdex.core.model.DesignInfo;
import org.trialdex.core.model.DesignModule;
import org.trialdex.core.model.EligibilityModule;
import org.trialdex.core.model.IdentificationModule;
import org.trialdex.core.model.OutcomesModule;
import org.trialdex.core.model.ProtocolSection;
import org.trialdex.core.model.SponsorCollaboratorsModule;
import org.trialdex.core.model.Status;
import org.trialdex.core.model.StatusModule;
import org.trialdex.core.model.Study;
import org.trialdex.core.model.StudyType;

/**
 * The modules of one study with absent ones replaced by empty ones, so that rules read
 * {@code s.identification().briefTitle()} without a null check per level. The v2 path of each
 * module is beside it.
 */
record Sections(
    Study study,
    IdentificationModule identification,
    StatusModule status,
    SponsorCollaboratorsModule sponsors,
    DescriptionModule description,
    ConditionsModule conditions,
    DesignModule design,
    DesignInfo designInfo,
    ArmsInterventionsModule arms,
    OutcomesModule outcomes,
    EligibilityModule eligibility,
    ContactsLocationsModule contacts) {

  static final String IDENTIFICATION = "protocolSection.identificationModule";
  static final String STATUS = "protocolSection.statusModule";
  static final String SPONSORS = "protocolSection.sponsorCollaboratorsModule";
  static final String DESCRIPTION = "protocolSection.descriptionModule";
  static final String CONDITIONS = "protocolSection.conditionsModule";
  static final String DESIGN = "protocolSection.designModule";
  static final String DESIGN_INFO = DESIGN + ".designInfo";
  static final String ARMS = "protocolSection.armsInterventionsModule";
  static final String OUTCOMES = "protocolSection.outcomesModule";
  static final String ELIGIBILITY = "protocolSection.eligibilityModule";
  static final String CONTACTS = "protocolSection.contactsLocationsModule";

  static Sections of(Study study) {
    Study s = study == null ? Study.empty() : study;
    ProtocolSection p = s.protocolSection() == null ? ProtocolSection.empty() : s.protocolSection();
    DesignModule design = p.designModule() == null ? DesignModule.empty() : p.designModule();
    return new Sections(
        s,
        p.identificationModule() == null ? IdentificationModule.empty() : p.identificationModule(),
        p.statusModule() == null ? StatusModule.empty() : p.statusModule(),
        p.sponsorCollaboratorsModule() == null ? SponsorCollaboratorsModule.empty() : p.sponsorCollaboratorsModule(),
        p.descriptionModule() == null ? DescriptionModule.empty() : p.descriptionModule(),
        p.conditionsModule() == null ? ConditionsModule.empty() : p.conditionsModule(),
        design,
        design.designInfo() == null ? DesignInfo.empty() : design.designInfo(),
        p.armsInterventionsModule() == null ? ArmsInterventionsModule.empty() : p.armsInterventionsModule(),
        p.outcomesModule() == null ? OutcomesModule.empty() : p.outcomesModule(),
        p.eligibilityModule() == null ? EligibilityModule.empty() : p.eligibilityModule(),
        p.contactsLocationsModule() == null ? ContactsLocationsModule.empty() : p.contactsLocationsModule());
  }

  StudyType studyType() {
    return design.studyType();
  }

  boolean interventional() {
    return studyType() == StudyType.INTERVENTIONAL;
  }

  boolean observational() {
    return studyType() == StudyType.OBSERVATIONAL;
  }

  /**
   * True unless the record says it is an expanded access record, whose PRS definitions leave out
   * dates, enrollment and design. A record without a study type is held to the study rules.
   */
  boolean registersAStudy() {
    return studyType() != StudyType.EXPANDED_ACCESS;
  }

  Status overallStatus() {
    return status.overallStatus();
  }
}
