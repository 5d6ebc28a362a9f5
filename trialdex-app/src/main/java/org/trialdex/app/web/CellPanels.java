package org.trialdex.app.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.trialdex.core.celltherapy.CellTherapyProfile;
import org.trialdex.core.celltherapy.Coded;
import org.trialdex.core.celltherapy.Dose;
import org.trialdex.core.celltherapy.DoseText;
import org.trialdex.core.celltherapy.Evidence;
import org.trialdex.core.celltherapy.Fact;
import org.trialdex.core.model.ArmGroup;
import org.trialdex.core.model.Intervention;
import org.trialdex.core.model.ProtocolSection;
import org.trialdex.core.model.Study;

/**
 * Builds the {@link CellPanel} of a record from its {@link CellTherapyProfile}, and the highlights
 * of the same evidence in the record's texts. Evidence whose span no longer fits its field's text
 * (the record changed since, or a path this page does not know) is left out, never guessed.
 */
final class CellPanels {

  /** A sentence ends at . ; ! ? and a space, or at a line break. */
  /** Longest stretch of context shown on each side of a span. */
  private static final int CONTEXT = 160;
  private static final Pattern PATH = Pattern.compile(
      "protocolSection\\.(?:armsInterventionsModule\\.(interventions|armGroups)\\[(\\d+)\\]\\.(name|description|label|otherNames\\[(\\d+)\\])"
          + "|identificationModule\\.(briefTitle|officialTitle)|descriptionModule\\.(briefSummary|detailedDescription)"
          + "|conditionsModule\\.keywords\\[(\\d+)\\])");

  private CellPanels() {}

  /** A field of the record named in words, with its text. */
  record Field(String words, String text) {}

  /** The panel; empty when the record gives no cell product. */
  static Optional<CellPanel> panel(Study study, CellTherapyProfile p) {
    if (!p.hasProduct()) {
      return Optional.empty();
    }
    List<CellPanel.Row> rows = new ArrayList<>();
    rows.add(new CellPanel.Row("Cell type", coded(study, p.cellTypes())));
    List<CellPanel.Value> sources = new ArrayList<>(coded(study, p.sources()));
    if (p.clonal() != null) {
      sources.add(value(study, p.clonal().value() ? "Clonal" : "Not clonal", "", p.clonal().evidence()));
    }
    rows.add(new CellPanel.Row("Tissue source", sources));
    rows.add(new CellPanel.Row("Donor", coded(study, p.donors())));
    rows.add(new CellPanel.Row("Dose", p.doses().stream()
        .map(d -> value(study, DoseText.of(d), d.arm() == null ? "" : "arm " + quoted(d.arm()), List.of(d.evidence())))
        .toList()));
    List<CellPanel.Value> schedule = new ArrayList<>();
    Integer n = p.schedule().administrations();
    if (n != null) {
      schedule.add(new CellPanel.Value(n == 1 ? "1 administration" : n + " administrations", "", List.of()));
    }
    schedule.addAll(plain(study, p.schedule().phrases()));
    rows.add(new CellPanel.Row("Schedule", schedule));
    rows.add(new CellPanel.Row("Route", coded(study, p.routes())));
    rows.add(new CellPanel.Row("Products", plain(study, p.products())));
    rows.add(new CellPanel.Row("Manufacturing", plain(study, p.manufacturing())));
    return Optional.of(new CellPanel(rows));
  }

  /**
   * Every span of evidence of the profile that still fits its field, by field path, titled with the
   * fact it states ({@code Dose: 1 × 10⁶ cells/kg}).
   */
  static Map<String, List<Rich.Mark>> marks(Study study, CellTherapyProfile p) {
    Map<String, List<Rich.Mark>> out = new LinkedHashMap<>();
    if (!p.hasProduct()) {
      return out;
    }
    add(out, study, "Cell type", p.cellTypes());
    add(out, study, "Tissue source", p.sources());
    if (p.clonal() != null) {
      addAll(out, study, "Tissue source: " + (p.clonal().value() ? "clonal" : "not clonal"), p.clonal().evidence());
    }
    add(out, study, "Donor", p.donors());
    for (Dose d : p.doses()) {
      addAll(out, study, "Dose: " + DoseText.of(d), List.of(d.evidence()));
    }
    add(out, study, "Schedule", p.schedule().phrases());
    add(out, study, "Route", p.routes());
    add(out, study, "Product", p.products());
    add(out, study, "Manufacturing", p.manufacturing());
    return out;
  }

