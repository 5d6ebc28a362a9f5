package org.trialdex.ingest.legacy;

import static org.trialdex.ingest.legacy.Mapping.array;
import static org.trialdex.ingest.legacy.Mapping.object;
import static org.trialdex.ingest.legacy.Mapping.put;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.trialdex.core.model.AnalysisDispersionType;
import org.trialdex.core.model.ConfidenceIntervalNumSides;
import org.trialdex.core.model.EventAssessment;
import org.trialdex.core.model.MeasureDispersionType;
import org.trialdex.core.model.MeasureParam;
import org.trialdex.core.model.NonInferiorityType;
import org.trialdex.core.model.OutcomeMeasureType;
import org.w3c.dom.Element;

/**
 * Maps {@code <clinical_results>} onto the v2 results section, as v2 JSON: participant flow,
 * baseline, outcome measures, adverse events and the "more information" module.
 *
 * <p>Legacy group ids ({@code P1}, {@code B2}, {@code O3}, {@code E4}) become v2's
 * ({@code FG000}, {@code BG001}, {@code OG002}, {@code EG003}): the same groups, numbered from 0.
 */
final class ResultsMapper {

  private static final Pattern GROUP_ID = Pattern.compile("([PBOE])(\\d{1,3})");
  private static final Pattern CONFIDENCE = Pattern.compile("(\\d+(?:\\.\\d+)?)% Confidence Interval",
      Pattern.CASE_INSENSITIVE);

  private final Mapping m;

  ResultsMapper(Mapping m) {
    this.m = m;
  }

  /** The v2 resultsSection for {@code cr}, the {@code clinical_results} element. */
  ObjectNode map(Element cr) {
    ObjectNode o = object();
    put(o, "participantFlowModule", participantFlow(m.child(cr, "participant_flow")));
    put(o, "baselineCharacteristicsModule", baseline(m.child(cr, "baseline")));
    Element outcomes = m.child(cr, "outcome_list");
    if (outcomes != null) {
      put(o, "outcomeMeasuresModule",
          object().set("outcomeMeasures", array(m.children(outcomes, "outcome"), this::outcome)));
    }
    put(o, "adverseEventsModule", adverseEvents(m.child(cr, "reported_events")));
    put(o, "moreInfoModule", moreInfo(cr));
    return o;
  }

  // ---- participant flow -------------------------------------------------------------------

  private ObjectNode participantFlow(Element pf) {
    if (pf == null) {
      return null;
    }
    ObjectNode o = object();
    put(o, "preAssignmentDetails", m.text(pf, "pre_assignment_details"));
    put(o, "recruitmentDetails", m.text(pf, "recruitment_details"));
    put(o, "groups", groups(pf));
    put(o, "periods", array(m.listed(pf, "period_list", "period"), p -> {
      ObjectNode period = object();
      put(period, "title", m.text(p, "title"));
      put(period, "milestones", array(m.listed(p, "milestone_list", "milestone"), ms -> {
        ObjectNode mo = object();
        put(mo, "type", m.text(ms, "title"));
        put(mo, "achievements", flowStats(ms));
        return mo;
      }));
      put(period, "dropWithdraws", array(m.listed(p, "drop_withdraw_reason_list", "drop_withdraw_reason"), dw -> {
        ObjectNode d = object();
        put(d, "type", m.text(dw, "title"));
        put(d, "reasons", flowStats(dw));
        return d;
      }));
      return period;
    }));
    return o;
  }

  private ArrayNode flowStats(Element parent) {
    return array(m.listed(parent, "participants_list", "participants"), p -> {
      ObjectNode s = object();
      put(s, "groupId", groupId(p));
      put(s, "comment", m.text(p));
      put(s, "numSubjects", m.attr(p, "count"));
      return s;
    });
  }

