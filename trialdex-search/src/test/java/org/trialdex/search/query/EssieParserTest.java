package org.trialdex.search.query;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.trialdex.search.query.Expr.And;
import org.trialdex.search.query.Expr.Bound;
import org.trialdex.search.query.Expr.Missing;
import org.trialdex.search.query.Expr.Not;
import org.trialdex.search.query.Expr.Or;
import org.trialdex.search.query.Expr.Phrase;
import org.trialdex.search.query.Expr.Range;
import org.trialdex.search.query.Expr.Words;

class EssieParserTest {

  private static final String C = "ConditionSearch";

  private static Words w(String text) {
    return new Words(C, text);
  }

  private static Phrase p(String text) {
    return new Phrase(C, text);
  }

  private static And and(Expr... parts) {
    return new And(List.of(parts));
  }

  private static Or or(Expr... parts) {
    return new Or(List.of(parts));
  }

  static Stream<Arguments> validQueries() {
    return Stream.of(
        // one word; adjacent words are one Words leaf (all must match)
        Arguments.of("lung", w("lung")),
        Arguments.of("  lung   cancer ", w("lung cancer")),
        // lower-case operators are words
        Arguments.of("head and neck or not", w("head and neck or not")),
        Arguments.of("\"heart attack\"", p("heart attack")),
        Arguments.of("\"heart   attack\"", p("heart attack")),
        Arguments.of("Sjögren's \"graft-versus-host disease\" GVHD",
            and(w("Sjögren's"), p("graft-versus-host disease"), w("GVHD"))),
        Arguments.of("a AND b", and(w("a"), w("b"))),
        Arguments.of("a b AND c", and(w("a b"), w("c"))),
        Arguments.of("a OR b c", or(w("a"), w("b c"))),
        // AND binds tighter than OR, NOT tighter than AND
        Arguments.of("a OR b AND c", or(w("a"), and(w("b"), w("c")))),
        Arguments.of("NOT a b", and(new Not(w("a")), w("b"))),
        Arguments.of("a NOT b", and(w("a"), new Not(w("b")))),
        Arguments.of("NOT NOT a", new Not(new Not(w("a")))),
        // the OpenAPI document's example
        Arguments.of("(head OR neck) AND pain", and(or(w("head"), w("neck")), w("pain"))),
        Arguments.of("((a))", w("a")),
        Arguments.of("COVID-19 OR SARS-CoV-2", or(w("COVID-19"), w("SARS-CoV-2"))),
        // AREA applies to the next word only
        Arguments.of("AREA[LocationCity]Portland Maine",
            and(new Words("LocationCity", "Portland"), w("Maine"))),
        Arguments.of("AREA[StartDate]2022", new Words("StartDate", "2022")),
        Arguments.of("AREA[Condition] \"heart attack\"", new Phrase("Condition", "heart attack")),
        Arguments.of("AREA[InterventionName](aspirin OR AREA[Keyword]statin)",
            or(new Words("InterventionName", "aspirin"), new Words("Keyword", "statin"))),
        Arguments.of("AREA[A]AREA[B]x", new Words("B", "x")),
        Arguments.of("AREA[StartDate]RANGE[2019-01-01, MAX]",
            new Range("StartDate", new Bound.Value("2019-01-01"), new Bound.Max())),
        Arguments.of("AREA[LastUpdatePostDate]RANGE[2023-01-15,MAX]",
            new Range("LastUpdatePostDate", new Bound.Value("2023-01-15"), new Bound.Max())),
        Arguments.of("AREA[MinimumAge]RANGE[MIN, 16 years] AND AREA[MaximumAge]RANGE[16 years, MAX]",
            and(new Range("MinimumAge", new Bound.Min(), new Bound.Value("16 years")),
                new Range("MaximumAge", new Bound.Value("16 years"), new Bound.Max()))),
        Arguments.of("AREA[EnrollmentCount](RANGE[10, 100] OR MISSING)",
            or(new Range("EnrollmentCount", new Bound.Value("10"), new Bound.Value("100")),
                new Missing("EnrollmentCount"))),
        Arguments.of("AREA[ResultsFirstPostDate]MISSING", new Missing("ResultsFirstPostDate")),
        Arguments.of("NOT AREA[ResultsFirstPostDate]MISSING",
            new Not(new Missing("ResultsFirstPostDate"))),
        // escaped quotes and backslashes
        Arguments.of("\"say \\\"no\\\" \\\\ now\"", p("say \"no\" \\ now")),
        Arguments.of("12\\\"", w("12\"")),
        // an escaped operator is a word
        Arguments.of("a \\AND b", w("a \\AND b")),
        // brackets that are not operators belong to words
        Arguments.of("IL-2[R] Area[x]", w("IL-2[R] Area[x]")),
        // context operators: before words they take the run of words, before anything else one operand
        Arguments.of("EXPANSION[None]heart attack OR stroke", or(new Expr.Expanded(Expr.Expansion.NONE,
            w("heart attack")), w("stroke"))),
        Arguments.of("EXPANSION[lossy]\"heart attack\" pain", and(new Expr.Expanded(Expr.Expansion.LOSSY,
            p("heart attack")), w("pain"))),
        Arguments.of("AREA[Condition]COVERAGE[FullMatch]Lung Cancer", new Expr.Covered(Expr.Coverage.FULL_MATCH,
            new Words("Condition", "Lung Cancer"))),
        Arguments.of("COVERAGE[StartsWith]AREA[Condition]lung cancer", and(new Expr.Covered(
            Expr.Coverage.STARTS_WITH, new Words("Condition", "lung")), w("cancer"))),
        Arguments.of("SEARCH[Location](AREA[LocationCity]Portland AND AREA[LocationState]Maine)",
            new Expr.AtOneSite(and(new Words("LocationCity", "Portland"), new Words("LocationState", "Maine")))),
        Arguments.of("SEARCH[Study](a OR b)", or(w("a"), w("b"))),
        // wildcards, and an escaped star as a character of a word
        // operator names are upper case only, as AND, OR and NOT are
        Arguments.of("coverage[FullMatch]x", w("coverage[FullMatch]x")),
        Arguments.of("lymph* cancer", and(new Expr.Wildcard(C, "lymph*"), w("cancer"))),
        Arguments.of("leuk*mia", new Expr.Wildcard(C, "leuk*mia")),
        Arguments.of("AREA[BriefTitle]osimert*", new Expr.Wildcard("BriefTitle", "osimert*")),
        Arguments.of("a\\*", w("a*")),
        // a comma separates terms as a space does, except inside a number
        Arguments.of("AREA[LocationCountry]China,AREA[LocationCity]Beijing", and(new Words("LocationCountry", "China"),
            new Words("LocationCity", "Beijing"))),
        Arguments.of("lung cancer, 1,000 mg", w("lung cancer 1,000 mg")),
        Arguments.of("a ,, b", w("a b")));
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @MethodSource("validQueries")
  void validQueriesParseToTheseExpressions(String query, Expr expected) {
    assertEquals(expected, EssieParser.parse(query, C));
  }

  static Stream<Arguments> invalidQueries() {
    return Stream.of(
        Arguments.of("", 0, "query.cond: the query is empty"),
        Arguments.of("   ", 0, "query.cond: the query is empty"),
        Arguments.of("(a OR b", 0, "query.cond: '(' is never closed; add ')'"),
        Arguments.of("a OR b)", 6, "query.cond: ')' has no matching '('"),
        Arguments.of(")", 0, "query.cond: ')' has no matching '('"),
        Arguments.of("a ()", 2, "query.cond: empty parentheses '()'"),
        Arguments.of("lung \"cancer", 5, "query.cond: '\"' is never closed"),
        Arguments.of("a \"\" b", 2, "query.cond: empty phrase"),
        Arguments.of("a AND", 2, "query.cond: AND has nothing after it (the query ends)"),
        Arguments.of("a AND OR b", 2, "query.cond: AND has nothing after it (it is followed by OR)"),
        Arguments.of("OR b", 0, "query.cond: OR has nothing before it"),
        Arguments.of("a (AND b)", 3, "query.cond: AND has nothing before it"),
        Arguments.of("a NOT", 2, "query.cond: NOT has nothing after it"),
        Arguments.of("AREA[]x", 0, "query.cond: AREA[] names no field"),
        Arguments.of("a AREA[Start Date]x", 2, "query.cond: AREA[Start Date] does not name a field"),
        Arguments.of("AREA[StartDate", 0, "query.cond: 'AREA[' is never closed"),
        Arguments.of("AREA[StartDate]", 0, "query.cond: AREA[StartDate] has nothing after it"),
        Arguments.of("x RANGE[1, 2]", 2, "query.cond: RANGE[...] needs AREA[Field] before it"),
        Arguments.of("MISSING", 0, "query.cond: MISSING needs AREA[Field] before it"),
        Arguments.of("AREA[X]RANGE[1]", 7, "query.cond: RANGE[1] needs two bounds"),
        Arguments.of("AREA[X]RANGE[1,2,3]", 7, "query.cond: RANGE[1,2,3] needs two bounds"),
        Arguments.of("AREA[X]RANGE[, 2]", 7, "query.cond: RANGE[, 2] has an empty lower bound"),
        Arguments.of("AREA[X]RANGE[MAX, 2]", 7, "query.cond: RANGE[MAX, 2] has MAX as lower"),
        Arguments.of("SEARCH[Site](AREA[LocationCity]Boston)", 0,
            "query.cond: SEARCH[Site] is not one of SEARCH[Study], SEARCH[Location]"),
        Arguments.of("a COVERAGE[Whole]x", 2, "query.cond: COVERAGE[Whole] is not one of COVERAGE[FullMatch],"),
        Arguments.of("EXPANSION[]x", 0, "query.cond: EXPANSION[] is not one of EXPANSION[None], EXPANSION[Term]"),
        Arguments.of("EXPANSION[None]", 0, "query.cond: EXPANSION[None] has nothing after it"),
        Arguments.of("COVERAGE[FullMatch] OR x", 0, "query.cond: COVERAGE[FullMatch] has nothing after it"),
        Arguments.of("lung l*", 5, "query.cond: the wildcard l* needs at least two characters before its first *"),
        Arguments.of("*cancer", 0, "query.cond: the wildcard *cancer needs at least two characters"),
        Arguments.of("ab\\(*", 0, "query.cond: the word ab\\(* mixes a wildcard"),
        Arguments.of("(".repeat(51) + "a" + ")".repeat(51), 50,
            "query.cond: the query nests parentheses, NOT and AREA more than 50 levels deep"),
        Arguments.of("NOT ".repeat(60) + "a", 200, "query.cond: the query nests"));
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @MethodSource("invalidQueries")
  void invalidQueriesFailWithPositionAndMessage(String query, int position, String messageStart) {
    QueryException e = assertThrows(QueryException.class, () -> EssieParser.parse(query, C, "query.cond"));
    assertTrue(e.getMessage().startsWith(messageStart), e.getMessage());
    assertTrue(e.getMessage().endsWith("(at position " + position + ")"), e.getMessage());
    assertEquals(position, e.position().orElseThrow());
    assertEquals("query.cond", e.parameter());
  }

  @Test
  void fiftyLevelsOfParenthesesAreAccepted() {
    assertEquals(w("a"), EssieParser.parse("(".repeat(50) + "a" + ")".repeat(50), C));
  }

  @Test
  void aTenKilobyteQueryParsesQuickly() {
    StringBuilder query = new StringBuilder();
    for (int i = 0; query.length() < 10_000; i++) {
      query.append("word").append(i).append(i % 7 == 0 ? " OR " : " ");
      query.append(i % 11 == 0 ? "\"a phrase\" AREA[Condition](x OR y) " : "");
    }
    Expr expr = assertTimeoutPreemptively(Duration.ofSeconds(1),
        () -> EssieParser.parse(query.append("end").toString(), C));
    assertTrue(expr instanceof Or, expr.getClass().toString());
  }

  /** Random text from Essie's pieces: the parser returns an Expr or throws QueryException. */
  @Test
  void randomInputEitherParsesOrFailsWithQueryException() {
    String[] pieces = {"a", "b", "AND", "OR", "NOT", "and", "(", ")", "\"", "\\", " ", " ", "AREA[",
        "AREA[X]", "RANGE[", "RANGE[1,2]", "RANGE[MIN, MAX]", "]", "[", ",", "MISSING", "MIN", "MAX",
        "SEARCH[", "é", "\t", "-", "\u00a0", "\uD83D\uDE00", "\uD800"};
    Random random = new Random(20240611L);
    assertTimeoutPreemptively(Duration.ofSeconds(20), () -> {
      int parsed = 0;
      for (int i = 0; i < 50_000; i++) {
        StringBuilder query = new StringBuilder();
        int length = random.nextInt(25);
        for (int j = 0; j < length; j++) {
          query.append(random.nextInt(10) == 0
              ? (char) random.nextInt(0x3000) : pieces[random.nextInt(pieces.length)]);
        }
        try {
          assertTrue(EssieParser.parse(query.toString(), C) != null);
          parsed++;
        } catch (QueryException expected) {
          assertTrue(expected.position().isPresent(), expected.getMessage());
        }
      }
      // Both outcomes are exercised, not only errors.
      assertTrue(parsed > 5_000, "parsed " + parsed);
    });
  }
}
