package org.trialdex.app.web;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.trialdex.core.model.AdverseEvent;
import org.trialdex.core.model.AdverseEventsModule;
import org.trialdex.core.model.BaselineCharacteristicsModule;
import org.trialdex.core.model.BaselineMeasure;
import org.trialdex.core.model.EventStats;
import org.trialdex.core.model.FlowPeriod;
import org.trialdex.core.model.FlowStats;
import org.trialdex.core.model.MeasureClass;
import org.trialdex.core.model.MeasureGroup;
import org.trialdex.core.model.Measurement;
import org.trialdex.core.model.OutcomeMeasure;
import org.trialdex.core.model.ParticipantFlowModule;
import org.trialdex.core.model.ResultsSection;
import org.trialdex.core.model.Study;

/** Posted results as tables: one column per group, one row per milestone, measure category or event. */
final class ResultsTables {

  private ResultsTables() {}

  static Optional<StudyPage.Results> of(Study s) {
    ResultsSection r = s.resultsSection();
    if (r == null) {
      return Optional.empty();
    }
    var more = r.moreInfoModule();
    var results = new StudyPage.Results(flow(r.participantFlowModule()), baseline(r.baselineCharacteristicsModule()),
        r.outcomeMeasuresModule() == null ? List.of() : list(r.outcomeMeasuresModule().outcomeMeasures()).stream()
            .map(ResultsTables::outcome).toList(),
        adverseEvents(r.adverseEventsModule()), foldedEvents(r.adverseEventsModule()),
        more == null || more.limitationsAndCaveats() == null ? Optional.empty() : text(more.limitationsAndCaveats().description()),
        more == null ? List.of() : pointOfContact(more.pointOfContact()));
    boolean empty = results.participantFlow().isEmpty() && results.baseline().isEmpty()
        && results.outcomeMeasures().isEmpty() && results.adverseEvents().isEmpty();
    return empty ? Optional.empty() : Optional.of(results);
  }

  /** The documents the sponsor posted (protocol, statistical analysis plan, consent form), with links to the registry's copy. */
  static List<StudyPage.Document> documents(Study s, String nctId) {
    if (s.documentSection() == null || s.documentSection().largeDocumentModule() == null) {
      return List.of();
    }
    List<StudyPage.Document> out = new ArrayList<>();
    for (var d : list(s.documentSection().largeDocumentModule().largeDocs())) {
      List<String> holds = new ArrayList<>();
      if (Boolean.TRUE.equals(d.hasProtocol())) {
        holds.add("study protocol");
      }
      if (Boolean.TRUE.equals(d.hasSap())) {
        holds.add("statistical analysis plan");
      }
      if (Boolean.TRUE.equals(d.hasIcf())) {
        holds.add("informed consent form");
      }
      String label = d.label() != null ? d.label() : holds.isEmpty() ? nz(d.filename()) : String.join(", ", holds);
      Optional<String> href = Optional.ofNullable(d.filename()).filter(f -> f.matches("[A-Za-z0-9_.-]+") && nctId.length() > 2)
          .map(f -> "https://cdn.clinicaltrials.gov/large-docs/" + nctId.substring(nctId.length() - 2) + "/" + nctId + "/" + f);
      List<String> about = new ArrayList<>();
      if (!holds.isEmpty()) {
        about.add("holds the " + String.join(", the ", holds));
      }
      if (d.date() != null) {
        about.add("dated " + d.date());
      }
      if (d.size() != null) {
        about.add(String.format(java.util.Locale.ROOT, "%.1f MB", d.size() / 1_000_000.0) + " PDF");
      }
      out.add(new StudyPage.Document(label, href, String.join(", ", about)));
    }
    return out;
  }

  private static List<Parts.Row> pointOfContact(org.trialdex.core.model.PointOfContact c) {
    List<Parts.Row> rows = new ArrayList<>();
    if (c == null) {
      return rows;
    }
    add(rows, "Name or title", c.title());
    add(rows, "Organization", c.organization());
    add(rows, "Phone", c.phone() == null ? null : c.phone() + (c.phoneExt() == null ? "" : " ext. " + c.phoneExt()));
    add(rows, "Email", c.email());
    return rows;
  }

  private static void add(List<Parts.Row> rows, String label, String value) {
    if (value != null && !value.isBlank()) {
      rows.add(new Parts.Row(label, value));
    }
  }

  private static Optional<String> text(String s) {
    return s == null || s.isBlank() ? Optional.empty() : Optional.of(unescape(s));
  }

