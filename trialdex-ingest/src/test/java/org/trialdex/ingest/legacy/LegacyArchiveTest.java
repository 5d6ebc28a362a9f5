package org.trialdex.ingest.legacy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.databind.JsonNode;
import java.lang.management.ManagementFactory;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.trialdex.core.json.StudyJson;
import org.trialdex.ingest.ReadResult;
import org.trialdex.ingest.ReadWarning;
import org.trialdex.testing.SharedData;

/**
 * All 6,786 records of the AllPublicXML subset (NCT00000102–NCT00499993, processed 2023-02-03),
 * read once for the whole class, with field-by-field checks of three of them.
 */
class LegacyArchiveTest {

  private static final List<ReadResult.Read> READ = new ArrayList<>();
  private static final List<ReadResult.Failed> FAILED = new ArrayList<>();
  private static final Map<String, JsonNode> BY_ID = new HashMap<>();

  @BeforeAll
  static void readTheArchive() {
    var bean = ManagementFactory.getThreadMXBean();
    long cpu = bean.getCurrentThreadCpuTime();
    long wall = System.nanoTime();
    LegacyArchive.readAll(SharedData.legacyArchive(), new LegacyXmlReader(), r -> {
      switch (r) {
        case ReadResult.Read read -> READ.add(read);
        case ReadResult.Failed failed -> FAILED.add(failed);
      }
    });
    // A measurement for the report, not an assertion (timing lives in trialdex-bench).
    double cpuSeconds = (bean.getCurrentThreadCpuTime() - cpu) / 1e9;
    double wallSeconds = (System.nanoTime() - wall) / 1e9;
    System.out.printf("legacy archive: %d records, %.1f s wall (%.0f records/s), %.1f s thread CPU (%.0f records/s)%n",
        READ.size() + FAILED.size(), wallSeconds, (READ.size() + FAILED.size()) / wallSeconds,
        cpuSeconds, (READ.size() + FAILED.size()) / cpuSeconds);
    for (ReadResult.Read r : READ) {
      if (List.of("NCT00000102", "NCT00004635", "NCT00002663", "NCT00003404").contains(r.nctId())) {
        BY_ID.put(r.nctId(), StudyJson.standard().tree(r.study()));
      }
    }
  }

  @Test
  void everyRecordOfTheArchiveIsReadAndNoneFails() {
    assertEquals(List.of(), FAILED.stream().map(f -> f.problem().toString()).toList());
    assertEquals(6786, READ.size());
    assertEquals(0, FAILED.size());
    assertEquals(440, READ.stream().filter(r -> Boolean.TRUE.equals(r.study().hasResults())).count());
  }

  @Test
  void theArchiveMapsWithoutAnyWarningOrUnknownField() {
    Map<String, Integer> byField = new TreeMap<>();
    for (ReadResult.Read r : READ) {
      for (ReadWarning w : r.warnings()) {
        byField.merge(w.field(), 1, Integer::sum);
      }
      // A misspelt v2 member would land in unknownFields instead of its component.
      assertEquals(List.of(), unknownFields(r.study(), "study"), r.nctId());
    }
    assertEquals(Map.of(), byField);
  }

  @Test
  void nct00000102IsMappedFieldByField() {
    JsonNode s = BY_ID.get("NCT00000102");
    JsonNode ps = s.get("protocolSection");
    assertEquals("Congenital Adrenal Hyperplasia: Calcium Channels as Therapeutic Targets",
        ps.at("/identificationModule/briefTitle").asText());
    assertEquals("{\"fullName\":\"National Center for Research Resources (NCRR)\",\"class\":\"NIH\"}",
        ps.at("/identificationModule/organization").toString());
    assertEquals("This study will test the ability of extended release nifedipine (Procardia XL), a blood "
        + "pressure medication, to permit a decrease in the dose of glucocorticoid medication children "
        + "take to treat congenital adrenal hyperplasia (CAH).", ps.at("/descriptionModule/briefSummary").asText());
    assertEquals("COMPLETED", ps.at("/statusModule/overallStatus").asText());
    assertEquals("2004-01", ps.at("/statusModule/statusVerifiedDate").asText());
    assertEquals("{\"date\":\"1999-11-04\",\"type\":\"ESTIMATED\"}", ps.at("/statusModule/studyFirstPostDateStruct").toString());
    assertEquals("[\"PHASE1\",\"PHASE2\"]", ps.at("/designModule/phases").toString());
    assertEquals("{\"interventionModel\":\"PARALLEL\",\"primaryPurpose\":\"TREATMENT\",\"maskingInfo\":{\"masking\":\"DOUBLE\"}}",
        ps.at("/designModule/designInfo").toString());
    assertEquals("Inclusion Criteria:\n\n* diagnosed with Congenital Adrenal Hyperplasia (CAH)\n"
        + "* normal ECG during baseline evaluation\n\nExclusion Criteria:\n\n"
        + "* history of liver disease, or elevated liver function tests\n* history of cardiovascular disease",
        ps.at("/eligibilityModule/eligibilityCriteria").asText());
    assertEquals("14 Years", ps.at("/eligibilityModule/minimumAge").asText());
    assertEquals("35 Years", ps.at("/eligibilityModule/maximumAge").asText());
    assertEquals("[{\"facility\":\"Medical University of South Carolina\",\"city\":\"Charleston\","
        + "\"state\":\"South Carolina\",\"country\":\"United States\"}]",
        ps.at("/contactsLocationsModule/locations").toString());
    assertEquals("[{\"term\":\"Adrenal Hyperplasia, Congenital\"},{\"term\":\"Adrenogenital Syndrome\"},"
        + "{\"term\":\"Adrenocortical Hyperfunction\"},{\"term\":\"Hyperplasia\"}]",
        s.at("/derivedSection/conditionBrowseModule/meshes").toString());
    assertEquals("2023-02-03", s.at("/derivedSection/miscInfoModule/versionHolder").asText());
    assertFalse(s.get("hasResults").asBoolean());
  }

