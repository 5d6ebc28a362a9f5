package org.trialdex.core.merge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.trialdex.core.json.StudyJson;
import org.trialdex.core.model.Study;
import org.trialdex.core.source.Provenance;
import org.trialdex.testing.SharedData;

/** The merger over the 100 real v2 records of the NSCLC sample. */
class RealRecordsMergeTest {

  private static final StudyMerger MERGER = new StudyMerger();
  private static final StudyJson JSON = StudyJson.standard();
  private static final Instant RECORDED = Instant.parse("2024-06-01T00:00:00Z");
  private static List<Study> studies;

  @BeforeAll
  static void readTheSample() throws IOException {
    studies = new ArrayList<>();
    for (JsonNode node : JSON.mapper().readTree(SharedData.v2Sample().toFile())) {
      studies.add(JSON.read(node));
    }
  }

  private static SourceRecord v2(Study study, int version) {
    return SourceRecord.of("ctgov-v2-json", study, new Provenance("ctgov-v2-json", "ctg-studies.json", ""), version, RECORDED);
  }

  @Test
  void eachOfThe100RecordsMergedAloneIsUnchangedWithEveryUnitFromIt() {
    assertEquals(100, studies.size());
    int units = 0;
    for (Study study : studies) {
      MergedStudy merged = MERGER.merge(List.of(v2(study, 1)));
      assertEquals(JSON.tree(study), JSON.tree(merged.study()));
      assertEquals(JSON.contentHash(study), JSON.contentHash(merged.study()));
      assertEquals(List.of(), merged.conflicts());
      assertTrue(merged.origins().stream().allMatch(o -> o.sourceKey().equals("ctgov-v2-json") && o.version() == 1));
      units += merged.origins().size();
    }
    assertTrue(units > 100 * 40, "units over the sample: " + units);
  }

  @Test
  void eachRecordMergedWithACopyOfItselfFromAnotherSourceHasNoConflict() {
    for (Study study : studies) {
      MergedStudy merged = MERGER.merge(List.of(v2(study, 1),
          SourceRecord.of("ctgov-legacy-xml", study, new Provenance("ctgov-legacy-xml", "x.xml", ""), 1, RECORDED)));
      assertEquals(List.of(), merged.conflicts());
      assertEquals(JSON.tree(study), JSON.tree(merged.study()));
    }
  }
}
