package org.trialdex.ingest.legacy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.trialdex.core.json.StudyJson;
import org.trialdex.ingest.ReadOptions;
import org.trialdex.ingest.ReadResult;
import org.trialdex.ingest.SourceEntry;
import org.trialdex.testing.SharedData;

/**
 * NCT02513394 (PALLAS) in both forms: the legacy XML (processed 2020-08-18) read by this reader,
 * and the v2 JSON (version 2023-10-06) read by {@link StudyJson}. Every path in {@link #COMPARED}
 * must agree; {@link #EXCLUDED} names each path that differs and why.
 */
class PallasLegacyVersusV2Test {

  /** v2 paths (JSON pointers) that must be equal in both readings. */
  static final List<String> COMPARED = List.of(
      "/protocolSection/identificationModule/nctId",
      "/protocolSection/identificationModule/orgStudyIdInfo",
      "/protocolSection/identificationModule/secondaryIdInfos/0/id",
      "/protocolSection/identificationModule/secondaryIdInfos/1/id",
      "/protocolSection/identificationModule/secondaryIdInfos/2/id",
      "/protocolSection/identificationModule/briefTitle",
      "/protocolSection/identificationModule/officialTitle",
      "/protocolSection/identificationModule/acronym",
      "/protocolSection/identificationModule/organization",
      "/protocolSection/statusModule/overallStatus",
      "/protocolSection/statusModule/expandedAccessInfo",
      "/protocolSection/statusModule/startDateStruct",
      "/protocolSection/statusModule/completionDateStruct",
      "/protocolSection/statusModule/studyFirstSubmitDate",
      "/protocolSection/statusModule/studyFirstSubmitQcDate",
      "/protocolSection/statusModule/studyFirstPostDateStruct",
      "/protocolSection/sponsorCollaboratorsModule/responsibleParty",
      "/protocolSection/sponsorCollaboratorsModule/leadSponsor",
      "/protocolSection/sponsorCollaboratorsModule/collaborators/0/name",
      "/protocolSection/sponsorCollaboratorsModule/collaborators/1/name",
      "/protocolSection/sponsorCollaboratorsModule/collaborators/2",
      "/protocolSection/sponsorCollaboratorsModule/collaborators/3",
      "/protocolSection/sponsorCollaboratorsModule/collaborators/4",
      "/protocolSection/oversightModule",
      "/protocolSection/descriptionModule/briefSummary",
      "/protocolSection/descriptionModule/detailedDescription",
      "/protocolSection/conditionsModule",
      "/protocolSection/designModule",
      "/protocolSection/armsInterventionsModule",
      "/protocolSection/outcomesModule/primaryOutcomes/0/measure",
      "/protocolSection/eligibilityModule/eligibilityCriteria",
      "/protocolSection/eligibilityModule/healthyVolunteers",
      "/protocolSection/eligibilityModule/sex",
      "/protocolSection/eligibilityModule/minimumAge",
      "/protocolSection/eligibilityModule/maximumAge",
      "/protocolSection/contactsLocationsModule/centralContacts",
      "/protocolSection/contactsLocationsModule/overallOfficials/1",
      "/protocolSection/contactsLocationsModule/overallOfficials/2",
      "/protocolSection/contactsLocationsModule/overallOfficials/3",
      "/protocolSection/ipdSharingStatementModule",
      "/derivedSection/conditionBrowseModule/meshes/0/term",
      "/derivedSection/interventionBrowseModule/meshes/0/term",
      "/annotationSection");

