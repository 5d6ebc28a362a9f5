package org.trialdex.core.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.trialdex.core.catalog.FieldCatalog.Node;
import org.trialdex.core.catalog.FieldCatalog.Visibility;

/** The catalog names every node of the model as ClinicalTrials.gov does. */
class FieldCatalogTest {

  private static final FieldCatalog CATALOG = FieldCatalog.model();

  // (piece, path) pairs hand-picked from the live GET /api/v2/studies/metadata as saved in
  // metamonk/clinical-trials-api (data-model.md, commit 436bc20), and from the "piece" column of
  // https://clinicaltrials.gov/data-api/about-api/study-data-structure: lists are named in the
  // singular, sections and modules by their capitalised member name, struct leaves by the classic field.
  private static final String[][] LIVE = {
      {"ProtocolSection", "protocolSection"},
      {"IdentificationModule", "protocolSection.identificationModule"},
      {"NCTId", "protocolSection.identificationModule.nctId"},
      {"Organization", "protocolSection.identificationModule.organization"},
      {"OrgFullName", "protocolSection.identificationModule.organization.fullName"},
      {"SecondaryIdInfo", "protocolSection.identificationModule.secondaryIdInfos"},
      {"StartDateStruct", "protocolSection.statusModule.startDateStruct"},
      {"StartDate", "protocolSection.statusModule.startDateStruct.date"},
      {"Collaborator", "protocolSection.sponsorCollaboratorsModule.collaborators"},
      {"Condition", "protocolSection.conditionsModule.conditions"},
      {"Phase", "protocolSection.designModule.phases"},
      {"DesignMaskingInfo", "protocolSection.designModule.designInfo.maskingInfo"},
      {"Intervention", "protocolSection.armsInterventionsModule.interventions"},
      {"InterventionOtherName", "protocolSection.armsInterventionsModule.interventions.otherNames"},
      {"PrimaryOutcome", "protocolSection.outcomesModule.primaryOutcomes"},
      {"PrimaryOutcomeMeasure", "protocolSection.outcomesModule.primaryOutcomes.measure"},
      {"Sex", "protocolSection.eligibilityModule.sex"},
      {"StdAge", "protocolSection.eligibilityModule.stdAges"},
      {"CentralContact", "protocolSection.contactsLocationsModule.centralContacts"},
      {"CentralContactName", "protocolSection.contactsLocationsModule.centralContacts.name"},
      {"CentralContactPhone", "protocolSection.contactsLocationsModule.centralContacts.phone"},
      {"CentralContactEMail", "protocolSection.contactsLocationsModule.centralContacts.email"},
      {"Location", "protocolSection.contactsLocationsModule.locations"},
      {"LocationCity", "protocolSection.contactsLocationsModule.locations.city"},
      {"LocationContactPhoneExt", "protocolSection.contactsLocationsModule.locations.contacts.phoneExt"},
      {"LocationGeoPoint", "protocolSection.contactsLocationsModule.locations.geoPoint"},
      {"Reference", "protocolSection.referencesModule.references"},
      {"ReferencePMID", "protocolSection.referencesModule.references.pmid"},
      {"IPDSharingStatementModule", "protocolSection.ipdSharingStatementModule"},
      {"FlowAchievement", "resultsSection.participantFlowModule.periods.milestones.achievements"},
      {"OutcomeMeasurement", "resultsSection.outcomeMeasuresModule.outcomeMeasures.classes.categories.measurements"},
      {"SeriousEventStats", "resultsSection.adverseEventsModule.seriousEvents.stats"},
      {"FirstMCPPostDateStruct", "derivedSection.miscInfoModule.submissionTracking.firstMcpInfo.postDateStruct"},
      {"ConditionMesh", "derivedSection.conditionBrowseModule.meshes"},
      {"ConditionMeshTerm", "derivedSection.conditionBrowseModule.meshes.term"},
      {"InterventionBrowseLeafRelevance", "derivedSection.interventionBrowseModule.browseLeaves.relevance"},
      {"LargeDoc", "documentSection.largeDocumentModule.largeDocs"},
      {"HasResults", "hasResults"}};

