package org.trialdex.search.query;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Fuzzes the {@code GET /studies} parameter reader: any set of parameters gives a request or a
 * {@link QueryException} naming a parameter, nothing else. The input is a query string already
 * decoded: {@code name=value} pairs on separate lines, so that seeds read as what a user types.
 * The seed corpus ({@code SearchRequestsFuzzTestInputs/}) runs in the normal suite;
 * {@code scripts/fuzz params 3m} fuzzes it.
 */
class SearchRequestsFuzzTest {

  @FuzzTest(maxDuration = "30s")
  void anyParametersGiveARequestOrNameTheProblem(byte[] data) {
    Map<String, List<String>> params = parameters(new String(data, java.nio.charset.StandardCharsets.UTF_8));
    try {
      assertNotNull(SearchRequests.parse(params));
    } catch (QueryException e) {
      assertNotNull(e.parameter());
      assertTrue(e.getMessage().startsWith(e.parameter() + ": "), e.getMessage());
    }
  }

  /** One {@code name=value} per line; a line without {@code =} is a name with an empty value. */
  static Map<String, List<String>> parameters(String text) {
    Map<String, List<String>> params = new LinkedHashMap<>();
    for (String line : text.split("\n", -1)) {
      int eq = line.indexOf('=');
      String name = eq < 0 ? line : line.substring(0, eq);
      String value = eq < 0 ? "" : line.substring(eq + 1);
      params.computeIfAbsent(name, n -> new ArrayList<>()).add(value);
    }
    return params;
  }
}
