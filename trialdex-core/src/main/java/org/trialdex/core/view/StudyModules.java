package org.trialdex.core.view;

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
import org.trialdex.core.model.ReferencesModule;
import org.trialdex.core.model.SponsorCollaboratorsModule;
import org.trialdex.core.model.StatusModule;
import org.trialdex.core.model.Study;

/**
 * The protocol modules of one study with absent ones replaced by empty ones, so that readers write
 * {@code m.identification().briefTitle()} without a null check per level: the one null-safe view of
 * a {@link Study}'s modules (issue #8), used by validation, the search index and the study page.
 * Members inside a module stay {@code null} when absent; a reader that must tell an absent module
 * from an empty one asks the study itself.
 *
 * @param study the study ({@link Study#empty()} for null)
 * @param identification {@code protocolSection.identificationModule}
 * @param status {@code protocolSection.statusModule}
 * @param sponsors {@code protocolSection.sponsorCollaboratorsModule}
 * @param description {@code protocolSection.descriptionModule}
 * @param conditions {@code protocolSection.conditionsModule}
 * @param design {@code protocolSection.designModule}
 * @param designInfo {@code protocolSection.designModule.designInfo}
 * @param arms {@code protocolSection.armsInterventionsModule}
 * @param outcomes {@code protocolSection.outcomesModule}
 * @param eligibility {@code protocolSection.eligibilityModule}
 * @param contacts {@code protocolSection.contactsLocationsModule}
 * @param references {@code protocolSection.referencesModule}
 */
public record StudyModules(
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
    ContactsLocationsModule contacts,
    ReferencesModule references) {

  /** The modules of {@code study}; a null study or section reads as empty. */
  public static StudyModules of(Study study) {
    Study s = or(study, Study.empty());
    ProtocolSection p = or(s.protocolSection(), ProtocolSection.empty());
    DesignModule design = or(p.designModule(), DesignModule.empty());
    return new StudyModules(
        s,
        or(p.identificationModule(), IdentificationModule.empty()),
        or(p.statusModule(), StatusModule.empty()),
        or(p.sponsorCollaboratorsModule(), SponsorCollaboratorsModule.empty()),
        or(p.descriptionModule(), DescriptionModule.empty()),
        or(p.conditionsModule(), ConditionsModule.empty()),
        design,
        or(design.designInfo(), DesignInfo.empty()),
        or(p.armsInterventionsModule(), ArmsInterventionsModule.empty()),
        or(p.outcomesModule(), OutcomesModule.empty()),
        or(p.eligibilityModule(), EligibilityModule.empty()),
        or(p.contactsLocationsModule(), ContactsLocationsModule.empty()),
        or(p.referencesModule(), ReferencesModule.empty()));
  }

  private static <T> T or(T value, T empty) {
    return value == null ? empty : value;
  }
}
