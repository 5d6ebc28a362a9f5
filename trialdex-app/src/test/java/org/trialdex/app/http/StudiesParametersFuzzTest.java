package org.trialdex.app.http;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.javalin.http.servlet.JavalinServletContextKt;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.trialdex.search.query.QueryException;
import org.trialdex.search.query.SearchRequests;

/**
 * Fuzzes the {@code GET /api/v2/studies} parameters without a server: the raw query string is split
 * and decoded as Javalin does for {@code ctx.queryParamMap()}, then read in the handler's order
 * ({@code explain}, {@code format}, {@code fields}, then the search parameters). Any query string
 * gives a request or one of the two errors the server answers with 400 ({@link HttpServer.BadRequest},
 * {@link QueryException}), each with a message. The seed corpus ({@code StudiesParametersFuzzTestInputs/})
 * runs in the normal suite; {@code scripts/fuzz http 3m} fuzzes it.
 */
class StudiesParametersFuzzTest {

  @FuzzTest(maxDuration = "30s")
  void anyQueryStringGivesARequestOrABadRequest(byte[] data) {
    String query = new String(data, StandardCharsets.UTF_8);
    try {
      Map<String, List<String>> params =
          new LinkedHashMap<>(JavalinServletContextKt.splitKeyValueStringAndGroupByKey(query, "UTF-8"));
      ApiV2.explainFlag(params.remove("explain"));
      ApiV2.format(params, "json", "csv");
      ApiV2.fields(params);
      assertNotNull(SearchRequests.parse(params));
    } catch (HttpServer.BadRequest | QueryException e) {
      assertFalse(e.getMessage() == null || e.getMessage().isBlank(), "the 400 says what is wrong");
    }
  }
}
