package org.trialdex.search.query;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;

/**
 * Fuzzes the Essie query parser: any text gives an expression or a {@link QueryException} naming
 * the parameter, nothing else (no stack overflow however deep the brackets). The seed corpus
 * ({@code EssieParserFuzzTestInputs/}) runs in the normal suite; {@code scripts/fuzz essie 3m}
 * fuzzes it.
 */
class EssieParserFuzzTest {

  @FuzzTest(maxDuration = "30s")
  void anyTextParsesOrNamesTheProblem(byte[] data) {
    String text = new String(data, StandardCharsets.UTF_8);
    try {
      Expr expr = EssieParser.parse(text, Expr.DEFAULT_FIELD, "query.cond");
      assertNotNull(expr);
      assertNotNull(expr.toString());
    } catch (QueryException e) {
      assertTrue(e.getMessage().startsWith("query.cond: "), e.getMessage());
    }
  }
}
