package org.trialdex.app.web;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Text as written, cut into spans so that a template can typeset powers of ten ({@code 1×10^6},
 * {@code 1x10^6} and {@code 10^6} show the exponent as a superscript) and mark the evidence of the
 * cell-therapy facts. Every span is still escaped by the template; only the {@code <sup>} element
 * around an exponent and the {@code <mark>} element around evidence are markup.
 *
 * @param spans the text in order; concatenated without the carets they give the text back
 */
public record Rich(List<Span> spans) {

  /**
   * One run of text; {@code superscript} marks an exponent; {@code mark} is the title of the
   * highlight the run is part of (which fact it states), or null when it is not highlighted.
   */
  public record Span(String text, boolean superscript, String mark) {
    public Span {
      Objects.requireNonNull(text, "text");
    }

    /** A run that is not highlighted. */
    public Span(String text, boolean superscript) {
      this(text, superscript, null);
    }
  }

  /**
   * A span {@code [start, end)} of a text to highlight, with what it is evidence of.
   *
   * @param start first character
   * @param end one past the last character
   * @param title what the span states, shown as the highlight's title
   */
  public record Mark(int start, int end, String title) {
    public Mark {
      Objects.requireNonNull(title, "title");
    }
  }

  // "10^6", "10\^6" (a Markdown escape left by a registry page), "10^-3", "10^(6)".
  private static final Pattern POWER = Pattern.compile("(?<=10)\\\\?\\^\\(?([+\\-−]?\\d{1,3})\\)?");

  public Rich {
    spans = List.copyOf(spans);
  }

  /** Splits {@code text} around the exponents of powers of ten. */
  public static Rich of(String text) {
    List<Span> spans = new ArrayList<>();
    powers(text, null, spans);
    return new Rich(spans);
  }

  /**
   * Splits {@code text} around the exponents of powers of ten and around the marks. Marks outside
   * the text, empty or blank are ignored (a record edited since the marks were found), blanks at a
   * mark's ends are left out of it; overlapping marks
   * are joined into one highlight whose title names both; adjacent marks stay two highlights.
   */
  public static Rich of(String text, List<Mark> marks) {
    List<Mark> usable = new ArrayList<>();
    for (Mark m : marks) {
      if (m.start() >= 0 && m.end() <= text.length() && m.start() < m.end()) {
        // Blanks at a mark's ends are not marked: an underlined space reads as part of a word.
        int start = m.start();
        int end = m.end();
        while (start < end && Character.isWhitespace(text.charAt(start))) {
          start++;
        }
        while (end > start && Character.isWhitespace(text.charAt(end - 1))) {
          end--;
        }
        if (start < end) {
          usable.add(new Mark(start, end, m.title()));
        }
      }
    }
    usable.sort(Comparator.comparingInt(Mark::start).thenComparingInt(Mark::end));
    List<Mark> joined = new ArrayList<>();
    for (Mark m : usable) {
      Mark last = joined.isEmpty() ? null : joined.getLast();
      if (last != null && m.start() < last.end()) {
        String title = last.title().equals(m.title()) || last.title().contains(m.title()) ? last.title()
            : last.title() + "; " + m.title();
        joined.set(joined.size() - 1, new Mark(last.start(), Math.max(last.end(), m.end()), title));
      } else {
        joined.add(m);
      }
    }
    List<Span> spans = new ArrayList<>();
    int at = 0;
    for (Mark m : joined) {
      powers(text.substring(at, m.start()), null, spans);
      powers(text.substring(m.start(), m.end()), m.title(), spans);
      at = m.end();
    }
    powers(text.substring(at), null, spans);
    return new Rich(spans);
  }

  private static void powers(String text, String mark, List<Span> spans) {
    if (text.indexOf('^') < 0) {
      // No exponent without a caret; the look-behind pattern would try every position to learn that.
      if (!text.isEmpty()) {
        spans.add(new Span(text, false, mark));
      }
      return;
    }
    Matcher m = POWER.matcher(text);
    int at = 0;
    while (m.find()) {
      if (m.start() > at) {
        spans.add(new Span(text.substring(at, m.start()), false, mark));
      }
      spans.add(new Span(m.group(1), true, mark));
      at = m.end();
    }
    if (at < text.length()) {
      spans.add(new Span(text.substring(at), false, mark));
    }
  }

  /** True when some span is highlighted. */
  public boolean marked() {
    return spans.stream().anyMatch(s -> s.mark() != null);
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
