package org.trialdex.app.service.fhir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ca.uhn.fhir.context.FhirContext;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Group;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Location;
import org.hl7.fhir.r4.model.Organization;
import org.hl7.fhir.r4.model.Practitioner;
import org.hl7.fhir.r4.model.Range;
import org.hl7.fhir.r4.model.ResearchStudy;
import org.hl7.fhir.r4.model.Resource;
import org.junit.jupiter.api.Test;
import org.trialdex.core.json.StudyJson;
import org.trialdex.ingest.ReadOptions;
import org.trialdex.ingest.ReadResult;
import org.trialdex.ingest.SourceEntry;
import org.trialdex.ingest.StudyReader;
import org.trialdex.ingest.classic.ClassicFieldsReader;
import org.trialdex.ingest.legacy.LegacyXmlReader;
import org.trialdex.testing.SharedData;

/**
 * Stored v2 records as FHIR R4 ResearchStudy: PALLAS element by element against values read by hand
 * from NCT02513394.v2.json, and every real record we have (the 100-study sample, PALLAS, records
 * read from legacy XML and classic fields) valid by HAPI's R4 instance validator.
 */
class ResearchStudiesTest {

  private static final ObjectMapper MAPPER = new ObjectMapper();

  private static ResearchStudy pallas() throws IOException {
    JsonNode tree = MAPPER.readTree(SharedData.pallasV2().toFile());
    // Through JSON and back, so the test sees what a client parses.
    String json = ResearchStudies.json("NCT02513394", tree);
    return FhirContext.forR4Cached().newJsonParser().parseResource(ResearchStudy.class, json);
  }

  @SuppressWarnings("unchecked")
  private static <T extends Resource> T contained(ResearchStudy rs, String reference, Class<T> type) {
    String id = reference.substring(1);
    return (T) rs.getContained().stream().filter(r -> r.getIdElement().getIdPart().equals(id)).findFirst()
        .orElseThrow(() -> new AssertionError("no contained " + reference));
  }

  @Test
  void pallasIdentifiersTitleStatusAndDesignAreItsV2Values() throws IOException {
    ResearchStudy rs = pallas();
    assertEquals("NCT02513394", rs.getIdElement().getIdPart());
    List<Identifier> ids = rs.getIdentifier();
    // identificationModule: nctId, orgStudyIdInfo.id (organization.fullName), three secondaryIdInfos
    assertEquals(5, ids.size());
    assertEquals(Identifier.IdentifierUse.OFFICIAL, ids.get(0).getUse());
    assertEquals("http://clinicaltrials.gov", ids.get(0).getSystem());
    assertEquals("NCT02513394", ids.get(0).getValue());
    assertEquals("AFT-05", ids.get(1).getValue());
    assertEquals("Alliance Foundation Trials, LLC.", ids.get(1).getAssigner().getDisplay());
    assertEquals("ABCSG 42", ids.get(2).getValue());
    assertEquals("ABCSG GmbH", ids.get(2).getAssigner().getDisplay());
    assertEquals("Other", ids.get(2).getType().getText());
    assertEquals("BIG 14-03", ids.get(3).getValue());
    assertEquals("Breast International Group", ids.get(3).getAssigner().getDisplay());
    // the EudraCT number has a type and no domain
    assertEquals("2014-005181-30", ids.get(4).getValue());
    assertEquals("Eudract Number", ids.get(4).getType().getText());
    assertFalse(ids.get(4).hasAssigner());
    // officialTitle, not the brief "PALbociclib CoLlaborative Adjuvant Study"
    assertTrue(rs.getTitle().startsWith("PALbociclib CoLlaborative Adjuvant Study: A Randomized Phase III Trial"), rs.getTitle());
    // overallStatus ACTIVE_NOT_RECRUITING: closed to new participants, the enrolled still followed
    assertEquals(ResearchStudy.ResearchStudyStatus.CLOSEDTOACCRUAL, rs.getStatus());
    // phases [PHASE3]; primaryPurpose TREATMENT; studyType INTERVENTIONAL
    assertEquals("phase-3", rs.getPhase().getCodingFirstRep().getCode());
    assertEquals(ResearchStudies.PHASE_SYSTEM, rs.getPhase().getCodingFirstRep().getSystem());
    assertEquals("Phase 3", rs.getPhase().getText());
    assertEquals("treatment", rs.getPrimaryPurposeType().getCodingFirstRep().getCode());
    assertEquals("Interventional", rs.getCategoryFirstRep().getText());
    // startDateStruct 2015-08, completionDateStruct 2025-09 (estimated), month precision kept
    assertEquals("2015-08", rs.getPeriod().getStartElement().getValueAsString());
    assertEquals("2025-09", rs.getPeriod().getEndElement().getValueAsString());
    assertFalse(rs.hasReasonStopped());
  }

