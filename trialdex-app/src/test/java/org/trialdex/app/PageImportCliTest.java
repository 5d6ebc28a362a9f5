package org.trialdex.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trialdex.app.cli.TrialdexCommand;

/**
 * {@code trialdex import} of pages from sites the reader has no layout for (issue #16): the page's
 * address given with {@code --url} names the trial, a page that is no trial's record fails with its
 * reason and changes nothing stored, and a bad address is a usage error.
 */
class PageImportCliTest {

  @TempDir Path dir;

  private Cli trialdex(String command, String... rest) {
    return Cli.run(Cli.with(List.of("--data", dir.resolve("data").toString()), command, rest));
  }

  private static final String HOSPITAL_PAGE = """
      Back to results

      A Study of Inhaled Drug X in Adults With Moderate Asthma

      Status: Open to accrual
      Phase 2
      Ages 18-65
      All Genders

      Who can participate?
      Adults with asthma for at least a year.
      """;

  private static final String GLOSSARY = """
      Study title
      The title of the clinical trial.
      Phase
      Clinical trials are conducted in phases that take the trial through each stage of testing.
      Sponsor
      Name of the organization(s) that initiated the clinical investigation.
      Study number
      The identifier number assigned to the trial.
      """;

  @Test
  void aHospitalPageImportedWithItsAddressIsStoredUnderTheTrialsId() throws IOException {
    Path page = dir.resolve("asthma-study.txt");
    Files.writeString(page, HOSPITAL_PAGE);
    Cli in = trialdex("import", "--no-progress", "--url", "https://hospital.example.org/trials/NCT05000001/asthma", page.toString());
    assertEquals(0, in.exitCode(), in::toString);

    Cli show = trialdex("show", "NCT05000001", "--format", "json");
    assertEquals(0, show.exitCode(), show::toString);
    JsonNode ps = new ObjectMapper().readTree(show.out()).path("protocolSection");
    assertEquals("A Study of Inhaled Drug X in Adults With Moderate Asthma", ps.path("identificationModule").path("briefTitle").asText());
    assertEquals("RECRUITING", ps.path("statusModule").path("overallStatus").asText());
    assertEquals("[\"PHASE2\"]", ps.path("designModule").path("phases").toString());
    assertEquals("18 Years", ps.path("eligibilityModule").path("minimumAge").asText());
    assertEquals("65 Years", ps.path("eligibilityModule").path("maximumAge").asText());
    assertEquals("ALL", ps.path("eligibilityModule").path("sex").asText());

    // A help page full of field names is refused with its reason, and what is stored stays as it was.
    Path glossary = dir.resolve("glossary.txt");
    Files.writeString(glossary, GLOSSARY);
    Cli bad = trialdex("import", "--no-progress", glossary.toString());
    assertEquals(TrialdexCommand.SOME_FAILED, bad.exitCode(), bad::toString);
    assertTrue(bad.out().contains("does not look like a trial record"), bad::toString);
    assertEquals(show.out(), trialdex("show", "NCT05000001", "--format", "json").out());
  }

  @Test
  void anAddressThatIsNotOneIsAUsageError() throws IOException {
    Path page = dir.resolve("asthma-study.txt");
    Files.writeString(page, HOSPITAL_PAGE);
    Cli c = trialdex("import", "--no-progress", "--url", "hospital page 12", page.toString());
    assertEquals(TrialdexCommand.USAGE, c.exitCode(), c::toString);
    assertTrue(c.err().contains("--url must be an http or https address without blanks, was \"hospital page 12\""), c::toString);
  }
}
