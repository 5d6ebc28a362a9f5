package org.trialdex.core.identity;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.trialdex.core.json.StudyJson;
import org.trialdex.core.model.Study;
import org.trialdex.testing.SharedData;

/** The 100 real v2 records of the NSCLC sample, by NCT id, and pages made from them. */
final class Sample {

  static final StudyJson JSON = StudyJson.standard();
  private static Map<String, Study> byNctId;

  private Sample() {}

  static synchronized Study record(String nctId) {
    if (byNctId == null) {
      // Filled aside and kept only when whole: a skipped test (no shared data) must skip the next too.
      Map<String, Study> read = new LinkedHashMap<>();
      try {
        for (JsonNode node : JSON.mapper().readTree(SharedData.v2Sample().toFile())) {
          Study study = JSON.read(node);
          read.put(study.protocolSection().identificationModule().nctId(), study);
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      byNctId = read;
    }
    Study study = byNctId.get(nctId);
    if (study == null) {
      throw new IllegalArgumentException(nctId + " is not in the NSCLC sample");
    }
    return study;
  }

  /** What a registry page shows of a trial: no NCT id, these titles (null leaves one out). */
  static Study page(String briefTitle, String officialTitle) {
    ObjectNode tree = JSON.mapper().createObjectNode();
    ObjectNode ident = tree.putObject("protocolSection").putObject("identificationModule");
    if (briefTitle != null) {
      ident.put("briefTitle", briefTitle);
    }
    if (officialTitle != null) {
      ident.put("officialTitle", officialTitle);
    }
    return JSON.read(tree);
  }
}