  @Test
  void pallasConditionsKeywordsInterventionsAndCountriesCarryTheirCodesWhereV2HasThem() throws IOException {
    ResearchStudy rs = pallas();
    // conditions ["Breast Cancer"]; conditionBrowseModule.meshes [D000001943 Breast Neoplasms], which
    // does not spell the condition as written, so it is a second, coded condition (MeSH writes D001943)
    assertEquals(2, rs.getCondition().size());
    assertEquals("Breast Cancer", rs.getCondition().get(0).getText());
    assertFalse(rs.getCondition().get(0).hasCoding());
    CodeableConcept mesh = rs.getCondition().get(1);
    assertEquals("http://id.nlm.nih.gov/mesh", mesh.getCodingFirstRep().getSystem());
    assertEquals("D001943", mesh.getCodingFirstRep().getCode());
    assertEquals("Breast Neoplasms", mesh.getCodingFirstRep().getDisplay());
    // keywords
    assertEquals(List.of("HR+/HER2- breast cancer", "Palbociclib"), rs.getKeyword().stream().map(CodeableConcept::getText).toList());
    // interventions Palbociclib (interventionBrowseModule mesh C000500026 Palbociclib) and Standard Adjuvant Endocrine Therapy
    assertEquals(List.of("Palbociclib", "Standard Adjuvant Endocrine Therapy"), rs.getFocus().stream().map(CodeableConcept::getText).toList());
    assertEquals("C000500026", rs.getFocus().get(0).getCodingFirstRep().getCode());
    assertFalse(rs.getFocus().get(1).hasCoding());
    // 437 locations in 21 countries, first the United States; Korea and Taiwan as ClinicalTrials.gov names them
    assertEquals(21, rs.getLocation().size());
    Map<String, String> iso = new LinkedHashMap<>();
    rs.getLocation().forEach(l -> iso.put(l.getText(), l.getCodingFirstRep().getCode()));
    assertEquals("US", iso.get("United States"));
    assertEquals("KR", iso.get("Korea, Republic of"));
    assertEquals("TW", iso.get("Taiwan"));
    assertEquals("GB", iso.get("United Kingdom"));
    assertTrue(rs.getLocation().stream().allMatch(l -> l.getCodingFirstRep().getSystem().equals("urn:iso:std:iso:3166")));
  }