  /** {@code group_list/group} as v2 groups ({@code id}, {@code title}, {@code description}). */
  private ArrayNode groups(Element parent) {
    return array(m.listed(parent, "group_list", "group"), g -> {
      ObjectNode o = object();
      put(o, "id", groupId(g));
      put(o, "title", m.text(g, "title"));
      put(o, "description", m.text(g, "description"));
      return o;
    });
  }

  /** The v2 id of the group an element's {@code group_id} attribute names. */
  private String groupId(Element e) {
    String id = m.attr(e, "group_id");
    return id == null ? null : convertId(e, id);
  }

  // ---- baseline ---------------------------------------------------------------------------

  private ObjectNode baseline(Element b) {
    if (b == null) {
      return null;
    }
    ObjectNode o = object();
    put(o, "populationDescription", m.text(b, "population"));
    put(o, "groups", groups(b));
    put(o, "denoms", denoms(b, "Overall"));
    put(o, "measures", array(m.listed(b, "measure_list", "measure"), ms -> {
      ObjectNode mo = object();
      put(mo, "title", m.text(ms, "title"));
      put(mo, "description", m.text(ms, "description"));
      put(mo, "populationDescription", m.text(ms, "population"));
      put(mo, "paramType", m.enumValue(m.child(ms, "param"), MeasureParam.class));
      put(mo, "dispersionType", dispersion(m.child(ms, "dispersion")));
      put(mo, "unitOfMeasure", m.text(ms, "units"));
      put(mo, "denomUnitsSelected", m.text(ms, "units_analyzed"));
      put(mo, "denoms", denoms(ms, "Measure"));
      put(mo, "classes", classes(ms));
      return mo;
    }));
    return o;
  }

  /**
   * {@code analyzed_list/analyzed} as v2 denoms. The {@code scope} (Overall, Measure, Class) is
   * where the list stands, which v2 says by where the denoms stand.
   */
  private ArrayNode denoms(Element parent, String scope) {
    return array(m.listed(parent, "analyzed_list", "analyzed"), a -> {
      Element scopeEl = m.child(a, "scope");
      String s = m.text(scopeEl);
      if (s != null && !s.equalsIgnoreCase(scope)) {
        m.warn(scopeEl, "not mapped: scope '" + s + "' where " + scope + " was expected");
      }
      ObjectNode d = object();
      put(d, "units", m.text(a, "units"));
      put(d, "counts", array(m.listed(a, "count_list", "count"), c -> {
        ObjectNode dc = object();
        put(dc, "groupId", groupId(c));
        put(dc, "value", m.attr(c, "value"));
        return dc;
      }));
      return d;
    });
  }

  private ArrayNode classes(Element measure) {
    return array(m.listed(measure, "class_list", "class"), c -> {
      ObjectNode o = object();
      put(o, "title", m.text(c, "title"));
      put(o, "denoms", denoms(c, "Class"));
      put(o, "categories", array(m.listed(c, "category_list", "category"), cat -> {
        ObjectNode co = object();
        put(co, "title", m.text(cat, "title"));
        put(co, "measurements", array(m.listed(cat, "measurement_list", "measurement"), ms -> {
          ObjectNode mo = object();
          put(mo, "groupId", groupId(ms));
          put(mo, "value", m.attr(ms, "value"));
          put(mo, "spread", m.attr(ms, "spread"));
          put(mo, "lowerLimit", m.attr(ms, "lower_limit"));
          put(mo, "upperLimit", m.attr(ms, "upper_limit"));
          put(mo, "comment", m.text(ms));
          return mo;
        }));
        // v2 always has a categories list, with one untitled category when there are none.
        return co.isEmpty() ? object().set("measurements", Mapping.JSON.arrayNode()) : co;
      }));
      return o;
    });
  }