  @Test
  void nct00004635ResultsAreMappedFieldByField() {
    JsonNode r = BY_ID.get("NCT00004635").get("resultsSection");
    // participant flow: 2 groups, 2 periods, 4 and 3 milestones, 8 and 8 drop/withdraw reasons
    assertEquals("{\"id\":\"FG000\",\"title\":\"Thalidomide Followed by Placebo\"}",
        r.at("/participantFlowModule/groups/0").toString().replaceAll(",\"description\":\"[^\"]*\"", ""));
    assertEquals(2, r.at("/participantFlowModule/periods").size());
    assertEquals("Period One", r.at("/participantFlowModule/periods/0/title").asText());
    assertEquals(4, r.at("/participantFlowModule/periods/0/milestones").size());
    assertEquals(3, r.at("/participantFlowModule/periods/1/milestones").size());
    assertEquals("{\"type\":\"STARTED\",\"achievements\":[{\"groupId\":\"FG000\",\"numSubjects\":\"79\"},"
        + "{\"groupId\":\"FG001\",\"numSubjects\":\"80\"}]}",
        r.at("/participantFlowModule/periods/0/milestones/0").toString());
    assertEquals(8, r.at("/participantFlowModule/periods/0/dropWithdraws").size());
    assertEquals("PSA did not go <5 ng/mL", r.at("/participantFlowModule/periods/0/dropWithdraws/3/type").asText());
    // baseline: 3 groups (the last is Total), overall denominators, the age measure's categories
    assertEquals("BG002", r.at("/baselineCharacteristicsModule/groups/2/id").asText());
    assertEquals("{\"units\":\"Participants\",\"counts\":[{\"groupId\":\"BG000\",\"value\":\"79\"},"
        + "{\"groupId\":\"BG001\",\"value\":\"80\"},{\"groupId\":\"BG002\",\"value\":\"159\"}]}",
        r.at("/baselineCharacteristicsModule/denoms/0").toString());
    JsonNode age = r.at("/baselineCharacteristicsModule/measures/0");
    assertEquals("Age", age.get("title").asText());
    assertEquals("COUNT_OF_PARTICIPANTS", age.get("paramType").asText());
    assertEquals(">=65 years", age.at("/classes/0/categories/2/title").asText());
    assertEquals("{\"groupId\":\"BG002\",\"value\":\"90\"}", age.at("/classes/0/categories/2/measurements/2").toString());
    // adverse events: 4 groups with totals from the legacy "Total" category
    JsonNode ae = r.get("adverseEventsModule");
    assertEquals(4, ae.get("eventGroups").size());
    assertEquals("{\"id\":\"EG000\",\"title\":\"Thalidomide\",\"deathsNumAffected\":0,\"deathsNumAtRisk\":138,"
        + "\"seriousNumAffected\":117,\"seriousNumAtRisk\":138,\"otherNumAffected\":67,\"otherNumAtRisk\":138}",
        ae.at("/eventGroups/0").toString());
    assertEquals("{\"term\":\"Brusing (in absence of grade 3 or 4 thrombocytopenia)\","
        + "\"organSystem\":\"Blood and lymphatic system disorders\",\"sourceVocabulary\":\"CTCv2.0\","
        + "\"assessmentType\":\"SYSTEMATIC_ASSESSMENT\",\"stats\":[{\"groupId\":\"EG000\",\"numEvents\":3,"
        + "\"numAffected\":2,\"numAtRisk\":138},{\"groupId\":\"EG001\",\"numEvents\":0,\"numAffected\":0,"
        + "\"numAtRisk\":124},{\"groupId\":\"EG002\",\"numEvents\":0,\"numAffected\":0,\"numAtRisk\":159},"
        + "{\"groupId\":\"EG003\",\"numEvents\":0,\"numAffected\":0,\"numAtRisk\":159}]}",
        ae.at("/seriousEvents/0").toString());
    assertEquals("Date treatment consent signed to date off study, approximately 5 years.", ae.get("timeFrame").asText());
    // more information
    assertEquals("{\"piSponsorEmployee\":false,\"restrictiveAgreement\":false}",
        r.at("/moreInfoModule/certainAgreement").toString());
    assertEquals("{\"title\":\"William L. Dahut, M.D.\",\"organization\":\"National Cancer Institute, National "
        + "Institutes of Health\",\"email\":\"dahutw@mail.nih.gov\",\"phone\":\"301-435-8183\"}",
        r.at("/moreInfoModule/pointOfContact").toString());
    assertEquals(true, BY_ID.get("NCT00004635").get("hasResults").asBoolean());
  }