  /** Undoes the registry's markdown escapes ({@code \<=50} → {@code <=50}). */
  static String unescape(String s) {
    return s == null ? null : s.replaceAll("\\\\([\\p{Punct}])", "$1");
  }

  private static List<Parts.Table> flow(ParticipantFlowModule m) {
    if (m == null || m.groups() == null || m.periods() == null) {
      return List.of();
    }
    List<String> ids = m.groups().stream().map(g -> g.id()).toList();
    List<String> header = new ArrayList<>(List.of("Milestone"));
    m.groups().forEach(g -> header.add(nz(g.title())));
    List<Parts.Table> tables = new ArrayList<>();
    for (FlowPeriod p : m.periods()) {
      List<List<String>> rows = new ArrayList<>();
      for (var ms : list(p.milestones())) {
        rows.add(row(nz(ms.type()), ids, byGroup(ms.achievements(), FlowStats::groupId, FlowStats::numSubjects)));
      }
      for (var dw : list(p.dropWithdraws())) {
        rows.add(row("Not completed: " + nz(dw.type()), ids, byGroup(dw.reasons(), FlowStats::groupId, FlowStats::numSubjects)));
      }
      List<String> notes = new ArrayList<>();
      if (m.recruitmentDetails() != null) {
        notes.add("Recruitment: " + m.recruitmentDetails());
      }
      tables.add(new Parts.Table("Participant flow: " + nz(p.title()), tables.isEmpty() ? notes : List.of(), header, rows));
    }
    return tables;
  }

  private static List<Parts.Table> baseline(BaselineCharacteristicsModule m) {
    if (m == null || m.groups() == null || m.measures() == null) {
      return List.of();
    }
    List<String> ids = m.groups().stream().map(MeasureGroup::id).toList();
    List<List<String>> rows = new ArrayList<>();
    rows.addAll(denomRows(m.denoms(), ids));
    for (BaselineMeasure bm : m.measures()) {
      String kind = kind(bm.paramType() == null ? null : Labels.of(bm.paramType()),
          bm.dispersionType() == null || bm.dispersionType().name().equals("NA") ? null : Labels.of(bm.dispersionType()));
      String title = nz(bm.title()) + (bm.unitOfMeasure() == null ? "" : " (" + bm.unitOfMeasure() + ")")
          + (kind.isEmpty() ? "" : "; " + kind);
      rows.addAll(classRows(title, bm.classes(), ids));
    }
    List<String> notes = m.populationDescription() == null ? List.of() : List.of(m.populationDescription());
    return List.of(new Parts.Table("Baseline characteristics", notes, header("Measure", m.groups()), rows));
  }

  private static StudyPage.OutcomeResult outcome(OutcomeMeasure om) {
    List<MeasureGroup> groups = list(om.groups());
    List<String> ids = groups.stream().map(MeasureGroup::id).toList();
    List<String> notes = new ArrayList<>();
    if (om.timeFrame() != null) {
      notes.add("Time frame: " + om.timeFrame());
    }
    String kind = kind(om.paramType() == null ? null : Labels.of(om.paramType()), om.dispersionType());
    if (!kind.isEmpty() || om.unitOfMeasure() != null) {
      notes.add("Figures: " + (kind.isEmpty() ? "values" : kind) + (om.unitOfMeasure() == null ? "" : ", in " + om.unitOfMeasure()));
    }
    String caption = (om.type() == null ? "" : Labels.of(om.type()) + " outcome: ") + nz(om.title());
    List<List<String>> rows = new ArrayList<>(denomRows(om.denoms(), ids));
    rows.addAll(classRows("Value", om.classes(), ids));
    Map<String, String> titles = new HashMap<>();
    groups.forEach(g -> titles.put(g.id(), nz(g.title())));
    List<StudyPage.Analysis> analyses = new ArrayList<>();
    for (var a : list(om.analyses())) {
      analyses.add(analysis(a, titles));
    }
    boolean primary = om.type() != null && om.type().name().equals("PRIMARY");
    Optional<String> status = om.reportingStatus() == null || om.reportingStatus().name().equals("POSTED") ? Optional.empty()
        : Optional.of("Not posted yet" + (om.anticipatedPostingDate() == null ? "" : "; expected " + om.anticipatedPostingDate()));
    return new StudyPage.OutcomeResult(primary, new Parts.Table(caption, notes, header("Measure", groups), rows),
        text(om.description()), text(om.populationDescription()), status, analyses);
  }