  private static <T> void add(Map<String, List<Rich.Mark>> out, Study study, String fact, List<Fact<T>> facts) {
    for (Fact<T> f : facts) {
      addAll(out, study, fact + ": " + text(f.value()), f.evidence());
    }
  }

  private static void addAll(Map<String, List<Rich.Mark>> out, Study study, String title, List<Evidence> evidence) {
    for (Evidence e : evidence) {
      if (field(study, e.field()).filter(f -> fits(f.text(), e)).isPresent()) {
        out.computeIfAbsent(e.field(), k -> new ArrayList<>()).add(new Rich.Mark(e.start(), e.end(), title));
      }
    }
  }

  /** The field at an API v2 path, named for people; empty for a path this page does not read or a missing field. */
  static Optional<Field> field(Study study, String path) {
    Matcher m = PATH.matcher(path);
    ProtocolSection p = study == null ? null : study.protocolSection();
    if (!m.matches() || p == null) {
      return Optional.empty();
    }
    String text = null;
    String words = null;
    if (m.group(1) != null && p.armsInterventionsModule() != null) {
      int i = Integer.parseInt(m.group(2));
      String part = m.group(3);
      if (m.group(1).equals("interventions")) {
        List<Intervention> list = p.armsInterventionsModule().interventions();
        Intervention iv = list == null || i >= list.size() ? null : list.get(i);
        if (iv != null) {
          String name = "Intervention " + (i + 1);
          if (part.equals("name")) {
            text = iv.name();
            words = name + " name";
          } else if (part.equals("description")) {
            text = iv.description();
            words = name + " description";
          } else if (m.group(4) != null && iv.otherNames() != null) {
            int j = Integer.parseInt(m.group(4));
            text = j < iv.otherNames().size() ? iv.otherNames().get(j) : null;
            words = name + " other name";
          }
        }
      } else {
        List<ArmGroup> list = p.armsInterventionsModule().armGroups();
        ArmGroup g = list == null || i >= list.size() ? null : list.get(i);
        if (g != null) {
          String name = g.label() == null || g.label().isBlank() ? "Arm " + (i + 1) : "Arm " + quoted(g.label());
          if (part.equals("label")) {
            text = g.label();
            words = name + " label";
          } else if (part.equals("description")) {
            text = g.description();
            words = name + " description";
          }
        }
      }
    } else if (m.group(5) != null && p.identificationModule() != null) {
      boolean brief = m.group(5).equals("briefTitle");
      text = brief ? p.identificationModule().briefTitle() : p.identificationModule().officialTitle();
      words = brief ? "Title" : "Official title";
    } else if (m.group(6) != null && p.descriptionModule() != null) {
      boolean brief = m.group(6).equals("briefSummary");
      text = brief ? p.descriptionModule().briefSummary() : p.descriptionModule().detailedDescription();
      words = brief ? "Brief summary" : "Detailed description";
    } else if (m.group(7) != null && p.conditionsModule() != null && p.conditionsModule().keywords() != null) {
      int i = Integer.parseInt(m.group(7));
      List<String> keywords = p.conditionsModule().keywords();
      text = i < keywords.size() ? keywords.get(i) : null;
      words = "Keyword " + (i + 1);
    }
    return text == null ? Optional.empty() : Optional.of(new Field(words, text));
  }

