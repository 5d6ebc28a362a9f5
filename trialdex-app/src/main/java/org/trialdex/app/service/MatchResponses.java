package org.trialdex.app.service;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Locale;
import org.trialdex.core.eligibility.Constraint;
import org.trialdex.core.eligibility.CriterionVerdict;
import org.trialdex.core.eligibility.Patient;
import org.trialdex.core.eligibility.TrialMatch;
import org.trialdex.core.model.ProtocolSection;

/**
 * The JSON form of a match, the same from the command line and {@code POST /api/match}:
 * {@code {"patient": {...}, "candidates": n, "question": {...}, "matches": [{nctId, verdict, score,
 * criteria: [...]}]}}, best first; each criterion with its verdict, explanation and the checks behind it.
 */
public final class MatchResponses {

  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

  private MatchResponses() {}

  /** The whole answer. */
  public static ObjectNode json(Matches.Result result) {
    ObjectNode root = JSON.objectNode();
    root.set("patient", patient(result.patient()));
    root.put("candidates", result.candidates());
    root.put("tookMs", result.took().toMillis());
    result.question().ifPresent(q -> root.putObject("question").put("text", q.text()).put("trials", q.trials()));
    ArrayNode matches = root.putArray("matches");
    for (Matches.Ranked r : result.matches()) {
      matches.add(match(r));
    }
    return root;
  }

  /** One ranked trial. */
  public static ObjectNode match(Matches.Ranked r) {
    ObjectNode m = JSON.objectNode();
    ProtocolSection p = r.study().protocolSection();
    m.put("nctId", r.match().nctId());
    if (p.identificationModule() != null && p.identificationModule().briefTitle() != null) {
      m.put("title", p.identificationModule().briefTitle());
    }
    if (p.statusModule() != null && p.statusModule().overallStatus() != null) {
      m.put("overallStatus", p.statusModule().overallStatus().name());
    }
    m.put("verdict", r.match().verdict().name());
    m.put("score", round(r.rank()));
    m.put("eligibilityScore", round(r.match().score()));
    m.put("relevance", round(r.relevance()));
    m.put("retrieval", round(r.retrieval()));
    if (!Double.isNaN(r.semantic())) {
      m.put("semantic", round(r.semantic()));
    }
    m.put("met", r.match().criteria().stream().filter(CriterionVerdict::admits).count());
    m.put("unknown", r.match().unknowns().size());
    m.put("notMet", r.match().deciding().size());
    m.set("criteria", criteria(r.match()));
    return m;
  }

  /** Every criterion's verdict, in the record's order. */
  public static ArrayNode criteria(TrialMatch match) {
    ArrayNode out = JSON.arrayNode();
    for (CriterionVerdict v : match.criteria()) {
      ObjectNode c = out.addObject();
      c.put("section", v.section().name().toLowerCase(Locale.ROOT));
      c.put("text", v.criterion().criterion().text());
      c.put("verdict", v.verdict().name());
      c.put("decides", v.excludes());
      c.put("explanation", v.explanation());
      c.put("weight", v.weight());
      ArrayNode checks = c.putArray("checks");
      for (CriterionVerdict.Check check : v.checks()) {
        ObjectNode k = checks.addObject();
        Constraint constraint = check.constraint();
        if (constraint != null) {
          k.put("kind", constraint.kind().name().toLowerCase(Locale.ROOT));
          k.putArray("span").add(constraint.span().start()).add(constraint.span().end());
          k.put("text", constraint.span().of(v.criterion().criterion().text()));
        }
        k.put("verdict", check.verdict().name());
        k.put("evidence", check.evidence());
        k.put("explanation", check.explanation());
        k.put("assumed", check.assumed());
      }
    }
    return out;
  }

  /** The patient as read, each fact with its evidence. */
  public static ObjectNode patient(Patient p) {
    ObjectNode o = JSON.objectNode();
    o.put("asOf", p.asOf().toString());
    p.ageYears().ifPresent(a -> o.putObject("age").put("years", round(a.value())).put("evidence", a.evidence()));
    if (p.sex() != null) {
      o.putObject("sex").put("value", p.sex().value().name().toLowerCase(Locale.ROOT)).put("evidence", p.sex().evidence());
    }
    ArrayNode conditions = o.putArray("conditions");
    p.conditions().forEach(c -> conditions.addObject().put("name", c.name()).put("status", c.status().name().toLowerCase(Locale.ROOT))
        .put("evidence", c.evidence()));
    ArrayNode observations = o.putArray("observations");
    p.observations().forEach(x -> observations.addObject().put("name", x.name()).put("value", x.value()).put("unit", x.unit())
        .put("evidence", x.evidence()));
    ArrayNode therapies = o.putArray("therapies");
    p.therapies().forEach(t -> therapies.addObject().put("name", t.name()).put("kind", t.kind().name().toLowerCase(Locale.ROOT))
        .put("status", t.status().name().toLowerCase(Locale.ROOT)).put("response", t.response().name().toLowerCase(Locale.ROOT))
        .put("evidence", t.evidence()));
    if (p.performance() != null) {
      o.putObject("performance").put("scale", p.performance().scale().name()).put("value", p.performance().value())
          .put("evidence", p.performance().evidence());
    }
    if (p.pregnant() != null) {
      o.putObject("pregnant").put("value", p.pregnant().value()).put("evidence", p.pregnant().evidence());
    }
    return o;
  }

  private static double round(double d) {
    return Math.round(d * 1000) / 1000.0;
  }
}
