package org.trialdex.core.validate;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.trialdex.core.json.StudyJson;
import org.trialdex.core.model.Study;
import org.trialdex.testing.SharedData;

class RealRecordsValidationTest {

  private static final StudyValidator VALIDATOR = new StudyValidator();

  /** The 100 sample records and PALLAS, by NCT id, in file order. */
  private static Map<String, Study> records() throws IOException {
    StudyJson json = StudyJson.standard();
    Map<String, Study> out = new LinkedHashMap<>();
    for (JsonNode node : json.mapper().readTree(SharedData.v2Sample().toFile())) {
      Study s = json.read(node);
      out.put(s.protocolSection().identificationModule().nctId(), s);
    }
    Study pallas = json.read(Files.readString(SharedData.pallasV2()));
    out.put(pallas.protocolSection().identificationModule().nctId(), pallas);
    return out;
  }

  @Test
  void dump() throws IOException {
    Map<String, Integer> byRule = new TreeMap<>();
    for (var e : records().entrySet()) {
      ValidationReport report = VALIDATOR.validate(e.getValue());
      report.findings().forEach(f -> System.out.println("FINDING " + e.getKey() + " " + f));
      report.countByRule().forEach((k, v) -> byRule.merge(k, v, Integer::sum));
    }
    byRule.forEach((k, v) -> System.out.println("COUNT " + k + " " + v));
  }
}
