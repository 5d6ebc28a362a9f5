package org.trialdex.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.trialdex.testing.SharedData;

/**
 * {@code /api/int/studies/...}, the version history as ClinicalTrials.gov's website API gives it,
 * over PALLAS stored three times: its v2 record, its legacy XML (another source) and a v2 record
 * whose status the test changed (a new version of the first source that changed one module).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WebsiteHistoryTest {

  private static final ObjectMapper MAPPER = new ObjectMapper();
  private LoopbackApi api;

  @BeforeAll
  void start(@TempDir Path dir) throws Exception {
    ObjectNode changed = (ObjectNode) MAPPER.readTree(SharedData.pallasV2().toFile());
    ((ObjectNode) changed.at("/protocolSection/statusModule")).put("overallStatus", "COMPLETED")
        .put("lastUpdateSubmitDate", "2024-05-02");
    Path later = dir.resolve("pallas-later.json");
    Files.writeString(later, changed.toString());
    // Imported one after the other, so that they are three versions in this order.
    api = LoopbackApi.of(dir, SharedData.pallasV2());
    api.close();
    for (Path next : List.of(SharedData.pallasXml(), later)) {
      Cli c = Cli.run("import", "--data", dir.resolve("data").toString(), next.toString());
      assertEquals(0, c.exitCode(), c::toString);
    }
    api = LoopbackApi.serve(dir);
  }

  @AfterAll
  void stop() {
    if (api != null) {
      api.close();
    }
  }

  private JsonNode json(String pathAndQuery) throws Exception {
    HttpResponse<String> r = api.get(pathAndQuery);
    assertEquals(200, r.statusCode(), () -> pathAndQuery + ": " + r.body());
    return MAPPER.readTree(r.body());
  }

  @Test
  void theVersionsAreListedOldestFirstFromZeroWithWhatEachChanged() throws Exception {
    JsonNode changes = json("/api/int/studies/NCT02513394/history").get("changes");
    assertEquals(3, changes.size(), changes::toString);
    List<Integer> numbers = new ArrayList<>();
    changes.forEach(c -> numbers.add(c.get("version").asInt()));
    assertEquals(List.of(0, 1, 2), numbers);
    // Dates: the registry's submission date of each version (the v2 record's, the XML's, the changed one's).
    JsonNode v2 = MAPPER.readTree(SharedData.pallasV2().toFile());
    assertEquals(v2.at("/protocolSection/statusModule/lastUpdateSubmitDate").asText(), changes.get(0).get("date").asText());
    assertEquals("2024-05-02", changes.get(2).get("date").asText());
    assertEquals("ACTIVE_NOT_RECRUITING", changes.get(0).get("status").asText());
    assertEquals("COMPLETED", changes.get(2).get("status").asText());
    // The first version of each source has every module it holds; the third changed the status only.
    List<String> first = new ArrayList<>();
    changes.get(0).get("moduleLabels").forEach(l -> first.add(l.asText()));
    assertTrue(first.containsAll(List.of("Study Identification", "Study Status", "Eligibility", "Contacts/Locations")), first::toString);
    assertEquals("[\"Study Status\"]", changes.get(2).get("moduleLabels").toString());
  }

  @Test
  void oneVersionIsItsNumberAndItsRecord() throws Exception {
    JsonNode v2 = json("/api/int/studies/NCT02513394/history/2");
    assertEquals(2, v2.get("studyVersion").asInt());
    assertEquals("COMPLETED", v2.at("/study/protocolSection/statusModule/overallStatus").asText());
    JsonNode v0 = json("/api/int/studies/nct02513394/history/0");
    assertEquals("ACTIVE_NOT_RECRUITING", v0.at("/study/protocolSection/statusModule/overallStatus").asText());
    assertEquals("NCT02513394", v0.at("/study/protocolSection/identificationModule/nctId").asText());
  }

  @Test
  void theRecordWithHistoryTrueCarriesTheList() throws Exception {
    JsonNode withHistory = json("/api/int/studies/NCT02513394?history=true");
    assertEquals("COMPLETED", withHistory.at("/protocolSection/statusModule/overallStatus").asText());
    assertEquals(3, withHistory.at("/history/changes").size());
    assertTrue(json("/api/int/studies/NCT02513394").at("/history").isMissingNode());
  }

  @Test
  void badIdsVersionsAndParametersAreRefusedNamingThem() throws Exception {
    assertEquals(404, api.get("/api/int/studies/NCT02513394/history/3").statusCode());
    assertTrue(api.get("/api/int/studies/NCT02513394/history/3").body().contains("its versions are 0 to 2"));
    assertEquals(400, api.get("/api/int/studies/NCT02513394/history/latest").statusCode());
    assertEquals(404, api.get("/api/int/studies/NCT99999999/history").statusCode());
    assertEquals(400, api.get("/api/int/studies/NCT123/history").statusCode());
    assertEquals(400, api.get("/api/int/studies/NCT02513394?history=yes").statusCode());
    assertTrue(api.get("/api/int/studies/NCT02513394/history?x=1").body().contains("`x` is unknown parameter"));
  }
}
