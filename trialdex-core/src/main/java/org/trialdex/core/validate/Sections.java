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
import org.trialdex.core.model.SponsorCollaboratorsModule;
import org.trialdex.core.model.Status;
import org.trialdex.core.model.StatusModule;
import org.trialdex.core.model.Study;
import org.trialdex.core.model.StudyModules;
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

  /** The study's modules, absent ones empty: core's {@link StudyModules}, less what no rule reads. */
  static Sections of(Study study) {
    StudyModules m = StudyModules.of(study);
    return new Sections(m.study(), m.identification(), m.status(), m.sponsors(), m.description(), m.conditions(),
        m.design(), m.designInfo(), m.arms(), m.outcomes(), m.eligibility(), m.contacts());
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
