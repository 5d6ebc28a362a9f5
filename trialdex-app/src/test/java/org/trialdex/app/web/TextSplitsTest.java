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

  @Test
  void aSentenceEndsWhereThePatternSays() {
    Pattern end = Pattern.compile("[.;!?](?=\\s)|[\\r\\n]");
    Random r = new Random(20261201);
    for (int n = 0; n < 20_000; n++) {
      String t = random(r);
      for (int i = 0; i < t.length(); i++) {
        boolean expected = end.matcher(t).region(i, t.length()).lookingAt();
        assertEquals(expected, CellPanels.boundaryAt(t, i), () -> "'" + t + "'");
      }
    }
  }

  @Test
  void theLinesOfATextAreThoseThePatternFinds() {
    Pattern line = Pattern.compile("[^\\r\\n]+");
    Random r = new Random(7);
    for (int n = 0; n < 20_000; n++) {
      String t = random(r);
      List<String> expected = new ArrayList<>();
      Matcher m = line.matcher(t);
      while (m.find()) {
        String s = m.group().strip(); // blank as Character.isWhitespace says, as the page trims
        if (!s.isEmpty()) {
          expected.add(s);
        }
      }
      List<String> got = StudyPages.paragraphs(t, List.of()).stream()
          .map(p -> p.spans().stream().map(s -> s.superscript() ? "" : s.text()).reduce("", String::concat))
          .toList();
      List<String> expectedText = expected.stream().map(e -> e.replaceAll("(?<=10)\\\\?\\^\\(?([+\\-−]?\\d{1,3})\\)?", "")).toList();
      assertEquals(expectedText, got, () -> "'" + t + "'");
    }
  }

  @Test
  void exponentsAreFoundAsThePatternFindsThem() {
    Pattern power = Pattern.compile("(?<=10)\\\\?\\^\\(?([+\\-−]?\\d{1,3})\\)?");
    Random r = new Random(99);
    for (int n = 0; n < 20_000; n++) {
      String t = random(r);
      List<String> expected = new ArrayList<>();
      Matcher m = power.matcher(t);
      while (m.find()) {
        expected.add(m.group(1));
      }
      List<String> got = Rich.of(t, List.of()).spans().stream().filter(Rich.Span::superscript).map(Rich.Span::text).toList();
      assertEquals(expected, got, () -> "'" + t + "'");
      assertEquals(t.replaceAll("(?<=10)\\\\?\\^\\(?([+\\-−]?\\d{1,3})\\)?", ""),
          Rich.of(t, List.of()).spans().stream().filter(s -> !s.superscript()).map(Rich.Span::text).reduce("", String::concat),
          () -> "'" + t + "'");
    }
  }
}
