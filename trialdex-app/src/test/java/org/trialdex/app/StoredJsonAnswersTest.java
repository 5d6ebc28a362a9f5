package org.trialdex.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.trialdex.app.cli.TrialdexCommand;
import org.trialdex.app.http.StudyFields;
import org.trialdex.app.service.SearchResponses;
import org.trialdex.core.json.StudyJson;
import org.trialdex.search.Hit;
import org.trialdex.search.SearchResult;
import org.trialdex.search.query.SearchRequests;
import org.trialdex.store.StoreLocation;
import org.trialdex.testing.SharedData;

/**
 * The API's searches send each study as the index stores it (whole, or the {@code fields=} picked
 * from a tree of those bytes) instead of writing it anew through the model: the answer is the same,
 * byte for byte, as the one written through the model, over every record of the 100-study v2 sample,
 * PALLAS and the 1,480 classic MSC records.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StoredJsonAnswersTest {

  private static final ObjectMapper MAPPER = StudyJson.standard().mapper();

  private Trialdex trialdex;

  @BeforeAll
  void importTheSets(@TempDir Path dir) {
    Path data = dir.resolve("data");
    Cli c = Cli.run("import", "--data", data.toString(), SharedData.v2Sample().toString(),
        SharedData.pallasV2().toString(), SharedData.mscClassic().toString());
    assertEquals(TrialdexCommand.OK, c.exitCode(), c::toString);
    trialdex = Trialdex.open(new StoreLocation.Sqlite(data), Clock.systemUTC());
  }

  @AfterAll
  void close() {
    if (trialdex != null) {
      trialdex.close();
    }
  }

  /** Every record, in pages of 1,000, with what else the parameters ask for. */
  private List<SearchResult> everyRecord(Map<String, String> extra) {
    Map<String, List<String>> params = new LinkedHashMap<>();
    params.put("pageSize", List.of("1000"));
    params.put("countTotal", List.of("true"));
    params.put("facets", List.of("status,phase"));
    extra.forEach((k, v) -> params.put(k, List.of(v)));
    List<SearchResult> pages = new java.util.ArrayList<>();
    SearchResult page = trialdex.searches().search(SearchRequests.parse(params), java.time.Duration.ofMinutes(5));
    pages.add(page);
    while (page.nextPageToken().isPresent()) {
      params.put("pageToken", List.of(page.nextPageToken().get()));
      page = trialdex.searches().search(SearchRequests.parse(params), java.time.Duration.ofMinutes(5));
      pages.add(page);
    }
    return pages;
  }

  private static String throughTheModel(SearchResult page, UnaryOperator<JsonNode> view) throws Exception {
    return new String(MAPPER.writeValueAsBytes(SearchResponses.v2(page, view)), StandardCharsets.UTF_8);
  }

  private static String asStored(SearchResult page, Optional<UnaryOperator<JsonNode>> view) throws Exception {
    return new String(MAPPER.writeValueAsBytes(SearchResponses.v2AsStored(page, view)), StandardCharsets.UTF_8);
  }

  /** Equal texts, or a failure showing where they first differ (the answers are megabytes long). */
  private static void assertSame(String expected, String actual, String what) {
    int i = 0;
    while (i < Math.min(expected.length(), actual.length()) && expected.charAt(i) == actual.charAt(i)) {
      i++;
    }
    if (i < expected.length() || i < actual.length()) {
      int from = Math.max(0, i - 200);
      throw new AssertionError(what + ": the answers differ at character " + i + " of " + expected.length()
          + "\nexpected ..." + expected.substring(from, Math.min(expected.length(), i + 100))
          + "\nactual   ..." + actual.substring(from, Math.min(actual.length(), i + 100)));
    }
  }

  @Test
  void wholeStudiesAreTheSameBytesAsWrittenThroughTheModel() throws Exception {
    Set<String> seen = new HashSet<>();
    for (SearchResult page : everyRecord(Map.of())) {
      page.hits().stream().map(Hit::id).forEach(seen::add);
      assertSame(throughTheModel(page, study -> study), asStored(page, Optional.empty()), "whole studies");
    }
    assertTrue(seen.size() > 1500, "every record was compared: " + seen.size());
  }

  @Test
  void selectedFieldsAreTheSameBytesAsPickedFromTheModel() throws Exception {
    List<List<String>> selections = List.of(
        List.of("NCTId", "BriefTitle"),
        List.of("NCTId", "OverallStatus", "Phase", "EnrollmentCount", "StartDate"),
        List.of("protocolSection.eligibilityModule", "derivedSection.conditionBrowseModule"),
        List.of("LocationFacility", "LocationCity", "InterventionName", "HasResults"),
        List.of("ResultsSection", "DocumentSection"));
    for (List<String> names : selections) {
      List<String> paths = names.stream().map(n -> StudyFields.model().resolve(n).path()).toList();
      UnaryOperator<JsonNode> view = study -> StudyFields.select(study, paths);
      for (SearchResult page : everyRecord(Map.of("sort", "LastUpdatePostDate:desc"))) {
        assertSame(throughTheModel(page, view), asStored(page, Optional.of(view)), names.toString());
      }
    }
  }
}
