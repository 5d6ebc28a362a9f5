package org.trialdex.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.IParser;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.hl7.fhir.r4.model.ResearchStudy;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trialdex.app.cli.TrialdexCommand;
import org.trialdex.app.service.fhir.FhirValidation;
import org.trialdex.testing.SharedData;

/**
 * {@code trialdex export --format fhir} end to end: real records imported the way a user imports
 * them, exported as NDJSON of FHIR R4 ResearchStudy, each line parsed by HAPI and valid by its R4
 * validator, one line per current record.
 */
class FhirExportCliTest {

  @TempDir Path dir;

  @Test
  void everyCurrentRecordIsOneLineOfAValidResearchStudy() throws IOException {
    Path data = dir.resolve("data");
    Cli imported = Cli.run("import", "--data", data.toString(), SharedData.v2Sample().toString(), SharedData.pallasV2().toString());
    assertEquals(TrialdexCommand.OK, imported.exitCode(), imported::toString);
    Path out = dir.resolve("studies.fhir.ndjson");

    Cli c = Cli.run("export", "--data", data.toString(), "--format", "fhir", "--out", out.toString());
    assertEquals(TrialdexCommand.OK, c.exitCode(), c::toString);
    assertTrue(c.err().contains("exported 101 records to " + out), c.err());

    List<String> lines = Files.readAllLines(out, StandardCharsets.UTF_8);
    // the 100-study sample and PALLAS
    assertEquals(101, lines.size());
    IParser parser = FhirContext.forR4Cached().newJsonParser();
    Set<String> ids = new TreeSet<>();
    List<String> problems = new ArrayList<>();
    ResearchStudy pallas = null;
    for (String line : lines) {
      ResearchStudy rs = parser.parseResource(ResearchStudy.class, line);
      ids.add(rs.getIdElement().getIdPart());
      FhirValidation.errors(line).forEach(e -> problems.add(rs.getIdElement().getIdPart() + ": " + e));
      if (rs.getIdElement().getIdPart().equals("NCT02513394")) {
        pallas = rs;
      }
    }
    assertEquals(List.of(), problems);
    // the ids are the sample's NCT ids and PALLAS's, each once
    Set<String> expected = new TreeSet<>();
    new ObjectMapper().readTree(SharedData.v2Sample().toFile())
        .forEach(s -> expected.add(s.at("/protocolSection/identificationModule/nctId").asText()));
    expected.add("NCT02513394");
    assertEquals(expected, ids);
    // PALLAS as NCT02513394.v2.json gives it: ACTIVE_NOT_RECRUITING, 437 sites
    assertEquals(ResearchStudy.ResearchStudyStatus.CLOSEDTOACCRUAL, pallas.getStatus());
    assertEquals(437, pallas.getSite().size());

    // standard output carries the same lines
    Cli stdout = Cli.run("export", "--data", data.toString(), "--format", "fhir");
    assertEquals(TrialdexCommand.OK, stdout.exitCode(), stdout::toString);
    assertEquals(String.join("\n", lines) + "\n", stdout.out());
  }

  @Test
  void anUnknownFormatIsAUsageErrorNamingTheChoices() {
    Cli c = Cli.run("export", "--data", dir.resolve("data").toString(), "--format", "xml");
    assertEquals(TrialdexCommand.USAGE, c.exitCode(), c::toString);
    assertTrue(c.err().contains("ndjson, fhir"), c.err());
  }
}