  @Test
  void everyHandPickedLivePieceNamesItsPathAndBack() {
    for (String[] p : LIVE) {
      Node byName = CATALOG.named(p[0]).orElseThrow(() -> new AssertionError("no piece " + p[0]));
      assertEquals(p[1], byName.path(), p[0]);
      assertEquals(p[0], CATALOG.atPath(p[1]).orElseThrow().piece(), p[1]);
      assertFalse(byName.derivedName(), p[0]);
    }
  }

  @Test
  void namesAreCaseInsensitiveAndTakeTheAlternativeNames() {
    assertEquals("LocationCity", CATALOG.named("locationcity").orElseThrow().piece());
    assertEquals("NCTId", CATALOG.named("NCTID").orElseThrow().piece());
    // altPieceNames of the live metadata; Gender is also the classic study fields' name.
    assertEquals("NCTId", CATALOG.named("NCT-ID").orElseThrow().piece());
    assertEquals("Sex", CATALOG.named("Gender").orElseThrow().piece());
    assertTrue(CATALOG.named("Locations").isEmpty(), "the live API names lists in the singular");
  }

  @Test
  void everyNodeHasOnePieceNameNoPathOrPlural() {
    List<String> wrong = new ArrayList<>();
    java.util.Set<String> seen = new java.util.HashSet<>();
    for (Node n : CATALOG.all()) {
      if (n.piece().contains(".") || !n.piece().matches("[A-Z][A-Za-z0-9]*") || !seen.add(n.piece().toLowerCase())) {
        wrong.add(n.path() + " " + n.piece());
      }
    }
    assertEquals(List.of(), wrong);
  }

  @Test
  void onlyTheNodesTheLiveAnswerLacksHaveDerivedNames() {
    List<String> derived = CATALOG.all().stream().filter(Node::derivedName).map(n -> n.piece()).toList();
    // geoPoint's lat and lon: the pieces its FUNC source type names; numUnits: the classic table's name;
    // modelPredictions: capitalised member names.
    assertEquals(List.of("LocationLatitude", "LocationLongitude", "FlowReasonNumUnits", "ModelPredictions",
        "BmiLimits", "MinBmi", "MaxBmi"), derived.stream().sorted(java.util.Comparator.comparing(derived::indexOf)).toList());
  }

  @Test
  void documentedLimitsAndFlagsComeWithTheNodes() {
    // Limits from the data model page and the live metadata: brief title 300, official title 600,
    // acronym 14, brief summary 5000, detailed description 32000, eligibility criteria 20000.
    assertEquals(OptionalInt.of(300), CATALOG.named("BriefTitle").orElseThrow().maxChars());
    assertEquals(OptionalInt.of(600), CATALOG.named("OfficialTitle").orElseThrow().maxChars());
    assertEquals(OptionalInt.of(14), CATALOG.named("Acronym").orElseThrow().maxChars());
    assertEquals(OptionalInt.of(5000), CATALOG.named("BriefSummary").orElseThrow().maxChars());
    assertEquals(OptionalInt.of(32000), CATALOG.named("DetailedDescription").orElseThrow().maxChars());
    assertEquals(OptionalInt.of(20000), CATALOG.named("EligibilityCriteria").orElseThrow().maxChars());
    assertEquals(OptionalInt.empty(), CATALOG.named("NCTIdAlias").orElseThrow().maxChars());
    assertEquals("MARKUP", CATALOG.named("BriefSummary").orElseThrow().sourceType());
    assertTrue(CATALOG.named("OverallStatus").orElseThrow().isEnum());
    assertTrue(CATALOG.named("Location").orElseThrow().nested());
    assertEquals(Visibility.INDEXED_ONLY, CATALOG.named("MaxBmi").orElseThrow().visibility());
  }

  @Test
  void theClassicTableNamesTheCatalogsPaths() {
    List<String> wrong = new ArrayList<>();
    for (Pieces.Piece p : Pieces.all()) {
      CATALOG.atPath(p.fieldPath()).ifPresent(n -> {
        if (!n.piece().equals(p.name()) && !n.altPieceNames().contains(p.name())) {
          wrong.add(p.name() + " at " + p.fieldPath() + " is " + n.piece() + " in the catalog");
        }
      });
    }
    assertEquals(List.of(), wrong);
  }

  @Test
  void everyAreaNamesCatalogPieces() {
    for (String area : Pieces.searchAreas().keySet()) {
      assertFalse(CATALOG.area(area).isEmpty(), area);
    }
    assertEquals("Condition", CATALOG.area("conditionsearch").getFirst().piece());
  }
}
