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
}