  private String dispersion(Element e) {
    String t = m.text(e);
    if (t == null) {
      return null;
    }
    Matcher ci = CONFIDENCE.matcher(t);
    if (ci.matches()) {
      String v = switch (ci.group(1)) {
        case "80" -> "CONFIDENCE_80";
        case "90" -> "CONFIDENCE_90";
        case "95" -> "CONFIDENCE_95";
        case "97.5" -> "CONFIDENCE_975";
        case "99" -> "CONFIDENCE_99";
        default -> "CONFIDENCE_OTHER";
      };
      return v;
    }
    return m.enumValue(e, t, MeasureDispersionType.class);
  }

  // ---- outcome measures -------------------------------------------------------------------

  private ObjectNode outcome(Element oc) {
    ObjectNode o = object();
    put(o, "type", m.enumValue(m.child(oc, "type"), OutcomeMeasureType.class));
    String title = m.text(oc, "title");
    String description = m.text(oc, "description");
    String population = m.text(oc, "population");
    put(o, "title", title);
    put(o, "description", description);
    put(o, "populationDescription", population);
    Element measure = m.child(oc, "measure");
    // An outcome without a measure has no data posted yet; v2 says so in reportingStatus.
    o.put("reportingStatus", measure == null ? "NOT_POSTED" : "POSTED");
    put(o, "anticipatedPostingDate", m.date(m.child(oc, "posting_date")));
    if (measure != null) {
      sameAs(measure, "title", title);
      sameAs(measure, "description", description);
      sameAs(measure, "population", population);
      put(o, "paramType", m.enumValue(m.child(measure, "param"), MeasureParam.class));
      put(o, "dispersionType", dispersion(m.child(measure, "dispersion")));
      put(o, "unitOfMeasure", m.text(measure, "units"));
    }
    put(o, "timeFrame", m.text(oc, "time_frame"));
    if (measure != null) {
      put(o, "typeUnitsAnalyzed", m.text(measure, "units_analyzed"));
    }
    put(o, "groups", groups(oc));
    if (measure != null) {
      put(o, "denoms", denoms(measure, "Measure"));
      put(o, "classes", classes(measure));
    }
    put(o, "analyses", array(m.listed(oc, "analysis_list", "analysis"), this::analysis));
    return o;
  }

  /** Legacy repeats the outcome's title, description and population in its measure; v2 has one. */
  private void sameAs(Element measure, String tag, String outcomeValue) {
    Element e = m.child(measure, tag);
    String v = m.text(e);
    if (v != null && !v.equals(outcomeValue)) {
      m.warn(e, "not mapped: v2 has one " + tag + " per outcome, and the measure's ('"
          + v + "') differs from the outcome's");
    }
  }

  private ObjectNode analysis(Element a) {
    ObjectNode o = object();
    put(o, "paramType", m.text(a, "param_type"));
    put(o, "paramValue", m.text(a, "param_value"));
    put(o, "dispersionType", m.enumValue(m.child(a, "dispersion_type"), AnalysisDispersionType.class));
    put(o, "dispersionValue", m.text(a, "dispersion_value"));
    put(o, "statisticalMethod", m.text(a, "method"));
    put(o, "statisticalComment", m.text(a, "method_desc"));
    put(o, "pValue", m.text(a, "p_value"));
    put(o, "pValueComment", m.text(a, "p_value_desc"));
    put(o, "ciNumSides", m.enumValue(m.child(a, "ci_n_sides"), ConfidenceIntervalNumSides.class));
    put(o, "ciPctValue", m.text(a, "ci_percent"));
    put(o, "ciLowerLimit", m.text(a, "ci_lower_limit"));
    put(o, "ciUpperLimit", m.text(a, "ci_upper_limit"));
    put(o, "ciLowerLimitComment", m.text(a, "ci_lower_limit_desc"));
    put(o, "ciUpperLimitComment", m.text(a, "ci_upper_limit_desc"));
    put(o, "estimateComment", m.text(a, "estimate_desc"));
    put(o, "nonInferiorityType", m.enumValue(m.child(a, "non_inferiority_type"), NonInferiorityType.class));
    put(o, "nonInferiorityComment", m.text(a, "non_inferiority_desc"));
    put(o, "otherAnalysisDescription", m.text(a, "other_analysis_desc"));
    put(o, "groupDescription", m.text(a, "groups_desc"));
    ArrayNode ids = Mapping.JSON.arrayNode();
    for (Element g : m.listed(a, "group_id_list", "group_id")) {
      String id = m.text(g);
      if (id != null) {
        ids.add(convertId(g, id));
      }
    }
    put(o, "groupIds", ids);
    return o;
  }