  @Test
  void nct00004635OutcomeMeasuresKeepGroupsDenomsAndClasses() {
    JsonNode om = BY_ID.get("NCT00004635").at("/resultsSection/outcomeMeasuresModule/outcomeMeasures");
    assertEquals(2, om.size());
    JsonNode first = om.get(0);
    assertEquals("PRIMARY", first.get("type").asText());
    assertEquals("Time to Progression", first.get("title").asText());
    assertEquals("POSTED", first.get("reportingStatus").asText());
    assertEquals("MEDIAN", first.get("paramType").asText());
    assertEquals("CONFIDENCE_95", first.get("dispersionType").asText());
    assertEquals("months", first.get("unitOfMeasure").asText());
    assertEquals("36 months", first.get("timeFrame").asText());
    assertEquals("[OG000, OG001]", first.at("/groups").findValuesAsText("id").toString());
    assertEquals("{\"units\":\"Participants\",\"counts\":[{\"groupId\":\"OG000\",\"value\":\"123\"},"
        + "{\"groupId\":\"OG001\",\"value\":\"112\"}]}", first.at("/denoms/0").toString());
    assertEquals("[{\"categories\":[{\"measurements\":[{\"groupId\":\"OG000\",\"value\":\"15\",\"lowerLimit\":\"12.0\","
        + "\"upperLimit\":\"22.1\"},{\"groupId\":\"OG001\",\"value\":\"9.6\",\"lowerLimit\":\"8.5\",\"upperLimit\":\"12.9\"}]}]}]",
        first.get("classes").toString());
  }

  @Test
  void nct00003404StatisticalAnalysisIsMapped() {
    JsonNode analysis = BY_ID.get("NCT00003404")
        .at("/resultsSection/outcomeMeasuresModule/outcomeMeasures").findValue("analyses").get(0);
    assertEquals("{\"paramType\":\"rate of occurance\",\"paramValue\":\"0.35\",\"ciNumSides\":\"TWO_SIDED\","
        + "\"ciPctValue\":\"95\",\"ciLowerLimit\":\"0\",\"ciUpperLimit\":\"8\",\"estimateComment\":\"The local "
        + "recurrence rate was estimated by dividing the number of recurrences by the total sample size. An exact "
        + "95% confidence interval (95% CI) for this rate was determined by binomial distribution.\","
        + "\"nonInferiorityType\":\"OTHER\",\"groupIds\":[\"OG000\"]}", analysis.toString());
  }

  @Test
  void nct00002663PendingResultsBecomeUnpostedEvents() {
    JsonNode events = BY_ID.get("NCT00002663").at("/annotationSection/annotationModule/unpostedAnnotation/unpostedEvents");
    assertEquals("{\"type\":\"RELEASE\",\"date\":\"2022-07-21\"}", events.get(0).toString());
    assertEquals("{\"type\":\"RESET\",\"date\":\"2022-08-19\"}", events.get(1).toString());
    assertEquals("{\"type\":\"UNRELEASE\",\"date\":\"2022-09-11\"}", events.get(3).toString());
  }

  /** Paths of every non-empty unknownFields map in a model record tree. */
  static List<String> unknownFields(Object value, String path) {
    List<String> out = new ArrayList<>();
    if (value instanceof Record rec) {
      for (RecordComponent c : rec.getClass().getRecordComponents()) {
        Object v;
        try {
          v = c.getAccessor().invoke(rec);
        } catch (ReflectiveOperationException e) {
          throw new AssertionError(e);
        }
        if (c.getName().equals("unknownFields")) {
          if (v instanceof Map<?, ?> map && !map.isEmpty()) {
            out.add(path + " " + map.keySet());
          }
        } else {
          out.addAll(unknownFields(v, path + "." + c.getName()));
        }
      }
    } else if (value instanceof List<?> list) {
      for (int i = 0; i < list.size(); i++) {
        out.addAll(unknownFields(list.get(i), path + "[" + i + "]"));
      }
    }
    return out;
  }
}