  /** "median (full range)", "mean (standard deviation)", "count of participants". */
  private static String kind(String param, String dispersion) {
    if (param == null && dispersion == null) {
      return "";
    }
    String p = param == null ? "" : param.toLowerCase(java.util.Locale.ROOT);
    String d = dispersion == null || dispersion.isBlank() || dispersion.equals("NA") ? ""
        : Labels.of(dispersion).toLowerCase(java.util.Locale.ROOT);
    return d.isEmpty() ? p : p.isEmpty() ? d : p + " (" + d + ")";
  }

  private static List<List<String>> denomRows(List<org.trialdex.core.model.Denom> denoms, List<String> ids) {
    List<List<String>> rows = new ArrayList<>();
    for (var d : list(denoms)) {
      String units = d.units() == null ? "participants" : d.units().toLowerCase(java.util.Locale.ROOT);
      rows.add(row("Number analysed (" + units + ")", ids,
          byGroup(d.counts(), org.trialdex.core.model.DenomCount::groupId, org.trialdex.core.model.DenomCount::value)));
    }
    return rows;
  }

  private static StudyPage.Analysis analysis(org.trialdex.core.model.MeasureAnalysis a, Map<String, String> titles) {
    List<Parts.Row> rows = new ArrayList<>();
    String groups = String.join(" vs ", list(a.groupIds()).stream().map(g -> titles.getOrDefault(g, g)).toList());
    add(rows, "About the groups", unescape(a.groupDescription()));
    add(rows, "Method", a.statisticalMethod());
    add(rows, "Comment on the method", unescape(a.statisticalComment()));
    if (a.paramType() != null || a.paramValue() != null) {
      add(rows, "Estimate", nz(a.paramType()) + (a.paramValue() == null ? "" : " " + a.paramValue())
          + (a.dispersionType() == null || a.dispersionValue() == null ? ""
              : ", " + Labels.of(a.dispersionType()).toLowerCase(java.util.Locale.ROOT) + " " + a.dispersionValue()));
    }
    if (a.ciLowerLimit() != null || a.ciUpperLimit() != null) {
      String level = (a.ciPctValue() == null ? "" : a.ciPctValue() + "% ")
          + (a.ciNumSides() == null ? "" : a.ciNumSides().name().equals("TWO_SIDED") ? "two-sided " : "one-sided ");
      add(rows, "Confidence interval", level + "CI " + nz(a.ciLowerLimit()).replace("NA", "not given") + " to "
          + nz(a.ciUpperLimit()).replace("NA", "not given"));
    }
    add(rows, "Comment on the interval", join(unescape(a.ciLowerLimitComment()), unescape(a.ciUpperLimitComment())));
    add(rows, "P-value", a.pValue());
    add(rows, "Comment on the p-value", unescape(a.pValueComment()));
    if (a.nonInferiorityType() != null || a.testedNonInferiority() != null) {
      add(rows, "Hypothesis", (a.nonInferiorityType() == null ? "" : Labels.of(a.nonInferiorityType()))
          + (Boolean.TRUE.equals(a.testedNonInferiority()) ? " (non-inferiority or equivalence tested)" : ""));
    }
    add(rows, "About the hypothesis", unescape(a.nonInferiorityComment()));
    add(rows, "Comment on the estimate", unescape(a.estimateComment()));
    add(rows, "Other analysis", unescape(a.otherAnalysisDescription()));
    return new StudyPage.Analysis(groups, rows);
  }

  private static String join(String a, String b) {
    if (a == null || a.isBlank()) {
      return b;
    }
    return b == null || b.isBlank() ? a : a + " " + b;
  }

  private static List<List<String>> classRows(String title, List<MeasureClass> classes, List<String> ids) {
    List<List<String>> rows = new ArrayList<>();
    for (MeasureClass c : list(classes)) {
      for (var cat : list(c.categories())) {
        String label = title + (c.title() == null ? "" : ": " + c.title()) + (cat.title() == null ? "" : ": " + cat.title());
        rows.add(row(label, ids, byGroup(cat.measurements(), Measurement::groupId, ResultsTables::measurement)));
      }
    }
    return rows;
  }

  private static String measurement(Measurement m) {
    String v = nz(m.value());
    if (m.spread() != null) {
      v += " (" + m.spread() + ")";
    } else if (m.lowerLimit() != null || m.upperLimit() != null) {
      v += " (" + nz(m.lowerLimit()) + " to " + nz(m.upperLimit()) + ")";
    }
    return v;
  }

