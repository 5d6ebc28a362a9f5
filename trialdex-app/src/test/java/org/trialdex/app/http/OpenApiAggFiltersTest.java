package org.trialdex.app.http;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.trialdex.search.query.SearchRequest;
import org.trialdex.search.query.SearchRequests;

/** Our OpenAPI document's {@code aggFilters} examples are codes the parser takes (core's table). */
class OpenApiAggFiltersTest {

  private static final Pattern EXAMPLE = Pattern.compile("e\\.g\\. (.+)\\.$");

  @Test
  void everyAggFiltersExampleInOurOpenApiDocumentParses() throws IOException {
    JsonNode doc;
    try (InputStream in = HttpServer.class.getResourceAsStream(HttpServer.OPENAPI_RESOURCE)) {
      doc = new ObjectMapper().readTree(in);
    }
    List<String> examples = new ArrayList<>();
    doc.findParents("name").stream().filter(p -> p.path("name").asText().equals("aggFilters"))
        .forEach(p -> {
          Matcher m = EXAMPLE.matcher(p.path("description").asText());
          if (m.find()) {
            examples.add(m.group(1));
          }
        });
    // One per operation taking aggFilters: /api/v2/studies, /feed, /api/landscape, /api/landscape/{chart}.csv.
    assertEquals(java.util.Collections.nCopies(4, "phase:2 3,status:rec"), examples);
    for (String example : examples) {
      assertEquals(List.of(new SearchRequest.AggFilter("phase", List.of("2", "3")),
          new SearchRequest.AggFilter("status", List.of("rec"))),
          SearchRequests.parse(Map.of("aggFilters", List.of(example))).aggFilters());
    }
  }
}
