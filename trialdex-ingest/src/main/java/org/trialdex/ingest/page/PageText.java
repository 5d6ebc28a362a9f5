package org.trialdex.ingest.page;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;

/**
 * The text of a page as lines. HTML is first turned into text with its block structure kept as
 * line breaks (a paragraph, list item, table cell or heading starts a line; list items get a
 * {@code - } marker), so that HTML and copied text go through the same parser. Offsets of
 * {@link Line}s are into that text.
 */
final class PageText {

  private PageText() {}

  /** True when {@code text} starts like an HTML document or fragment. */
  static boolean looksHtml(CharSequence text) {
    int n = Math.min(text.length(), 4096);
    String head = text.subSequence(0, n).toString().toLowerCase(Locale.ROOT);
    String t = head.stripLeading();
    if (t.startsWith("<!doctype html") || t.startsWith("<html") || head.contains("<html")) {
      return true;
    }
    if (!t.startsWith("<")) {
      return false;
    }
    for (String tag : new String[] {"<head", "<body", "<div", "<p>", "<p ", "<table", "<h1", "<h2", "<ul", "<span", "<section", "<meta", "<title"}) {
      if (head.contains(tag)) {
        return true;
      }
    }
    return false;
  }

  /** The visible text of an HTML page, one block per line. */
  static String fromHtml(String html) {
    Document doc = Jsoup.parse(html);
    doc.select("script, style, noscript, template, svg, nav, button").remove();
    StringBuilder out = new StringBuilder(html.length() / 2);
    NodeTraversor.traverse(new NodeVisitor() {
      @Override
      public void head(Node node, int depth) {
        if (node instanceof TextNode t) {
          String s = t.getWholeText().replaceAll("[ \\t\\r\\n\\u00a0]+", " ");
          if (!s.isBlank()) {
            if (out.isEmpty() || out.charAt(out.length() - 1) == '\n') {
              s = s.stripLeading();
            }
            out.append(s);
          }
        } else if (node instanceof Element e) {
          String tag = e.normalName();
          if (tag.equals("br")) {
            out.append('\n');
          } else if (isBlock(tag)) {
            newline(out);
            if (tag.equals("li")) {
              out.append("- ");
            }
          }
        }
      }

      @Override
      public void tail(Node node, int depth) {
        if (node instanceof Element e && isBlock(e.normalName())) {
          newline(out);
        }
      }
    }, doc.body() == null ? doc : doc.body());
    return out.toString();
  }

  private static void newline(StringBuilder out) {
    int end = out.length();
    while (end > 0 && out.charAt(end - 1) == ' ') {
      end--;
    }
    out.setLength(end);
    if (!out.isEmpty() && out.charAt(out.length() - 1) != '\n') {
      out.append('\n');
    }
  }

  private static boolean isBlock(String tag) {
    return switch (tag) {
      case "p", "div", "li", "tr", "td", "th", "h1", "h2", "h3", "h4", "h5", "h6", "section", "article",
          "header", "footer", "main", "aside", "ul", "ol", "table", "dl", "dt", "dd", "blockquote", "pre",
          "form", "fieldset", "figure", "figcaption", "address", "hr", "title", "summary", "details", "caption" -> true;
      default -> false;
    };
  }

  /**
   * Adds the line from {@code start} to {@code end}, cut into cells where a tab follows content: a
   * browser copies a table row as its cells joined by tabs, and each cell is read as a line. A row
   * whose every cell names a column or a label (a table's header row) stays one line, so that the
   * readers see the columns together ({@code Outcome Measure⇥Measure Description⇥Time Frame}).
   */
  private static void cells(String text, int start, int end, List<Line> lines) {
    int content = start;
    while (content < end && Line.isBlank(text.charAt(content))) {
      content++;
    }
    int tab = content;
    while (tab < end && text.charAt(tab) != '\t') {
      tab++;
    }
    if (tab >= end || headerRow(text.substring(content, end))) {
      lines.add(Line.of(text, lines.size(), start, end));
      return;
    }
    int from = start;
    for (int i = content; i <= end; i++) {
      if (i == end || text.charAt(i) == '\t') {
        Line cell = Line.of(text, lines.size(), from, i);
        if (!cell.empty() || from == start) {
          lines.add(cell);
        }
        from = i + 1;
      }
    }
  }

  private static boolean headerRow(String row) {
    for (String cell : row.split("\t+")) {
      String c = cell.strip();
      if (!c.isEmpty() && !Vocabulary.filler(c) && Vocabulary.bare(c) == null) {
        return false;
      }
    }
    return true;
  }

  /** The lines of {@code text}, with their offsets, indentation and list markers. */
  static List<Line> lines(String text) {
    List<Line> lines = new ArrayList<>();
    int start = 0;
    int n = text.length();
    while (start <= n) {
      int nl = text.indexOf('\n', start);
      int end = nl < 0 ? n : nl;
      int e = end > start && text.charAt(end - 1) == '\r' ? end - 1 : end;
      cells(text, start, e, lines);
      if (nl < 0) {
        break;
      }
      start = nl + 1;
    }
    return lines;
  }
}