  /** {@code P1} → {@code FG000}, {@code O12} → {@code OG011}; other ids are kept, with a warning. */
  private String convertId(Element at, String id) {
    Matcher g = GROUP_ID.matcher(id);
    if (!g.matches() || Integer.parseInt(g.group(2)) < 1) {
      m.warn(at, "group id '" + id + "' is not of the legacy form P1, B1, O1 or E1; kept as it is");
      return id;
    }
    String prefix = switch (g.group(1)) {
      case "P" -> "FG";
      case "B" -> "BG";
      case "O" -> "OG";
      default -> "EG";
    };
    return String.format(Locale.ROOT, "%s%03d", prefix, Integer.parseInt(g.group(2)) - 1);
  }

  // ---- adverse events ---------------------------------------------------------------------

  private ObjectNode adverseEvents(Element re) {
    if (re == null) {
      return null;
    }
    ObjectNode o = object();
    Element serious = m.child(re, "serious_events");
    Element other = m.child(re, "other_events");
    put(o, "frequencyThreshold", m.text(other, "frequency_threshold"));
    Element seriousThreshold = m.child(serious, "frequency_threshold");
    if (seriousThreshold != null) {
      String t = m.text(seriousThreshold);
      if (t != null && !t.equals(o.path("frequencyThreshold").asText(null))) {
        m.warn(seriousThreshold, "not mapped: v2 has one frequency threshold, for other events");
      }
    }
    put(o, "timeFrame", m.text(re, "time_frame"));
    put(o, "description", m.text(re, "desc"));
    ArrayNode groups = groups(re);
    put(o, "eventGroups", groups);
    put(o, "seriousEvents", events(serious, groups, "serious"));
    put(o, "otherEvents", events(other, groups, "other"));
    return o;
  }

  /**
   * The events of one kind. The legacy "Total" category holds the per-group totals (all-cause
   * mortality, serious, other), which v2 keeps on the event groups.
   */
  private ArrayNode events(Element kind, ArrayNode groups, String totalsPrefix) {
    if (kind == null) {
      return null;
    }
    String defaultVocab = m.text(kind, "default_vocab");
    Element defaultAssessmentEl = m.child(kind, "default_assessment");
    String defaultAssessment = m.enumValue(defaultAssessmentEl, EventAssessment.class);
    ArrayNode out = Mapping.JSON.arrayNode();
    for (Element cat : m.listed(kind, "category_list", "category")) {
      String organSystem = m.text(cat, "title");
      for (Element ev : m.listed(cat, "event_list", "event")) {
        Element sub = m.child(ev, "sub_title");
        String term = m.text(sub);
        if ("Total".equals(organSystem) && term != null && term.startsWith("Total, ")) {
          totals(ev, term, groups);
          continue;
        }
        ObjectNode e = object();
        put(e, "term", term);
        put(e, "organSystem", organSystem);
        String vocab = m.attr(sub, "vocab");
        put(e, "sourceVocabulary", vocab != null ? vocab : defaultVocab);
        String assessment = m.enumValue(m.child(ev, "assessment"), EventAssessment.class);
        put(e, "assessmentType", assessment != null ? assessment : defaultAssessment);
        put(e, "notes", m.text(ev, "description"));
        put(e, "stats", array(m.children(ev, "counts"), c -> {
          ObjectNode s = object();
          put(s, "groupId", groupId(c));
          put(s, "numEvents", m.integer(c, m.attr(c, "events"), "events"));
          put(s, "numAffected", m.integer(c, m.attr(c, "subjects_affected"), "subjects_affected"));
          put(s, "numAtRisk", m.integer(c, m.attr(c, "subjects_at_risk"), "subjects_at_risk"));
          return s;
        }));
        out.add(e);
      }
    }
    return out;
  }

