package org.trialdex.ingest.trust;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.trialdex.core.model.Study;
import org.trialdex.core.trust.TrustSignal;
import org.trialdex.core.trust.TrustSignal.Kind;
import org.trialdex.core.trust.TrustSignals;
import org.trialdex.ingest.ReadResult;
import org.trialdex.ingest.SharedRecords;

/**
 * Trust signals on real records against verdicts made by reading each record by hand
 * ({@code trust/trust-sample.json}, drawn and written as {@code tools/trust-sample/README.md} says):
 * every verdict must hold. The cell-therapy input is the reader's judgement stored with the verdict.
 */
class TrustSampleTest {

  private record Verdict(String nctId, String set, Kind kind, boolean present, boolean cellTherapy, String reason) {}

  @Test
  void everyHandVerdictHolds() throws IOException {
    JsonNode doc;
    try (InputStream in = getClass().getResourceAsStream("/trust/trust-sample.json")) {
      doc = new ObjectMapper().readTree(in);
    }
    LocalDate asOf = LocalDate.parse(doc.get("asOf").asText());
    List<Verdict> verdicts = new ArrayList<>();
    for (JsonNode v : doc.get("verdicts")) {
      verdicts.add(new Verdict(v.get("nctId").asText(), v.get("set").asText(),
          Kind.ofCode(v.get("kind").asText()).orElseThrow(() -> new AssertionError("unknown kind " + v.get("kind"))),
          v.get("present").asBoolean(), v.get("cellTherapy").asBoolean(), v.get("reason").asText()));
    }
    assertTrue(verdicts.size() >= 40, "at least 40 verdicts");
    Set<String> wanted = new HashSet<>();
    verdicts.forEach(v -> wanted.add(v.set() + "/" + v.nctId()));
    Map<String, Study> studies = new HashMap<>();
    SharedRecords.readAll((set, result) -> {
      if (result instanceof ReadResult.Read read && wanted.contains(set + "/" + read.recordId())) {
        studies.put(set + "/" + read.recordId(), read.study());
      }
    });

    List<String> disagreements = new ArrayList<>();
    for (Verdict v : verdicts) {
      Study study = studies.get(v.set() + "/" + v.nctId());
      if (study == null) {
        disagreements.add(v.nctId() + " not found in " + v.set());
        continue;
      }
      List<TrustSignal> signals = TrustSignals.of(study, asOf, v.cellTherapy());
      boolean present = signals.stream().anyMatch(s -> s.kind() == v.kind());
      if (present != v.present()) {
        disagreements.add(v.nctId() + " " + v.kind().code() + ": hand says " + v.present() + " (" + v.reason()
            + "); code says " + present + " " + signals);
      }
    }
    assertEquals(List.of(), disagreements, disagreements.size() + " of " + verdicts.size() + " verdicts disagree");
  }
}
