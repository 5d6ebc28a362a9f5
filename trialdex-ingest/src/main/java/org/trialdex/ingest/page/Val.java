package org.trialdex.ingest.page;

/**
 * A value read from the page: its cleaned text and the characters {@code [start, end)} of the page
 * text it was read from.
 */
record Val(String text, int start, int end) {

  /** The cleaned text of {@code page[start, end)}, trimmed, with the span narrowed to match. */
  static Val of(String page, int start, int end) {
    while (start < end && Character.isWhitespace(page.charAt(start))) {
      start++;
    }
    while (end > start && Character.isWhitespace(page.charAt(end - 1))) {
      end--;
    }
    return new Val(clean(page.substring(start, end)), start, end);
  }

  static Val of(String page, Line line) {
    return of(page, line.from(), line.to());
  }

  /** A part of this value, by offsets into its cleaned text when they line up with the page. */
  Val sub(String page, int from, int to) {
    // Cleaning only removes characters, so search the raw span for the cleaned part.
    String part = text.substring(from, to).strip();
    int at = page.indexOf(part, start);
    if (at >= 0 && at + part.length() <= end) {
      return new Val(part, at, at + part.length());
    }
    return new Val(part, start, end);
  }

  /** The cleaned part {@code part} of this value, located in the page when possible. */
  Val part(String page, String part) {
    String p = part.strip();
    int at = page.indexOf(p, start);
    if (at >= 0 && at + p.length() <= end) {
      return new Val(p, at, at + p.length());
    }
    return new Val(p, start, end);
  }

  boolean isEmpty() {
    return text.isEmpty();
  }

  /**
   * Page text as a value: markdown escapes undone ({@code 1×10\^6} gives {@code 1×10^6}), country
   * flags (regional indicator pairs) and zero-width characters dropped, runs of blanks made one.
   */
  static String clean(String s) {
    StringBuilder sb = new StringBuilder(s.length());
    boolean blank = false;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '\\' && i + 1 < s.length() && "\\`*_{}[]()#+-.!^~<>|".indexOf(s.charAt(i + 1)) >= 0) {
        continue;
      }
      if (Character.isHighSurrogate(c) && i + 1 < s.length()) {
        int cp = s.codePointAt(i);
        if (cp >= 0x1F1E6 && cp <= 0x1F1FF) {
          i++;
          continue;
        }
      }
      if (c == '\u200b' || c == '\u200c' || c == '\u200d' || c == '\ufeff') {
        continue;
      }
      if (c == ' ' || c == '\t' || c == '\u00a0' || c == '\u3000') {
        if (!blank) {
          sb.append(' ');
        }
        blank = true;
        continue;
      }
      blank = false;
      sb.append(c);
    }
    // An icon before a value ("🦠 Major Depressive Disorder") is the site's, not the value's.
    return sb.toString().strip().replaceFirst("^[\\p{So}\\p{Cs}\\uFE0F\\u200D]+\\s*", "");
  }
}
