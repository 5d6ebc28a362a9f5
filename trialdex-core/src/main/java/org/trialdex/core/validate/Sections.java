package org.trialdex.core.validate;

import org.trialdex.core.model.StudyType;
import org.trialdex.core.view.StudyModules;

/**
 * What the rules know of the study's modules beside core's null-safe {@link StudyModules} view: the
 * v2 path of each module, for findings, and which kind of study a record registers, for the scope of
 * a rule.
 */
final class Sections {

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

  private Sections() {}

  static boolean interventional(StudyModules s) {
    return s.design().studyType() == StudyType.INTERVENTIONAL;
  }

  static boolean observational(StudyModules s) {
    return s.design().studyType() == StudyType.OBSERVATIONAL;
  }

  /**
   * True unless the record says it is an expanded access record, whose PRS definitions leave out
   * dates, enrollment and design. A record without a study type is held to the study rules.
   */
  static boolean registersAStudy(StudyModules s) {
    return s.design().studyType() != StudyType.EXPANDED_ACCESS;
  }
}
