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
    var results = new StudyPage.Results(flow(r.participantFlowModule()), baseline(r.baselineCharacteristicsModule()),
        r.outcomeMeasuresModule() == null ? List.of() : list(r.outcomeMeasuresModule().outcomeMeasures()).stream()
            .map(ResultsTables::outcome).toList(),
        adverseEvents(r.adverseEventsModule()));
    boolean empty = results.participantFlow().isEmpty() && results.baseline().isEmpty()
        && results.outcomeMeasures().isEmpty() && results.adverseEvents().isEmpty();
    return empty ? Optional.empty() : Optional.of(results);
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
    for (BaselineMeasure bm : m.measures()) {
      String title = nz(bm.title()) + (bm.unitOfMeasure() == null ? "" : " (" + bm.unitOfMeasure() + ")");
      rows.addAll(classRows(title, bm.classes(), ids));
    }
    List<String> notes = m.populationDescription() == null ? List.of() : List.of(m.populationDescription());
    return List.of(new Parts.Table("Baseline characteristics", notes, header("Measure", m.groups()), rows));
  }

  private static Parts.Table outcome(OutcomeMeasure om) {
    List<MeasureGroup> groups = list(om.groups());
    List<String> ids = groups.stream().map(MeasureGroup::id).toList();
    List<String> notes = new ArrayList<>();
    if (om.timeFrame() != null) {
      notes.add("Time frame: " + om.timeFrame());
    }
    if (om.paramType() != null || om.unitOfMeasure() != null) {
      notes.add((om.paramType() == null ? "" : Labels.of(om.paramType())) + (om.unitOfMeasure() == null ? "" : " (" + om.unitOfMeasure() + ")"));
    }
    String caption = (om.type() == null ? "" : Labels.of(om.type()) + " outcome: ") + nz(om.title());
    return new Parts.Table(caption, notes, header("Measure", groups), classRows("Value", om.classes(), ids));
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
    List<Parts.Table> tables = new ArrayList<>();
    tables.add(new Parts.Table("Adverse events: participants affected / at risk", notes, header, summary));
    if (m.seriousEvents() != null && !m.seriousEvents().isEmpty()) {
      tables.add(new Parts.Table("Serious adverse events", List.of(), header, events(m.seriousEvents(), ids)));
    }
    if (m.otherEvents() != null && !m.otherEvents().isEmpty()) {
      tables.add(new Parts.Table("Other adverse events", List.of(), header, events(m.otherEvents(), ids)));
    }
    return tables;
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