  private static List<Parts.Table> adverseEvents(AdverseEventsModule m) {
    if (m == null || m.eventGroups() == null) {
      return List.of();
    }
    var groups = m.eventGroups();
    List<String> ids = groups.stream().map(g -> g.id()).toList();
    List<String> header = new ArrayList<>(List.of("Event"));
    groups.forEach(g -> header.add(nz(g.title())));
    List<String> notes = new ArrayList<>();
    if (m.timeFrame() != null) {
      notes.add("Time frame: " + m.timeFrame());
    }
    if (m.frequencyThreshold() != null) {
      notes.add("Frequency threshold for other events: " + m.frequencyThreshold() + "%");
    }
    List<List<String>> summary = new ArrayList<>();
    summary.add(summaryRow("Deaths", groups.stream().map(g -> ratio(g.deathsNumAffected(), g.deathsNumAtRisk())).toList()));
    summary.add(summaryRow("Serious adverse events", groups.stream().map(g -> ratio(g.seriousNumAffected(), g.seriousNumAtRisk())).toList()));
    summary.add(summaryRow("Other adverse events", groups.stream().map(g -> ratio(g.otherNumAffected(), g.otherNumAtRisk())).toList()));
    return List.of(new Parts.Table("Adverse events: participants affected / at risk", notes, header, summary));
  }

  /** The lists of serious and of other adverse events, each folded under its count. */
  private static List<StudyPage.Folded> foldedEvents(AdverseEventsModule m) {
    if (m == null || m.eventGroups() == null) {
      return List.of();
    }
    List<String> ids = m.eventGroups().stream().map(g -> g.id()).toList();
    List<String> header = new ArrayList<>(List.of("Event (organ system)"));
    m.eventGroups().forEach(g -> header.add(nz(g.title()) + ": affected / at risk"));
    List<StudyPage.Folded> out = new ArrayList<>();
    if (m.seriousEvents() != null && !m.seriousEvents().isEmpty()) {
      int n = m.seriousEvents().size();
      out.add(new StudyPage.Folded("Serious adverse events: " + n + " kind" + (n == 1 ? "" : "s") + " of event",
          new Parts.Table("Serious adverse events", List.of(), header, events(m.seriousEvents(), ids))));
    }
    if (m.otherEvents() != null && !m.otherEvents().isEmpty()) {
      int n = m.otherEvents().size();
      out.add(new StudyPage.Folded("Other adverse events: " + n + " kind" + (n == 1 ? "" : "s") + " of event",
          new Parts.Table("Other adverse events", List.of(), header, events(m.otherEvents(), ids))));
    }
    return out;
  }

  private static List<List<String>> events(List<AdverseEvent> events, List<String> ids) {
    List<List<String>> rows = new ArrayList<>();
    for (AdverseEvent e : events) {
      String label = nz(e.term()) + (e.organSystem() == null ? "" : " (" + e.organSystem() + ")");
      rows.add(row(label, ids, byGroup(e.stats(), EventStats::groupId, st -> ratio(st.numAffected(), st.numAtRisk()))));
    }
    return rows;
  }

  private static List<String> summaryRow(String label, List<String> cells) {
    List<String> row = new ArrayList<>(List.of(label));
    row.addAll(cells);
    return row;
  }

  private static String ratio(Integer affected, Integer atRisk) {
    if (affected == null && atRisk == null) {
      return "";
    }
    return (affected == null ? "?" : affected.toString()) + " / " + (atRisk == null ? "?" : atRisk.toString());
  }

  private static List<String> header(String first, List<MeasureGroup> groups) {
    List<String> h = new ArrayList<>(List.of(first));
    groups.forEach(g -> h.add(nz(g.title())));
    return h;
  }

  private static <T> Map<String, String> byGroup(List<T> values, Function<T, String> group, Function<T, String> value) {
    Map<String, String> m = new HashMap<>();
    for (T v : list(values)) {
      if (group.apply(v) != null) {
        m.put(group.apply(v), nz(value.apply(v)));
      }
    }
    return m;
  }

  private static List<String> row(String label, List<String> ids, Map<String, String> cells) {
    List<String> row = new ArrayList<>(List.of(label));
    for (String id : ids) {
      row.add(cells.getOrDefault(id, ""));
    }
    return row;
  }

  private static String nz(String s) {
    return s == null ? "" : s;
  }

  private static <T> List<T> list(List<T> l) {
    return l == null ? List.of() : l;
  }
}
