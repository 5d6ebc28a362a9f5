package org.trialdex.app.http;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Markdown of a v2 {@code markup} field in the legacy plain-text form of the classic registry,
 * for {@code markupFormat=legacy}. The form is the one the classic XML's text blocks show, without
 * their wrapping at 100 columns: paragraphs as they are, a bullet {@code * item} as
 * {@code "  -  item"}, a numbered item {@code 1. item} as {@code "  1. item"}, each list item its
 * own paragraph, nested items five columns further in; backslash escapes ({@code \>}, {@code \<},
 * {@code \*}) undone; emphasis ({@code **bold**}, {@code *italic*}, {@code __x__}) reduced to its
 * text. What ClinicalTrials.gov's own conversion does beyond this is not documented (docs/http.md).
 */
final class LegacyText {

  private LegacyText() {}

  private static final Pattern BULLET = Pattern.compile("^( *)[*+-] +(.*)$");
  private static final Pattern NUMBERED = Pattern.compile("^( *)(\\d{1,9})[.)] +(.*)$");
  private static final Pattern ESCAPE = Pattern.compile("\\\\([!\"#$%&'()*+,\\-./:;<=>?@\\[\\\\\\]^_`{|}~])");
  private static final Pattern STRONG = Pattern.compile("(\\*\\*|__)(?=\\S)(.+?)(?<=\\S)\\1");
  private static final Pattern EMPHASIS = Pattern.compile("(?<![*\\\\\\w])\\*(?=[^\\s*])([^*]+?)(?<=[^\\s*])\\*(?![*\\w])");

  /** {@code markdown} in the legacy form. */
  static String fromMarkdown(String markdown) {
    List<String> out = new ArrayList<>();
    boolean previousWasItem = false;
    for (String line : markdown.replace("\r\n", "\n").split("\n", -1)) {
      Matcher bullet = BULLET.matcher(line);
      Matcher numbered = NUMBERED.matcher(line);
      String text;
      boolean item = true;
      if (bullet.matches()) {
        text = indent(bullet.group(1).length()) + "-  " + inline(bullet.group(2));
      } else if (numbered.matches()) {
        text = indent(numbered.group(1).length()) + numbered.group(2) + ". " + inline(numbered.group(3));
      } else {
        item = false;
        text = line.isBlank() ? "" : inline(line.strip());
      }
      // Each list item is a paragraph of its own, as the classic text blocks show them.
      if (item && previousWasItem) {
        out.add("");
      } else if (!item && previousWasItem && !text.isEmpty()) {
        out.add("");
      }
      out.add(text);
      previousWasItem = item;
    }
    // Blank lines at either end go; the first line keeps its indentation (it may be an item).
    return String.join("\n", out).replaceAll("^(\\s*\\n)+", "").stripTrailing();
  }

  /** Two columns for a top-level item, five more for each level of nesting (two or more spaces). */
  private static String indent(int spaces) {
    int level = spaces / 2;
    return " ".repeat(2 + 5 * Math.min(level, 4));
  }

  private static String inline(String text) {
    String s = STRONG.matcher(text).replaceAll(m -> Matcher.quoteReplacement(m.group(2)));
    s = EMPHASIS.matcher(s).replaceAll(m -> Matcher.quoteReplacement(m.group(1)));
    return ESCAPE.matcher(s).replaceAll(m -> Matcher.quoteReplacement(m.group(1)));
  }
}