  @Test
  void pallasPeopleSitesArmsObjectivesAndReferencesAreContainedOrListed() throws IOException {
    ResearchStudy rs = pallas();
    // leadSponsor; the first PRINCIPAL_INVESTIGATOR of overallOfficials
    assertEquals("Alliance Foundation Trials, LLC.", contained(rs, rs.getSponsor().getReference(), Organization.class).getName());
    assertEquals("Suzanne George, MD", contained(rs, rs.getPrincipalInvestigator().getReference(), Practitioner.class).getNameFirstRep().getText());
    // one Location per site: 437
    assertEquals(437, rs.getSite().size());
    Location first = contained(rs, rs.getSite().get(0).getReference(), Location.class);
    assertEquals("University of South Alabama Mitchell Cancer Institute", first.getName());
    assertEquals("Mobile", first.getAddress().getCity());
    assertEquals("Alabama", first.getAddress().getState());
    assertEquals("36604", first.getAddress().getPostalCode());
    assertEquals("United States", first.getAddress().getCountry());
    assertEquals(30.69436, first.getPosition().getLatitude().doubleValue(), 1e-9);
    assertEquals(-88.04305, first.getPosition().getLongitude().doubleValue(), 1e-9);
    // 1 group + sponsor + PI + 437 sites
    assertEquals(440, rs.getContained().size());
    // armGroups: Arm A EXPERIMENTAL, Arm B OTHER
    assertEquals(2, rs.getArm().size());
    assertEquals("Arm A", rs.getArm().get(0).getName());
    assertEquals("Experimental", rs.getArm().get(0).getType().getText());
    assertTrue(rs.getArm().get(0).getDescription().startsWith("Palbociclib at a dose of 125 mg orally once daily"));
    assertEquals("Other", rs.getArm().get(1).getType().getText());
    // one primary outcome, four secondary
    assertEquals(5, rs.getObjective().size());
    assertEquals("Invasive Disease Free Survival (iDFS)", rs.getObjective().get(0).getName());
    assertEquals("primary", rs.getObjective().get(0).getType().getCodingFirstRep().getCode());
    assertEquals("Overall Survival (OS)", rs.getObjective().get(3).getName());
    assertEquals("secondary", rs.getObjective().get(3).getType().getCodingFirstRep().getCode());
    // four references with PMIDs, the first 34995105 (Mayer EL et al.)
    assertEquals(4, rs.getRelatedArtifact().size());
    assertEquals("https://pubmed.ncbi.nlm.nih.gov/34995105/", rs.getRelatedArtifactFirstRep().getUrl());
    assertTrue(rs.getRelatedArtifactFirstRep().getCitation().startsWith("Mayer EL, Fesl C, Hlauschek D"));
    // no central contacts in PALLAS
    assertFalse(rs.hasContact());
    assertTrue(rs.getDescription().startsWith("This is a prospective, two arm, international, multicenter, randomized"));
  }

  @Test
  void pallasEnrollmentIsAContainedGroupWithItsCountAndEligibility() throws IOException {
    ResearchStudy rs = pallas();
    Group g = contained(rs, rs.getEnrollmentFirstRep().getReference(), Group.class);
    // enrollmentInfo: 5796 ACTUAL
    assertEquals(5796, g.getQuantity());
    assertEquals("Actual enrollment", g.getName());
    assertFalse(g.getActual());
    Map<String, Group.GroupCharacteristicComponent> byCode = new LinkedHashMap<>();
    g.getCharacteristic().forEach(c -> byCode.put(c.getCode().getText(), c));
    // sex ALL is no restriction: no characteristic; minimumAge "18 Years", no maximum; healthyVolunteers false
    assertEquals(List.of("Age", "Accepts healthy volunteers", "Eligibility criteria"), List.copyOf(byCode.keySet()));
    Range age = byCode.get("Age").getValueRange();
    assertEquals(18, age.getLow().getValue().intValue());
    assertEquals("a", age.getLow().getCode());
    assertFalse(age.hasHigh());
    assertFalse(byCode.get("Accepts healthy volunteers").getValueBooleanType().booleanValue());
    assertTrue(byCode.get("Eligibility criteria").getValueCodeableConcept().getText().startsWith("Inclusion Criteria:"));
  }

  @Test
  void meshDescriptorIdsAreWrittenAsNlmWritesThem() {
    // MeSH 2019: the 6-digit ids end at D066331, the 9-digit ones start at D000066388
    assertEquals("D001943", ResearchStudies.meshId("D000001943"));
    assertEquals("D066331", ResearchStudies.meshId("D000066331"));
    assertEquals("D000066388", ResearchStudies.meshId("D000066388"));
    assertEquals("C000500026", ResearchStudies.meshId("C000500026"));
  }

