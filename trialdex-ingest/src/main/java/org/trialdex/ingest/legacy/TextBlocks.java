package org.trialdex.ingest.legacy;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns a legacy {@code <textblock>} back into the text v2 gives. The legacy export re-flowed every
 * text block: it indented it to the element's depth, wrapped lines near 100 columns, put a blank
 * line between all paragraphs and list items, and wrote bullets as {@code -  }. v2 (compare
 * NCT02513394 in both forms) gives the text as entered, in Markdown: paragraphs joined into one
 * line, separated by one blank line; bullets as {@code * } on consecutive lines; nested bullets
 * indented by two spaces per level.
 */
final class TextBlocks {

  // "-  item" (the legacy bullet) or "1. item" / "12) item" (a numbered item).
  private static final Pattern BULLET = Pattern.compile("- +(.*)");
  private static final Pattern NUMBERED = Pattern.compile("(\\d{1,3}[.)])\\s+(.*)");

  private TextBlocks() {}

  static String normalize(String raw) {
    if (raw == null) {
      return null;
    }
    String[] lines = raw.replace("\r\n", "\n").replace('\r', '\n').split("\n", -1);
    // The block's margin: plain lines stand on it, list items 2 columns in (a block may be all items).
    int base = Integer.MAX_VALUE;
    for (String line : lines) {
      if (!line.isBlank()) {
        String t = line.strip();
        boolean item = BULLET.matcher(t).matches() || NUMBERED.matcher(t).matches();
        base = Math.min(base, Math.max(0, indent(line) - (item ? 2 : 0)));
      }
    }
    if (base == Integer.MAX_VALUE) {
      return null;
    }
    List<Paragraph> paragraphs = new ArrayList<>();
    StringBuilder text = null;
    int firstIndent = 0;
    for (String line : lines) {
      if (line.isBlank()) {
        if (text != null) {
          paragraphs.add(Paragraph.of(text.toString(), firstIndent - base));
          text = null;
        }
        continue;
      }
      if (text == null) {
        text = new StringBuilder(line.strip());
        firstIndent = indent(line);
      } else {
        text.append(' ').append(line.strip());
      }
    }
    if (text != null) {
      paragraphs.add(Paragraph.of(text.toString(), firstIndent - base));
    }
    StringBuilder out = new StringBuilder();
    Paragraph previous = null;
    for (Paragraph p : paragraphs) {
      if (previous != null) {
        out.append(previous.listItem() && p.listItem() ? "\n" : "\n\n");
      }
      out.append(p.text());
      previous = p;
    }
    return out.toString();
  }

  private static int indent(String line) {
    int i = 0;
    while (i < line.length() && Character.isWhitespace(line.charAt(i))) {
      i++;
    }
    return i;
  }

  /** One paragraph or list item, in its v2 spelling. */
  private record Paragraph(String text, boolean listItem) {

    static Paragraph of(String joined, int relativeIndent) {
      // The legacy export puts a top-level item 2 columns in and each deeper level 5 further.
      String pad = "  ".repeat(Math.max(0, (relativeIndent - 2) / 5));
      Matcher b = BULLET.matcher(joined);
      // A bullet needs the space: "-Patients must ..." is text (NCT02513394).
      if (relativeIndent > 0 && b.matches()) {
        return new Paragraph(pad + "* " + b.group(1), true);
      }
      Matcher n = NUMBERED.matcher(joined);
      if (relativeIndent > 0 && n.matches()) {
        return new Paragraph(pad + n.group(1) + " " + n.group(2), true);
      }
      return new Paragraph(joined, false);
    }
  }
}
