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

  /**
   * An HTML page as text, with what the page says of itself outside its body text.
   *
   * @param text the visible text, one block per line
   * @param url the page's own address: its canonical link, else {@code og:url}; null when it gives none
   * @param headings the document title, {@code og:title} and the {@code h1} headings: evidence for which
   *     line of the text is the trial's title
   */
  record Html(String text, String url, List<String> headings) {}

  /** The visible text of an HTML page, one block per line, with its own URL and headings. */
  static Html fromHtml(String html) {
    Document doc = Jsoup.parse(html);
    String url = doc.select("link[rel~=(?i)^canonical$]").attr("href");
    if (url.isBlank()) {
      url = doc.select("meta[property=og:url]").attr("content");
    }
    List<String> headings = new ArrayList<>();
    for (String h : new String[] {doc.title(), doc.select("meta[property=og:title]").attr("content")}) {
      if (!h.isBlank()) {
        headings.add(h.strip());
      }
    }
    for (Element h1 : doc.select("h1")) {
      if (!h1.text().isBlank()) {
        headings.add(h1.text().strip());
      }
    }
    return new Html(text(doc, html.length()), url.isBlank() ? null : url.strip(), headings);
  }

  private static String text(Document doc, int size) {
    doc.select("script, style, noscript, template, svg, nav, button").remove();
    StringBuilder out = new StringBuilder(size / 2);
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
    int last = end;
    while (last > content && Line.isBlank(text.charAt(last - 1))) {
      last--;
    }
    // A Markdown table row (| Sponsor | Acme |) is cut at its pipes as a copied row is at its tabs;
    // its rule (|---|---|) is no content, and a cell's last line (… text |) loses its closing pipe.
    boolean piped = content < end && text.charAt(content) == '|' && last - content > 1;
    if (piped && text.substring(content, last).matches("[|:\\-\\s]{1,2000}")) {
      lines.add(Line.of(text, lines.size(), start, start));
      return;
    }
    if (!piped && last > content && text.charAt(last - 1) == '|' && text.indexOf('|', content) == last - 1) {
      lines.add(Line.of(text, lines.size(), start, last - 1));
      return;
    }
    char sep = piped ? '|' : '\t';
    int tab = piped ? content + 1 : content;
    while (tab < end && text.charAt(tab) != sep) {
      tab++;
    }
    if (tab >= end || !piped && headerRow(text.substring(content, end))) {
      lines.add(Line.of(text, lines.size(), start, end));
      return;
    }
    int from = piped ? content + 1 : start;
    int stop = piped && text.charAt(last - 1) == '|' ? last - 1 : end;
    boolean any = false;
    for (int i = from; i <= stop; i++) {
      if (i == stop || text.charAt(i) == sep) {
        Line cell = Line.of(text, lines.size(), from, i);
        if (!cell.empty() || !any && i == stop) {
          lines.add(cell);
          any = true;
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