  @Test
  void agesAreUcumQuantitiesAndOtherTextIsNoAge() {
    assertEquals("mo", ResearchStudies.age("6 Months").orElseThrow().getCode());
    assertEquals("a", ResearchStudies.age("1 Year").orElseThrow().getCode());
    assertTrue(ResearchStudies.age("N/A").isEmpty());
  }

  @Test
  void everyV2StatusHasAnR4StatusOrIsMarkedAbsent() {
    // ctg-oas-v2.yaml's Status enum: every value maps to a code, UNKNOWN through lastKnownStatus
    for (String s : List.of("ACTIVE_NOT_RECRUITING", "COMPLETED", "ENROLLING_BY_INVITATION", "NOT_YET_RECRUITING",
        "RECRUITING", "SUSPENDED", "TERMINATED", "WITHDRAWN", "AVAILABLE", "NO_LONGER_AVAILABLE",
        "TEMPORARILY_NOT_AVAILABLE", "APPROVED_FOR_MARKETING")) {
      assertTrue(StatusCodes.of(s, "").isPresent(), s);
    }
    assertEquals(ResearchStudy.ResearchStudyStatus.CLOSEDTOACCRUAL, StatusCodes.of("WITHHELD", "").orElseThrow());
    assertEquals(ResearchStudy.ResearchStudyStatus.CLOSEDTOACCRUAL, StatusCodes.of("UNKNOWN", "").orElseThrow());
    assertTrue(StatusCodes.of("", "").isEmpty());
    assertEquals(ResearchStudy.ResearchStudyStatus.ACTIVE, StatusCodes.of("UNKNOWN", "RECRUITING").orElseThrow());
  }

  @Test
  void aStudyOfUnknownStatusWithoutALastKnownOneIsClosedToAccrualAndValid() throws IOException {
    // A small record the team wrote: the fewest fields a v2 record has, status UNKNOWN with nothing more.
    JsonNode tree = MAPPER.readTree("""
        {"protocolSection": {"identificationModule": {"nctId": "NCT00000001", "briefTitle": "A study"},
          "statusModule": {"overallStatus": "UNKNOWN"}}}""");
    String json = ResearchStudies.json("NCT00000001", tree);
    assertTrue(json.contains("\"status\":\"closed-to-accrual\""), json);
    assertEquals(List.of(), FhirValidation.errors(json));
  }

  @Test
  void aRecordWithoutAnyStatusSaysWhyItIsAbsentInsteadOfGuessing() throws IOException {
    JsonNode tree = MAPPER.readTree("""
        {"protocolSection": {"identificationModule": {"nctId": "NCT00000002", "briefTitle": "A page record"}}}""");
    String json = ResearchStudies.json("NCT00000002", tree);
    assertTrue(json.contains("\"_status\":{\"extension\":[{\"url\":\"http://hl7.org/fhir/StructureDefinition/data-absent-reason\",\"valueCode\":\"unknown\"}]}"), json);
  }

  @Test
  void ageLimitsInMonthsAndYearsShareTheFinerUnitAndWeeksAndYearsStandApart() throws IOException {
    // NCT00284986 in the MSC classic set: MinimumAge 6 Months, MaximumAge 70 Years
    Group months = enrollment("6 Months", "70 Years");
    Range r = months.getCharacteristicFirstRep().getValueRange();
    assertEquals(6, r.getLow().getValue().intValue());
    assertEquals(840, r.getHigh().getValue().intValue());
    assertEquals("mo", r.getHigh().getCode());
    Group weeks = enrollment("2 Weeks", "18 Years");
    assertEquals(List.of("Minimum age", "Maximum age"),
        weeks.getCharacteristic().stream().map(c -> c.getCode().getText()).toList());
    assertEquals("wk", weeks.getCharacteristic().get(0).getValueQuantity().getCode());
  }