  /**
   * The sentence of {@code text} around {@code [start, end)} with that span highlighted: from the
   * end of the previous sentence to the end of the span's sentence, at most {@link #CONTEXT}
   * characters each side (cut at a space, with an ellipsis).
   */
  static Rich sentence(String text, int start, int end, String title) {
    int from = start;
    while (from > 0 && !boundaryBefore(text, from) && start - from < CONTEXT) {
      from--;
    }
    boolean cutBefore = from > 0 && !boundaryBefore(text, from);
    int to = end;
    while (to < text.length() && !boundaryAt(text, to) && to - end < CONTEXT) {
      to++;
    }
    boolean cutAfter = to < text.length() && !boundaryAt(text, to);
    if (!cutAfter && to < text.length() && ".;!?".indexOf(text.charAt(to)) >= 0) {
      to++;
    }
    if (cutBefore) {
      int space = text.indexOf(' ', from);
      from = space < 0 || space >= start ? from : space + 1;
    }
    if (cutAfter) {
      int space = text.lastIndexOf(' ', to);
      to = space <= end ? to : space;
    }
    // Leading and trailing blanks are not part of the quote.
    while (from < start && Character.isWhitespace(text.charAt(from))) {
      from++;
    }
    while (to > end && Character.isWhitespace(text.charAt(to - 1))) {
      to--;
    }
    String cut = text.substring(from, to);
    List<Rich.Mark> mark = List.of(new Rich.Mark(start - from, end - from, title));
    Rich body = Rich.of(cut, mark);
    if (!cutBefore && !cutAfter) {
      return body;
    }
    List<Rich.Span> spans = new ArrayList<>();
    if (cutBefore) {
      spans.add(new Rich.Span("… ", false));
    }
    spans.addAll(body.spans());
    if (cutAfter) {
      spans.add(new Rich.Span(" …", false));
    }
    return new Rich(spans);
  }

  /** True when a sentence may start at {@code i}: after a sentence end and a blank, or after a line break. */
  private static boolean boundaryBefore(String text, int i) {
    char c = text.charAt(i - 1);
    if (c == '\n' || c == '\r') {
      return true;
    }
    return Character.isWhitespace(c) && i >= 2 && ".;!?".indexOf(text.charAt(i - 2)) >= 0;
  }

  /**
   * True when a sentence ends at {@code i}: a line break, or one of {@code .;!?} followed by a blank
   * ({@code \\s}: space, tab, line break, vertical tab, form feed). Checked by hand, not with a
   * regex: this runs for every character of the context around every quote on a page.
   */
  static boolean boundaryAt(String text, int i) {
    char c = text.charAt(i);
    if (c == '\n' || c == '\r') {
      return true;
    }
    return ".;!?".indexOf(c) >= 0 && i + 1 < text.length() && " \t\n\u000B\f\r".indexOf(text.charAt(i + 1)) >= 0;
  }

  private static boolean fits(String text, Evidence e) {
    return e.end() <= text.length() && text.substring(e.start(), e.end()).equals(e.text());
  }

  private static <T> List<CellPanel.Value> coded(Study study, List<Fact<T>> facts) {
    return facts.stream().map(f -> value(study, text(f.value()), "", f.evidence())).toList();
  }

  private static List<CellPanel.Value> plain(Study study, List<Fact<String>> facts) {
    return facts.stream().map(f -> value(study, f.value(), "", f.evidence())).toList();
  }

  private static CellPanel.Value value(Study study, String text, String detail, List<Evidence> evidence) {
    List<CellPanel.Quote> quotes = new ArrayList<>();
    for (Evidence e : evidence) {
      field(study, e.field()).filter(f -> fits(f.text(), e))
          .ifPresent(f -> quotes.add(new CellPanel.Quote(f.words(), sentence(f.text(), e.start(), e.end(), text))));
    }
    return new CellPanel.Value(text, detail, quotes);
  }

  private static String text(Object value) {
    return value instanceof Coded c ? c.label() : String.valueOf(value);
  }

  private static String quoted(String s) {
    return "'" + s + "'";
  }
}