  private void totals(Element ev, String term, ArrayNode groups) {
    String kind = switch (term.toLowerCase(Locale.ROOT)) {
      case "total, all-cause mortality" -> "deaths";
      case "total, serious adverse events" -> "serious";
      case "total, other adverse events" -> "other";
      default -> null;
    };
    for (Element c : m.children(ev, "counts")) {
      String id = groupId(c);
      Integer affected = m.integer(c, m.attr(c, "subjects_affected"), "subjects_affected");
      Integer atRisk = m.integer(c, m.attr(c, "subjects_at_risk"), "subjects_at_risk");
      String events = m.attr(c, "events");
      ObjectNode group = null;
      for (var g : groups) {
        if (g.path("id").asText("").equals(id)) {
          group = (ObjectNode) g;
        }
      }
      if (kind == null || group == null) {
        m.warn(c, "not mapped: total '" + term + "' for group " + id + " has no place on a v2 event group");
        continue;
      }
      put(group, kind + "NumAffected", affected);
      put(group, kind + "NumAtRisk", atRisk);
      if (events != null) {
        m.warn(c, "not mapped: v2 keeps no event count on the group totals ('" + term + "': " + events + ")");
      }
    }
  }

  // ---- more information -------------------------------------------------------------------

  private ObjectNode moreInfo(Element cr) {
    ObjectNode o = object();
    String limitations = m.text(cr, "limitations_and_caveats");
    if (limitations != null) {
      o.set("limitationsAndCaveats", object().put("description", limitations));
    }
    Element ca = m.child(cr, "certain_agreements");
    if (ca != null) {
      ObjectNode a = object();
      Element pi = m.child(ca, "pi_employee");
      String piText = m.text(pi);
      if (piText != null) {
        if (piText.contains("NOT employed")) {
          a.put("piSponsorEmployee", false);
        } else if (piText.contains("ARE employed")) {
          a.put("piSponsorEmployee", true);
        } else {
          m.warn(pi, "'" + piText + "' does not say whether the investigators are employed by the sponsor; left out");
        }
      }
      restriction(m.child(ca, "restrictive_agreement"), a);
      put(o, "certainAgreement", a);
    }
    Element poc = m.child(cr, "point_of_contact");
    if (poc != null) {
      ObjectNode p = object();
      put(p, "title", m.text(poc, "name_or_title"));
      put(p, "organization", m.text(poc, "organization"));
      put(p, "email", m.text(poc, "email"));
      put(p, "phone", m.text(poc, "phone"));
      put(p, "phoneExt", m.text(poc, "phone_ext"));
      put(o, "pointOfContact", p);
    }
    return o;
  }

  /**
   * The legacy agreement is one text: the standard "There is NOT an agreement", the two standard
   * embargo sentences (at most or more than 60 days), or the sponsor's own words.
   */
  private void restriction(Element e, ObjectNode a) {
    String t = m.text(e);
    if (t == null) {
      return;
    }
    if (t.startsWith("There is NOT an agreement")) {
      a.put("restrictiveAgreement", false);
      return;
    }
    a.put("restrictiveAgreement", true);
    String lower = t.toLowerCase(Locale.ROOT);
    if (lower.startsWith("the only disclosure restriction on the pi") && lower.contains("less than or equal to 60 days")) {
      a.put("restrictionType", "LTE60");
    } else if (lower.startsWith("the only disclosure restriction on the pi") && lower.contains("more than 60 days")) {
      a.put("restrictionType", "GT60");
    } else {
      a.put("restrictionType", "OTHER");
      a.put("otherDetails", t);
    }
  }
}