  /**
   * Paths that differ, each for a reason in the sources, not in the reader. The XML snapshot is
   * from August 2020; the v2 record from October 2023, after the primary completion (Nov 2020),
   * the results (first posted April 2022) and three more years of updates.
   */
  static final List<String> EXCLUDED = List.of(
      // Updated after 2020: verification, primary completion (then anticipated), last update.
      "/protocolSection/statusModule/statusVerifiedDate",
      "/protocolSection/statusModule/primaryCompletionDateStruct",
      "/protocolSection/statusModule/lastUpdateSubmitDate",
      "/protocolSection/statusModule/lastUpdatePostDateStruct",
      // Results were first submitted in 2022: the 2020 XML has no clinical_results, so the whole
      // results section (participant flow, baseline, outcome measures, adverse events, more info)
      // and hasResults cannot be compared here. LegacyArchiveTest checks the results mapping on
      // NCT00004635, field by field.
      "/protocolSection/statusModule/resultsFirstSubmitDate",
      "/protocolSection/statusModule/resultsFirstSubmitQcDate",
      "/protocolSection/statusModule/resultsFirstPostDateStruct",
      "/resultsSection",
      "/hasResults",
      // The outcome measures were rewritten when results were posted (new descriptions, time
      // frames and secondary outcomes).
      "/protocolSection/outcomesModule/primaryOutcomes/0/description",
      "/protocolSection/outcomesModule/primaryOutcomes/0/timeFrame",
      "/protocolSection/outcomesModule/secondaryOutcomes",
      // Two collaborators were reclassified from OTHER to NETWORK after 2020.
      "/protocolSection/sponsorCollaboratorsModule/collaborators/0/class",
      "/protocolSection/sponsorCollaboratorsModule/collaborators/1/class",
      // The first overall official changed (Monica Bertagnolli in 2020, Suzanne George in 2023).
      "/protocolSection/contactsLocationsModule/overallOfficials/0",
      // Site names changed and v2 adds geoPoints, which legacy XML never had.
      "/protocolSection/contactsLocationsModule/locations",
      // Secondary id type and domain are v2 additions the legacy schema has no element for.
      "/protocolSection/identificationModule/secondaryIdInfos/0/type",
      "/protocolSection/identificationModule/secondaryIdInfos/0/domain",
      "/protocolSection/identificationModule/secondaryIdInfos/1/type",
      "/protocolSection/identificationModule/secondaryIdInfos/1/domain",
      "/protocolSection/identificationModule/secondaryIdInfos/2/type",
      // Derived by CT.gov, not in legacy XML: standard age groups, MeSH ids, ancestors, leaves,
      // branches, BMI predictions; versionHolder is each source's own export date.
      "/protocolSection/eligibilityModule/stdAges",
      "/derivedSection/conditionBrowseModule/meshes/0/id",
      "/derivedSection/interventionBrowseModule/meshes/0/id",
      "/derivedSection/miscInfoModule",
      // References (2022 publications) and the protocol document (uploaded 2021) came later.
      "/protocolSection/referencesModule",
      "/documentSection");

  @Test
  void everyComparedFieldOfPallasAgreesBetweenLegacyXmlAndV2() throws IOException {
    ReadResult.Read read = readPallas();
    JsonNode xml = StudyJson.standard().tree(read.study());
    JsonNode v2 = StudyJson.standard().tree(StudyJson.standard().read(Files.readString(SharedData.pallasV2())));
    List<String> disagreements = new ArrayList<>();
    for (String path : COMPARED) {
      if (!xml.at(path).equals(v2.at(path))) {
        disagreements.add(path + "\n  xml: " + xml.at(path) + "\n  v2:  " + v2.at(path));
      }
    }
    assertEquals(List.of(), disagreements);
    assertEquals(43, COMPARED.size());
  }

  @Test
  void theExcludedFieldsReallyDifferSoNoExclusionHidesAnAgreement() throws IOException {
    JsonNode xml = StudyJson.standard().tree(readPallas().study());
    JsonNode v2 = StudyJson.standard().tree(StudyJson.standard().read(Files.readString(SharedData.pallasV2())));
    for (String path : EXCLUDED) {
      assertFalse(xml.at(path).equals(v2.at(path)), path + " agrees; compare it instead of excluding it");
    }
  }

