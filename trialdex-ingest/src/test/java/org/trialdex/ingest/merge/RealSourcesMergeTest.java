package org.trialdex.ingest.merge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.trialdex.core.json.StudyJson;
import org.trialdex.core.merge.Conflict;
import org.trialdex.core.merge.FieldOrigin;
import org.trialdex.core.merge.MergedStudy;
import org.trialdex.core.merge.SourceRecord;
import org.trialdex.core.merge.StudyMerger;
import org.trialdex.core.model.Study;
import org.trialdex.core.source.Provenance;
import org.trialdex.ingest.ReadOptions;
import org.trialdex.ingest.ReadResult;
import org.trialdex.ingest.SourceEntry;
import org.trialdex.ingest.classic.ClassicFieldsReader;
import org.trialdex.ingest.legacy.LegacyXmlReader;
import org.trialdex.testing.SharedData;

/**
 * The merger on records as the readers make them: the 1,480 classic MSC records, PALLAS
 * (NCT02513394) as legacy XML and as v2 JSON, and NCT00953485 against what seed page 004 shows.
 * The classic MSC file and the 100-record v2 sample share no trial, so classic against v2 is
 * checked on PALLAS (legacy XML against v2) instead.
 */
class RealSourcesMergeTest {

  private static final StudyMerger MERGER = new StudyMerger();
  private static final Instant RECORDED = Instant.parse("2024-06-01T00:00:00Z");
  private static final String ELIGIBILITY = "protocolSection.eligibilityModule.";
  private static Map<String, ReadResult.Read> classic;

