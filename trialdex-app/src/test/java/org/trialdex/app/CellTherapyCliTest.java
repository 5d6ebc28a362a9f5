package org.trialdex.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trialdex.app.cli.TrialdexCommand;
import org.trialdex.testing.SharedData;

/** {@code trialdex cell-therapy NCTID}: the profile of a stored trial, as text and as JSON. */
class CellTherapyCliTest {

  @TempDir Path dir;

  private Cli trialdex(String command, String... rest) {
    return Cli.run(Cli.with(List.of("--data", dir.resolve("data").toString()), command, rest));
  }

  @BeforeEach
  void importTwoSeedPages() {
    Cli imported = trialdex("import", SharedData.require("seeds/001_cd453c2458656e53.txt").toString(),
        SharedData.require("seeds/002_af3d16ab93fc7196.txt").toString());
    assertEquals(TrialdexCommand.OK, imported.exitCode(), imported::toString);
  }

  @Test
  void jsonNamesEveryFactWithItsEvidence() throws Exception {
    // seed 001: "ex-vivo-expanded BM-derived MSCs from third-party donors ... at a dose of 1×10^6 cells/kg"
    Cli run = trialdex("cell-therapy", "NCT01763086", "--format", "json");
    assertEquals(TrialdexCommand.OK, run.exitCode(), run::toString);
    JsonNode p = new ObjectMapper().readTree(run.out());
    assertEquals("NCT01763086", p.get("nctId").asText());
    for (String fact : List.of("cellType", "source", "donor", "dose", "route", "schedule", "products")) {
      assertTrue(p.has(fact), fact);
    }
    assertEquals("msc", p.get("cellType").get(0).get("value").asText());
    assertEquals("bone-marrow", p.get("source").get(0).get("value").asText());
    assertEquals(1_000_000, p.get("dose").get(0).get("perKg").asDouble());
    assertEquals("intravenous", p.get("route").get(0).get("value").asText());
    JsonNode evidence = p.get("source").get(0).get("evidence").get(0);
    assertTrue(evidence.get("field").asText().startsWith("protocolSection."), evidence::toString);
    assertTrue(evidence.get("end").asInt() > evidence.get("start").asInt(), evidence::toString);
  }

  @Test
  void textShowsValuesForPeopleAndSaysWhatIsNotStated() {
    // seed 002: "100-300 million allogeneic human umbilical cord derived mesenchymal stem cells"
    Cli run = trialdex("cell-therapy", "nct03219801");
    assertEquals(TrialdexCommand.OK, run.exitCode(), run::toString);
    assertTrue(run.out().contains("Tissue source: Umbilical cord"), run.out());
    assertTrue(run.out().contains("Donor: Allogeneic"), run.out());
    assertTrue(run.out().contains("Dose: 100–300 million cells (arm 'mesenchymal stem cells')"), run.out());
    assertTrue(run.out().contains("\"100-300 million\"  (protocolSection.armsInterventionsModule.armGroups[0].description"),
        run.out());
    assertTrue(run.out().contains("Schedule: not stated"), run.out());
  }

  @Test
  void anUnknownOrMalformedIdIsAClearError() {
    Cli missing = trialdex("cell-therapy", "NCT99999999");
    assertEquals(TrialdexCommand.FAILED, missing.exitCode(), missing::toString);
    assertTrue(missing.err().contains("NCT99999999 is not in this store"), missing::toString);
    Cli bad = trialdex("cell-therapy", "NCT123");
    assertEquals(TrialdexCommand.USAGE, bad.exitCode(), bad::toString);
    assertTrue(bad.err().contains("not an NCT id"), bad::toString);
    Cli format = trialdex("cell-therapy", "NCT01763086", "--format", "xml");
    assertEquals(TrialdexCommand.USAGE, format.exitCode(), format::toString);
  }
}