  @Test
  void pallasReadsWithoutWarningsAndTheSameLocationCountriesAndOfficialCount() throws IOException {
    ReadResult.Read read = readPallas();
    assertEquals(List.of(), read.warnings());
    JsonNode xml = StudyJson.standard().tree(read.study());
    assertEquals(233, xml.at("/protocolSection/contactsLocationsModule/locations").size());
    assertEquals(4, xml.at("/protocolSection/contactsLocationsModule/overallOfficials").size());
    assertEquals("2020-08-18", xml.at("/derivedSection/miscInfoModule/versionHolder").asText());
    assertTrue(read.study().hasResults() != null && !read.study().hasResults());
  }

  @Test
  void meshIdsTheLegacyXmlLacksAreDerivedAsClinicalTrialsGovGivesThem() throws IOException {
    // The legacy XML names the descriptors (<mesh_term>) without ids; the v2 record, an independent
    // rendering by ClinicalTrials.gov, has the ids: derivation must give the same id for each name.
    // That 2023 record pads ids to nine digits (D000001943); MeSH, and the API since, writes D001943.
    com.fasterxml.jackson.databind.node.ObjectNode xml = (com.fasterxml.jackson.databind.node.ObjectNode)
        StudyJson.standard().tree(readPallas().study());
    JsonNode v2 = StudyJson.standard().tree(StudyJson.standard().read(Files.readString(SharedData.pallasV2())));
    List<String> derived = new org.trialdex.core.derive.Derivation(
        org.trialdex.core.terms.Vocabulary.load(SharedData.terms())).apply(xml);
    assertTrue(derived.containsAll(List.of("derivedSection.conditionBrowseModule.meshes.id",
        "derivedSection.conditionBrowseModule.ancestors")), derived.toString());
    for (String module : List.of("conditionBrowseModule", "interventionBrowseModule")) {
      java.util.Map<String, String> truth = new java.util.TreeMap<>();
      v2.at("/derivedSection/" + module + "/meshes").forEach(m -> truth.put(m.get("term").asText(), mesh(m.get("id").asText())));
      java.util.Map<String, String> ours = new java.util.TreeMap<>();
      xml.at("/derivedSection/" + module + "/meshes").forEach(m -> ours.put(m.get("term").asText(), m.path("id").asText(null)));
      assertTrue(!truth.isEmpty(), module);
      for (var e : ours.entrySet()) {
        // A name that is no 2019 MeSH descriptor's (Palbociclib, a later supplementary concept) stays without.
        if (truth.containsKey(e.getKey()) && e.getValue() != null) {
          assertEquals(truth.get(e.getKey()), e.getValue(), module + " " + e.getKey());
        }
      }
      // Ancestors, derived from the ids, include every one ClinicalTrials.gov lists that MeSH 2019 has.
      java.util.Set<String> truthAncestors = new java.util.TreeSet<>();
      v2.at("/derivedSection/" + module + "/ancestors").forEach(a -> truthAncestors.add(mesh(a.get("id").asText())));
      java.util.Set<String> ourAncestors = new java.util.TreeSet<>();
      xml.at("/derivedSection/" + module + "/ancestors").forEach(a -> ourAncestors.add(a.get("id").asText()));
      java.util.Set<String> missing = new java.util.TreeSet<>(truthAncestors);
      missing.removeAll(ourAncestors);
      boolean anyId = ours.values().stream().anyMatch(java.util.Objects::nonNull);
      assertTrue(!anyId || missing.size() <= truthAncestors.size() / 5, module + " ancestors missing " + missing + " of " + truthAncestors);
    }
  }

  /** A MeSH descriptor id as MeSH writes it: D and at least six digits, no padding beyond. */
  private static String mesh(String id) {
    return String.format(java.util.Locale.ROOT, "D%06d", Long.parseLong(id.substring(1)));
  }

  static ReadResult.Read readPallas() throws IOException {
    byte[] bytes = Files.readAllBytes(SharedData.pallasXml());
    SourceEntry entry = new SourceEntry("NCT02513394.legacy.xml", bytes.length, new ByteArrayInputStream(bytes));
    ReadResult r = new LegacyXmlReader().read(entry, ReadOptions.defaults()).findFirst().orElseThrow();
    return assertInstanceOf(ReadResult.Read.class, r, r::toString);
  }
}
