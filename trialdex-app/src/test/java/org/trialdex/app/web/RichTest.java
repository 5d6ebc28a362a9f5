package org.trialdex.app.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class RichTest {

  @Test
  void powersOfTenBecomeSuperscriptsWithTheTextAsWritten() {
    assertEquals(List.of(new Rich.Span("dose of 1×10", false), new Rich.Span("6", true), new Rich.Span(" cells/kg", false)),
        Rich.of("dose of 1×10^6 cells/kg").spans());
    assertEquals(List.of(new Rich.Span("1x10", false), new Rich.Span("8", true)), Rich.of("1x10^8").spans());
    // A registry page's Markdown escape is dropped with the caret.
    assertEquals(List.of(new Rich.Span("1×10", false), new Rich.Span("6", true)), Rich.of("1×10\\^6").spans());
    assertEquals(List.of(new Rich.Span("10", false), new Rich.Span("-3", true), new Rich.Span(" M", false)), Rich.of("10^-3 M").spans());
  }

  @Test
  void otherCaretsAndPlainTextStayAsTheyAre() {
    assertEquals(List.of(new Rich.Span("2^8 and x^2", false)), Rich.of("2^8 and x^2").spans());
    assertEquals(List.of(), Rich.of("").spans());
  }

  private static String shown(Rich r) {
    StringBuilder b = new StringBuilder();
    for (Rich.Span s : r.spans()) {
      String t = s.superscript() ? "^" + s.text() : s.text();
      b.append(s.mark() == null ? t : "[" + t + "|" + s.mark() + "]");
    }
    return b.toString();
  }

  @Test
  void marksCutTheTextAndKeepTheirTitles() {
    assertEquals("give [MSC|Cell type] [iv|Route]", shown(Rich.of("give MSC iv", List.of(new Rich.Mark(9, 11, "Route"),
        new Rich.Mark(5, 8, "Cell type")))));
    // A power of ten inside a mark: each piece of the mark keeps its title.
    assertEquals("[1×10|Dose][^6|Dose][ cells|Dose]/kg", shown(Rich.of("1×10^6 cells/kg", List.of(new Rich.Mark(0, 12, "Dose")))));
  }

  @Test
  void marksAtTheEndsOverlappingAndAdjacent() {
    assertEquals("[MSC|A] and [BM|B]", shown(Rich.of("MSC and BM", List.of(new Rich.Mark(0, 3, "A"), new Rich.Mark(8, 10, "B")))));
    // Overlapping marks join into one whose title names both.
    assertEquals("x [abcde|A; B] y", shown(Rich.of("x abcde y", List.of(new Rich.Mark(2, 5, "A"), new Rich.Mark(4, 7, "B")))));
    // A mark inside another with the same title stays one.
    assertEquals("[abc|A]", shown(Rich.of("abc", List.of(new Rich.Mark(0, 3, "A"), new Rich.Mark(1, 2, "A")))));
    // Adjacent marks stay two.
    assertEquals("[ab|A][cd|B]", shown(Rich.of("abcd", List.of(new Rich.Mark(0, 2, "A"), new Rich.Mark(2, 4, "B")))));
  }

  @Test
  void marksOutsideTheTextAreIgnored() {
    // The record was edited after the marks were found: the text is shorter now.
    assertEquals("[short|A]", shown(Rich.of("short", List.of(new Rich.Mark(0, 5, "A"), new Rich.Mark(3, 40, "B"),
        new Rich.Mark(60, 70, "C"), new Rich.Mark(-1, 2, "D"), new Rich.Mark(2, 2, "E")))));
    assertEquals("", shown(Rich.of("", List.of(new Rich.Mark(0, 1, "A")))));
    // Blank marks are no marks; blanks at a mark's ends stay outside it.
    assertEquals("a  b", shown(Rich.of("a  b", List.of(new Rich.Mark(1, 3, "A")))));
    assertEquals("dose [1×10|A][^6|A] cells", shown(Rich.of("dose 1×10^6 cells", List.of(new Rich.Mark(4, 12, "A")))));
  }

  @Test
  void markupInTheTextIsOnlyText() {
    // Spans carry text; the template escapes it. A script element is a run like any other.
    assertEquals("[<script>|A]alert(1)</script>", shown(Rich.of("<script>alert(1)</script>", List.of(new Rich.Mark(0, 8, "A")))));
  }
}