  @BeforeAll
  static void readTheClassicFile() {
    Path path = SharedData.mscClassic();
    try (InputStream in = Files.newInputStream(path);
        var results = new ClassicFieldsReader().read(
            new SourceEntry(path.getFileName().toString(), Files.size(path), in), ReadOptions.defaults())) {
      classic = results.map(r -> (ReadResult.Read) r)
          .collect(Collectors.toMap(ReadResult.Read::nctId, Function.identity()));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static SourceRecord source(String key, ReadResult.Read read) {
    return SourceRecord.of(key, read.study(), read.provenance(), 1, RECORDED);
  }

  @Test
  void eachClassicRecordMergedWithItselfFromASecondSourceIsUnchangedAndWithoutConflict() {
    assertEquals(1480, classic.size());
    StudyJson json = StudyJson.standard();
    for (ReadResult.Read read : classic.values()) {
      MergedStudy merged = MERGER.merge(List.of(source("ctgov-classic-fields", read), source("mirror", read)));
      assertEquals(List.of(), merged.conflicts(), read.nctId());
      assertEquals(json.tree(read.study()), json.tree(merged.study()), read.nctId());
    }
  }

  @Test
  void seedPage004AndTheClassicRecordOfNct00953485DisagreeOnlyOnTheAgeLimits() {
    ReadResult.Read registry = classic.get("NCT00953485");
    // What seed page 004 shows, written by hand: the page parser is not this test's subject.
    Study page = StudyJson.standard().read("""
        {"protocolSection": {
          "identificationModule": {"nctId": "NCT00953485",
            "briefTitle": "Allogeneic Mesenchymal Stem Cells Transplantation for Primary Sjögren's Syndrome (pSS)"},
          "statusModule": {"statusVerifiedDate": "2009-08-01", "startDateStruct": {"date": "2009-06-01"},
            "lastUpdatePostDateStruct": {"date": "2009-08-20", "type": "ESTIMATED"}},
          "designModule": {"studyType": "INTERVENTIONAL", "phases": ["PHASE2", "PHASE1"],
            "enrollmentInfo": {"count": 20, "type": "ESTIMATED"}},
          "eligibilityModule": {
            "eligibilityCriteria": "Inclusion Criteria:\\n\\n  • All patients fulfilled the international classification criteria (2002) for primary Sjögren's Syndrome, man or woman aged from 15 to 70 years old, Sjögren's Syndrome Disease Activity Index (SSDAI)≥8.\\n  • Stimulated whole saliva flow rate less than 1~6ml/6min.\\n  • Patients must be informed of the investigational nature of this study and give written informed consent in accordance with the institutional and hospital guidelines.\\n  • Women of reproductive potential may not participate unless they have agreed to use an effective contraceptive method while on this trial and for 12 months following treatment. Women of child-bearing potential must have a pregnancy test performed within 72 hours prior to initiation of treatment\\n\\nExclusion Criteria:\\n\\n  • End-stage renal failure.\\n  • Severe cardiopulmonary compromise, or other system failure.\\n  • Active, uncontrolled infections.\\n  • Pregnant or nursing women may not participate due to the possibility of fetal harm or harm to nursing infants from this treatment regimen.",
            "healthyVolunteers": false, "sex": "ALL", "minimumAge": "13 Years", "maximumAge": "68 Years",
            "stdAges": ["CHILD", "ADULT", "OLDER_ADULT"]},
          "contactsLocationsModule": {"locations": [{
            "facility": "The Affiliated Drum Tower Hospital of Nanjing University Medical School",
            "status": "RECRUITING", "city": "Nanjing", "state": "Jiangsu", "zip": "210008", "country": "China"}]}}}
        """);
    Provenance seed = new Provenance("registry-page", "004_0041cbfd29221786.txt", "", Map.of(Provenance.LAYOUT, "portal-list"));
    MergedStudy merged = MERGER.merge(List.of(
        SourceRecord.of("registry-page:portal-list", page, seed, 1, RECORDED), source("ctgov-classic-fields", registry)));
    assertEquals(List.of(ELIGIBILITY + "minimumAge", ELIGIBILITY + "maximumAge"),
        merged.conflicts().stream().map(Conflict::path).toList(), () -> merged.conflicts().toString());
    assertEquals("registry-page:portal-list v1 says \"13 Years\" where ctgov-classic-fields v1 says \"15 Years\";"
            + " kept ctgov-classic-fields v1 because a registry record outranks a page",
        merged.conflict(ELIGIBILITY + "minimumAge").orElseThrow().message());
    assertEquals("ctgov-classic-fields msc_studyfields_2022-10.jsonl (line 71)",
        merged.conflict(ELIGIBILITY + "maximumAge").orElseThrow().chosen().provenance().toString());
    assertEquals("15 Years", merged.study().protocolSection().eligibilityModule().minimumAge());
    assertEquals("70 Years", merged.study().protocolSection().eligibilityModule().maximumAge());
  }

  @Test
  void pallasAsLegacyXmlAndAsV2ConflictExactlyWhereTheTrialChangedBetween2020And2023() throws IOException {
    byte[] bytes = Files.readAllBytes(SharedData.pallasXml());
    ReadResult r = new LegacyXmlReader().read(new SourceEntry("NCT02513394.legacy.xml", bytes.length,
        new ByteArrayInputStream(bytes)), ReadOptions.defaults()).findFirst().orElseThrow();
    ReadResult.Read xml = assertInstanceOf(ReadResult.Read.class, r);
    Study v2 = StudyJson.standard().read(Files.readString(SharedData.pallasV2()));
    MergedStudy merged = MERGER.merge(List.of(source("ctgov-legacy-xml", xml),
        SourceRecord.of("ctgov-v2-json", v2, new Provenance("ctgov-v2-json", "NCT02513394.v2.json", ""), 1, RECORDED)));
    // Each path is among the differences PallasLegacyVersusV2Test explains; every field it
    // compares agrees, text blocks and dates included, and none is reported.
    assertEquals(List.of(
        "protocolSection.statusModule.statusVerifiedDate",
        "protocolSection.statusModule.primaryCompletionDateStruct.date",
        "protocolSection.statusModule.primaryCompletionDateStruct.type",
        "protocolSection.statusModule.lastUpdateSubmitDate",
        "protocolSection.statusModule.lastUpdatePostDateStruct.date",
        "protocolSection.sponsorCollaboratorsModule.collaborators",
        "protocolSection.outcomesModule.primaryOutcomes",
        "protocolSection.outcomesModule.secondaryOutcomes",
        "protocolSection.contactsLocationsModule.overallOfficials",
        "protocolSection.contactsLocationsModule.locations",
        "hasResults"), merged.conflicts().stream().map(Conflict::path).toList());
    assertEquals("ctgov-legacy-xml v1 says collaborators[\"Austrian Breast & Colorectal Cancer Study Group\"].class"
            + " \"OTHER\" where ctgov-v2-json v1 says \"NETWORK\"; ctgov-legacy-xml v1 says"
            + " collaborators[\"NSABP Foundation Inc\"].class \"OTHER\" where ctgov-v2-json v1 says \"NETWORK\";"
            + " kept ctgov-v2-json v1 because its record is newer (2023-06-15 against 2020-03-09)",
        merged.conflict("protocolSection.sponsorCollaboratorsModule.collaborators").orElseThrow().message());
    // The newer v2 record wins everywhere it has a value; the results come from it alone.
    assertEquals(new FieldOrigin("resultsSection.participantFlowModule", "ctgov-v2-json", 1),
        merged.origin("resultsSection.participantFlowModule").orElseThrow());
    assertEquals(StudyJson.standard().tree(v2), StudyJson.standard().tree(merged.study()));
  }
}
