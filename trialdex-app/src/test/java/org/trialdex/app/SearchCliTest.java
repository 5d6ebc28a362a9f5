package org.trialdex.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trialdex.app.cli.TrialdexCommand;
import org.trialdex.testing.SharedData;

/** {@code trialdex search}, {@code related} and {@code reindex} end to end on the real records. */
class SearchCliTest {

  private static final ObjectMapper MAPPER = new ObjectMapper();

  @TempDir Path dir;

  private Cli trialdex(String command, String... rest) {
    return Cli.run(Cli.with(List.of("--data", dir.resolve("data").toString()), command, rest));
  }

  @BeforeEach
  void importSample() {
    Cli c = trialdex("import", SharedData.v2Sample().toString(), SharedData.pallasV2().toString());
    assertEquals(TrialdexCommand.OK, c.exitCode(), c::toString);
    assertTrue(c.out().contains("  indexed           101"), c.out());
  }

  private JsonNode json(Cli c) throws IOException {
    assertEquals(TrialdexCommand.OK, c.exitCode(), c::toString);
    return MAPPER.readTree(c.out());
  }

  @Test
  void jsonOutputHasTheApiV2ResponseShape() throws IOException {
    JsonNode page = json(trialdex("search", "--cond", "breast cancer", "--count-total", "--format", "json"));
    assertTrue(page.has("studies") && page.get("studies").isArray(), page::toString);
    assertEquals(1, page.get("totalCount").asInt(), "only PALLAS is about breast cancer among the 101");
    assertEquals("NCT02513394", page.at("/studies/0/protocolSection/identificationModule/nctId").asText());
    assertTrue(!page.has("nextPageToken"), "one page: no token");
  }

  @Test
  void walkingAllPagesReturnsEveryStudyOnce() throws IOException {
    Set<String> seen = new HashSet<>();
    String token = null;
    int pages = 0;
    do {
      List<String> args = new ArrayList<>(List.of("--page-size", "13", "--sort", "LastUpdatePostDate:desc", "--format", "json"));
      if (token != null) {
        args.add("--page-token");
        args.add(token);
      }
      JsonNode page = json(trialdex("search", args.toArray(String[]::new)));
      for (JsonNode s : page.get("studies")) {
        assertTrue(seen.add(s.at("/protocolSection/identificationModule/nctId").asText()), "a study came twice");
      }
      token = page.has("nextPageToken") ? page.get("nextPageToken").asText() : null;
      pages++;
    } while (token != null);
    assertEquals(101, seen.size());
    assertEquals(8, pages);
  }

  @Test
  void badParametersAreUsageErrorsThatSayWhatIsAccepted() {
    Cli badPage = trialdex("search", "--page-size", "-5");
    assertEquals(TrialdexCommand.USAGE, badPage.exitCode(), badPage::toString);
    assertTrue(badPage.err().contains("pageSize"), badPage.err());
    Cli badSyntax = trialdex("search", "--advanced", "AREA[Phase](PHASE2");
    assertEquals(TrialdexCommand.USAGE, badSyntax.exitCode(), badSyntax::toString);
    Cli badField = trialdex("search", "--advanced", "AREA[NoSuchField]x");
    assertEquals(TrialdexCommand.USAGE, badField.exitCode(), badField::toString);
    assertTrue(badField.err().contains("NoSuchField"), badField.err());
  }

  @Test
  void relatedTrialsNameWhatTheyShare() {
    Cli c = trialdex("related", "NCT02513394", "--limit", "3");
    assertEquals(TrialdexCommand.OK, c.exitCode(), c::toString);
    assertEquals(3, c.out().lines().filter(l -> l.startsWith("NCT")).count(), c.out());
    assertEquals(3, c.out().lines().filter(l -> l.startsWith("    shares: ") && l.length() > 12).count(), c.out());
  }

  @Test
  void aDeletedIndexIsRebuiltFromTheStoreAndReindexCountsEveryRecord() throws IOException {
    try (Stream<Path> files = Files.walk(dir.resolve("data/index"))) {
      files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    }
    JsonNode page = json(trialdex("search", "--count-total", "--format", "json"));
    assertEquals(101, page.get("totalCount").asInt());
    Cli re = trialdex("reindex");
    assertEquals(TrialdexCommand.OK, re.exitCode(), re::toString);
    assertTrue(re.out().startsWith("indexed 101 records"), re.out());
  }

  @Test
  void aChangedRecordIsFoundByItsNewContentAfterImport() throws IOException {
    JsonNode pallas = MAPPER.readTree(SharedData.pallasV2().toFile());
    ((com.fasterxml.jackson.databind.node.ObjectNode) pallas.at("/protocolSection/identificationModule"))
        .put("briefTitle", "Zyzzyvaceous palbociclib title");
    Path changed = dir.resolve("changed.json");
    Files.writeString(changed, pallas.toString());
    Cli c = trialdex("import", changed.toString());
    assertTrue(c.out().contains("  indexed             1"), c.out());
    JsonNode page = json(trialdex("search", "--titles", "zyzzyvaceous", "--format", "json"));
    assertEquals(1, page.get("studies").size());
  }

  @Test
  void anImportWhileAnotherProcessHoldsTheIndexStoresTheRecordsAndLeavesTheIndexToThatProcess() throws IOException {
    // Another trialdex (a server, say) holds the index: it follows the store, this import does not index.
    try (var other = org.trialdex.search.StudyIndex.open(dir.resolve("data/index-held"))) {
      JsonNode pallas = MAPPER.readTree(SharedData.pallasV2().toFile());
      ((com.fasterxml.jackson.databind.node.ObjectNode) pallas.at("/protocolSection/identificationModule"))
          .put("briefTitle", "Held index title");
      Path changed = dir.resolve("held.json");
      Files.writeString(changed, pallas.toString());
      Cli c = Cli.run("import", "--data", dir.resolve("data").toString(), "--index", dir.resolve("data/index-held").toString(),
          changed.toString());
      assertEquals(TrialdexCommand.OK, c.exitCode(), c::toString);
      assertTrue(c.out().contains("  updated             1"), c.out());
      assertTrue(c.out().contains("indexed    by the trialdex process that holds the search index"), c.out());
      assertEquals("", c.err());
    }
  }
}
