package org.trialdex.app.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The hand-written text splits of record pages (sentence ends around a quote, lines of a text,
 * exponents) against the regular expressions they replaced, over random texts made of the
 * characters that matter: what the pattern says is the truth.
 */
class TextSplitsTest {

  private static final String ALPHABET = "ab 1.;!?\n\r\t\u000B\f\u00A0\u2028^0()-";

  private static String random(Random r) {
    StringBuilder b = new StringBuilder();
    int n = 1 + r.nextInt(14);
    for (int i = 0; i < n; i++) {
      b.append(r.nextInt(6) == 0 ? "10" : String.valueOf(ALPHABET.charAt(r.nextInt(ALPHABET.length()))));
    }
    return b.toString();
  }

  /** The exponent pattern {@code Rich} uses. */
  private static final Pattern POWER = Pattern.compile("(?<=10)\\\\?\\^\\(?([+\\-−]?\\d{1,3})\\)?");

  /** Runs {@code check} on 20,000 random texts drawn with {@code seed}. */
  private static void forRandomTexts(long seed, java.util.function.Consumer<String> check) {
    Random r = new Random(seed);
    for (int n = 0; n < 20_000; n++) {
      check.accept(random(r));
    }
  }

  /** Every match of {@code pattern} in {@code t}: group {@code group} of each. */
  private static List<String> matches(Pattern pattern, String t, int group) {
    List<String> found = new ArrayList<>();
    Matcher m = pattern.matcher(t);
    while (m.find()) {
      found.add(m.group(group));
    }
    return found;
  }

  /** The text of {@code rich}'s spans that are (or are not) exponents, joined. */
  private static String text(Rich rich, boolean superscript) {
    return rich.spans().stream().filter(s -> s.superscript() == superscript).map(Rich.Span::text)
        .reduce("", String::concat);
  }

  @Test
  void aSentenceEndsWhereThePatternSays() {
    Pattern end = Pattern.compile("[.;!?](?=\\s)|[\\r\\n]");
    forRandomTexts(20261201, t -> {
      for (int i = 0; i < t.length(); i++) {
        boolean expected = end.matcher(t).region(i, t.length()).lookingAt();
        assertEquals(expected, CellPanels.boundaryAt(t, i), "'" + t + "' at " + i);
      }
    });
  }

  @Test
  void theLinesOfATextAreThoseThePatternFinds() {
    Pattern line = Pattern.compile("[^\\r\\n]+");
    forRandomTexts(7, t -> {
      // strip(): blank as Character.isWhitespace says, as the page trims; exponents become spans.
      List<String> expected = matches(line, t, 0).stream().map(String::strip).filter(s -> !s.isEmpty())
          .map(s -> POWER.matcher(s).replaceAll("")).toList();
      List<String> got = StudyPages.paragraphs(t, List.of()).stream().map(p -> text(p, false)).toList();
      assertEquals(expected, got, "'" + t + "'");
    });
  }

  @Test
  void exponentsAreFoundAsThePatternFindsThem() {
    forRandomTexts(99, t -> {
      Rich rich = Rich.of(t, List.of());
      assertEquals(matches(POWER, t, 1), rich.spans().stream().filter(Rich.Span::superscript).map(Rich.Span::text).toList(),
          "'" + t + "'");
      assertEquals(POWER.matcher(t).replaceAll(""), text(rich, false), "'" + t + "'");
    });
  }
}
