package org.trialdex.app.web;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Text as written, cut into spans so that a template can typeset powers of ten: {@code 1×10^6},
 * {@code 1x10^6} and {@code 10^6} show the exponent as a superscript. Every span is still escaped
 * by the template; only the {@code <sup>} element around an exponent is markup.
 *
 * @param spans the text in order; concatenated without the carets they give the text back
 */
public record Rich(List<Span> spans) {

  /** One run of text; {@code superscript} marks an exponent. */
  public record Span(String text, boolean superscript) {}

  // "10^6", "10\^6" (a Markdown escape left by a registry page), "10^-3", "10^(6)".
  private static final Pattern POWER = Pattern.compile("(?<=10)\\\\?\\^\\(?([+\\-−]?\\d{1,3})\\)?");

  public Rich {
    spans = List.copyOf(spans);
  }

  /** Splits {@code text} around the exponents of powers of ten. */
  public static Rich of(String text) {
    List<Span> spans = new ArrayList<>();
    Matcher m = POWER.matcher(text);
    int at = 0;
    while (m.find()) {
      if (m.start() > at) {
        spans.add(new Span(text.substring(at, m.start()), false));
      }
      spans.add(new Span(m.group(1), true));
      at = m.end();
    }
    if (at < text.length()) {
      spans.add(new Span(text.substring(at), false));
    }
    return new Rich(spans);
  }

  /** The text with exponents written as {@code ^n}, for tests and plain-text uses. */
  public String plain() {
    StringBuilder b = new StringBuilder();
    for (Span s : spans) {
      b.append(s.superscript() ? "^" + s.text() : s.text());
    }
    return b.toString();
  }
}