  private static Group enrollment(String min, String max) throws IOException {
    JsonNode tree = MAPPER.readTree("""
        {"protocolSection": {"identificationModule": {"nctId": "NCT00000003"}, "statusModule": {"overallStatus": "COMPLETED"},
          "eligibilityModule": {"minimumAge": "%s", "maximumAge": "%s"}}}""".formatted(min, max));
    String json = ResearchStudies.json("NCT00000003", tree);
    assertEquals(List.of(), FhirValidation.errors(json));
    ResearchStudy rs = FhirContext.forR4Cached().newJsonParser().parseResource(ResearchStudy.class, json);
    return contained(rs, rs.getEnrollmentFirstRep().getReference(), Group.class);
  }

  @Test
  void everyRecordOfTheV2SampleAndPallasIsValidR4() throws IOException {
    List<JsonNode> studies = new ArrayList<>();
    MAPPER.readTree(SharedData.v2Sample().toFile()).forEach(studies::add);
    studies.add(MAPPER.readTree(SharedData.pallasV2().toFile()));
    assertEquals(101, studies.size());
    assertAllValid(studies);
  }

  @Test
  void recordsReadFromLegacyXmlAndClassicFieldsAreValidR4() throws IOException {
    List<JsonNode> studies = new ArrayList<>();
    studies.addAll(read(new LegacyXmlReader(), SharedData.pallasXml()));
    studies.addAll(firstOfArchive(SharedData.legacyArchive(), 15));
    try (Stream<String> lines = Files.lines(SharedData.mscClassic())) {
      byte[] first = String.join("\n", lines.limit(15).toList()).getBytes(java.nio.charset.StandardCharsets.UTF_8);
      studies.addAll(read(new ClassicFieldsReader(), "msc.jsonl", new java.io.ByteArrayInputStream(first), first.length));
    }
    assertEquals(1 + 15 + 15, studies.size());
    assertAllValid(studies);
  }

  private static void assertAllValid(List<JsonNode> studies) {
    List<String> problems = new ArrayList<>();
    for (JsonNode s : studies) {
      String id = s.path("protocolSection").path("identificationModule").path("nctId").asText();
      String json = ResearchStudies.json(id, s);
      FhirValidation.errors(json).forEach(e -> problems.add(id + ": " + e));
    }
    assertEquals(List.of(), problems);
  }

  private static List<JsonNode> read(StudyReader reader, Path file) throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      return read(reader, file.getFileName().toString(), in, Files.size(file));
    }
  }

  private static List<JsonNode> read(StudyReader reader, String name, InputStream in, long size) throws IOException {
    List<JsonNode> out = new ArrayList<>();
    try (Stream<ReadResult> results = reader.read(new SourceEntry(name, size, in), ReadOptions.defaults())) {
      for (ReadResult r : results.toList()) {
        switch (r) {
          case ReadResult.Read read -> out.add(MAPPER.readTree(StudyJson.standard().write(read.study())));
          case ReadResult.Failed f -> throw new AssertionError("fixture not read: " + f.problem());
        }
      }
    }
    return out;
  }

  private static List<JsonNode> firstOfArchive(Path archive, int n) throws IOException {
    List<JsonNode> out = new ArrayList<>();
    try (InputStream file = Files.newInputStream(archive);
        TarArchiveInputStream tar = new TarArchiveInputStream(new GzipCompressorInputStream(file))) {
      TarArchiveEntry e;
      while (out.size() < n && (e = tar.getNextEntry()) != null) {
        if (!e.isDirectory() && e.getName().endsWith(".xml")) {
          out.addAll(read(new LegacyXmlReader(), e.getName(), tar, e.getSize()));
        }
      }
    }
    return out;
  }
}
