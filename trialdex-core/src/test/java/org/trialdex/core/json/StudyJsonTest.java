package org.trialdex.core.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import org.junit.jupiter.api.Test;
import org.trialdex.core.model.Phase;
import org.trialdex.core.model.Status;
import org.trialdex.core.model.Study;
import org.trialdex.testing.SharedData;

class StudyJsonTest {

  private final StudyJson json = StudyJson.standard();
  private final ObjectMapper plain = new ObjectMapper()
      .enable(com.fasterxml.jackson.databind.DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

  @Test
  void everyRecordOfTheApiExportReadsAndWritesBackToTheSameJson() throws Exception {
    JsonNode all = plain.readTree(SharedData.v2Sample().toFile());
    assertEquals(100, all.size());
    for (JsonNode original : all) {
      Study study = json.read(original.toString());
      JsonNode written = plain.readTree(json.write(study));
      assertEquals(original, written, () -> "round trip changed " + original.at("/protocolSection/identificationModule/nctId"));
    }
  }

  @Test
  void theLargeRecordWithResultsAndDocumentsRoundTrips() throws Exception {
    String text = Files.readString(SharedData.pallasV2());
    Study study = json.read(text);
    assertEquals("NCT02513394", study.protocolSection().identificationModule().nctId());
    assertEquals(Status.ACTIVE_NOT_RECRUITING, study.protocolSection().statusModule().overallStatus());
    assertTrue(study.resultsSection().adverseEventsModule().seriousEvents().size() > 10);
    assertEquals(plain.readTree(text), plain.readTree(json.write(study)));
  }

  @Test
  void numbersKeepTheirWrittenFormThroughATree() throws Exception {
    String text = "{\"derivedSection\":{\"miscInfoModule\":{\"modelPredictions\":{\"bmiLimits\":{\"minBmi\":0.0,\"maxBmi\":101.50}}}}}";
    assertEquals(text, json.write(json.read(json.mapper().readTree(text))));
    assertEquals(text, json.write(json.read(text)));
  }

  @Test
  void membersTheModelDoesNotKnowAreKeptAndWrittenBack() throws Exception {
    String text = """
        {"protocolSection":{"identificationModule":{"nctId":"NCT00000001","futureField":{"a":[1,2.50]}},
         "designModule":{"phases":["PHASE1","PHASE2"]}},"hasResults":false,"topLevelExtra":"x"}""";
    Study study = json.read(text);
    assertEquals("x", study.unknownFields().get("topLevelExtra").asText());
    assertEquals(java.util.List.of(Phase.PHASE1, Phase.PHASE2), study.protocolSection().designModule().phases());
    assertEquals(plain.readTree(text), plain.readTree(json.write(study)));
  }

  @Test
  void emptyListsStayPresentAndAbsentListsStayAbsent() throws Exception {
    String text = """
        {"protocolSection":{"conditionsModule":{"conditions":[]}}}""";
    assertEquals(plain.readTree(text), plain.readTree(json.write(json.read(text))));
  }

  @Test
  void contentHashIgnoresKeyOrderButNotContent() {
    Study a = json.read("{\"protocolSection\":{\"identificationModule\":{\"nctId\":\"NCT00000001\",\"briefTitle\":\"T\"}}}");
    Study b = json.read("{\"protocolSection\":{\"identificationModule\":{\"briefTitle\":\"T\",\"nctId\":\"NCT00000001\"}}}");
    Study c = json.read("{\"protocolSection\":{\"identificationModule\":{\"briefTitle\":\"U\",\"nctId\":\"NCT00000001\"}}}");
    assertEquals(a, b);
    assertEquals(json.contentHash(a), json.contentHash(b));
    assertNotEquals(json.contentHash(a), json.contentHash(c));
  }

  @Test
  void anUnknownEnumValueNamesItsPath() {
    StudyJsonException e = assertThrows(StudyJsonException.class, () -> json.read(
        "{\"protocolSection\":{\"statusModule\":{\"overallStatus\":\"SLEEPING\"}}}"));
    assertEquals("protocolSection.statusModule.overallStatus", e.path());
    assertTrue(e.getMessage().contains("SLEEPING"), e.getMessage());
  }

  @Test
  void malformedJsonSaysWhere() {
    StudyJsonException e = assertThrows(StudyJsonException.class,
        () -> json.read("{\"protocolSection\":{\"identificationModule\":{\"nctId\": }}}"));
    assertTrue(e.getMessage().contains("line 1"), e.getMessage());
  }
}
