package org.trialdex.app.web;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.trialdex.app.Trialdex;
import org.trialdex.app.service.Matches;
import org.trialdex.app.service.PatientInput;
import org.trialdex.core.eligibility.Analytes;
import org.trialdex.core.eligibility.Criterion;
import org.trialdex.core.eligibility.CriterionVerdict;
import org.trialdex.core.eligibility.Patient;
import org.trialdex.core.eligibility.PatientFormatException;
import org.trialdex.core.eligibility.PerformanceScale;
import org.trialdex.core.eligibility.TrialMatch;
import org.trialdex.core.eligibility.Units;
import org.trialdex.core.eligibility.Verdict;

/**
 * Builds the match page from the posted form: reads the patient (short form, note or FHIR bundle),
 * matches, and turns each verdict into plain words. The patient is not kept: the page is rendered
 * and the request forgotten.
 */
final class MatchPages {

  private static final Pattern LAB = Pattern.compile("^\\s*(.+?)\\s*[:=]?\\s*(\\d+(?:[.,]\\d+)?)\\s*(.*)$");

  private MatchPages() {}

  static MatchPage empty() {
    return new MatchPage(MatchPage.Form.empty(), Optional.empty(), List.of(), Optional.empty(), List.of(), 0, false);
  }

  static MatchPage build(Trialdex t, Map<String, List<String>> fields) {
    MatchPage.Form form = form(fields);
    Patient patient;
    try {
      patient = switch (form.mode()) {
        case "note" -> PatientInput.read(PatientInput.Form.NOTE, form.note(), t.matches(), t.clock());
        case "fhir" -> PatientInput.read(PatientInput.Form.FHIR, form.fhir(), t.matches(), t.clock());
        default -> fromForm(form, LocalDate.now(t.clock()));
      };
    } catch (PatientFormatException e) {
      return new MatchPage(form, Optional.of(e.getMessage()), List.of(), Optional.empty(), List.of(), 0, false);
    }
    Matches.Result result = t.matches().match(patient, new Matches.Options(20, form.openOnly()));
    List<MatchPage.Card> cards = new ArrayList<>();
    int rank = 0;
    for (Matches.Ranked r : result.matches()) {
      cards.add(card(++rank, r));
    }
    return new MatchPage(form, Optional.empty(), understood(patient), result.question().map(q -> q.text()
        + " (it would settle a criterion in " + q.trials() + " of the top trials)"), cards, result.candidates(), true);
  }

  private static MatchPage.Form form(Map<String, List<String>> f) {
    String mode = one(f, "mode");
    if (!List.of("form", "note", "fhir").contains(mode)) {
      mode = "form";
    }
    return new MatchPage.Form(mode, one(f, "age"), one(f, "sex"), one(f, "conditions"), one(f, "medications"), one(f, "labs"),
        one(f, "ecog"), one(f, "note"), one(f, "fhir"), f.containsKey("openOnly"));
  }

  private static String one(Map<String, List<String>> f, String name) {
    List<String> v = f.get(name);
    return v == null || v.isEmpty() || v.getFirst() == null ? "" : v.getFirst().strip();
  }

  /** The short form: age, sex, one condition, medication or lab per line, ECOG. */
  static Patient fromForm(MatchPage.Form form, LocalDate today) {
    Patient p = Patient.empty(today);
    if (!form.age().isEmpty()) {
      try {
        p = p.withAge(new Patient.Fact<>(Double.parseDouble(form.age().replace(',', '.')), "form: age"));
      } catch (NumberFormatException e) {
        throw new PatientFormatException("age", "age must be a number of years, not '" + form.age() + "'");
      } catch (IllegalArgumentException e) {
        throw new PatientFormatException("age", e.getMessage());
      }
    }
    if (form.sex().equalsIgnoreCase("female") || form.sex().equalsIgnoreCase("male")) {
      p = p.withSex(new Patient.Fact<>(Patient.Sex.valueOf(form.sex().toUpperCase(Locale.ROOT)), "form: sex"));
    }
    List<Patient.Condition> conditions = new ArrayList<>();
    for (String line : lines(form.conditions())) {
      boolean past = line.toLowerCase(Locale.ROOT).startsWith("history of ");
      String name = past ? line.substring("history of ".length()) : line;
      conditions.add(new Patient.Condition(name, List.of(), past ? Patient.Status.PAST : Patient.Status.ACTIVE, null, "form: " + line));
    }
    List<Patient.Therapy> therapies = new ArrayList<>();
    for (String line : lines(form.medications())) {
      therapies.add(new Patient.Therapy(line, List.of(), Patient.TherapyKind.MEDICATION, Patient.Status.ACTIVE, null, null,
          line.toLowerCase(Locale.ROOT).contains("refractory") ? Patient.Response.REFRACTORY : Patient.Response.UNSTATED, "form: " + line));
    }
    List<Patient.Observation> labs = new ArrayList<>();
    for (String line : lines(form.labs())) {
      Matcher m = LAB.matcher(line);
      if (!m.matches() || Analytes.standard().named(m.group(1)).isEmpty()) {
        throw new PatientFormatException("labs", "cannot read the lab result '" + line
            + "': write one per line as name, value and unit, e.g. 'creatinine 1.1 mg/dL'");
      }
      String unit = m.group(3).isBlank() ? "" : Units.ucum(m.group(3)).orElse(m.group(3).strip());
      labs.add(new Patient.Observation(m.group(1), null, Double.parseDouble(m.group(2).replace(',', '.')), unit, null, null, today,
          "form: " + line));
    }
    p = p.withConditions(conditions).withTherapies(therapies).withObservations(labs);
    if (!form.ecog().isEmpty()) {
      try {
        p = p.withPerformance(new Patient.Performance(PerformanceScale.ECOG, Integer.parseInt(form.ecog()), "form: ECOG " + form.ecog()));
      } catch (IllegalArgumentException e) {
        throw new PatientFormatException("ecog", "ECOG must be a whole number from 0 to 5, not '" + form.ecog() + "'");
      }
    }
    if (p.conditions().isEmpty()) {
      throw new PatientFormatException("conditions", "give at least one condition (one per line), so that trials can be found");
    }
    return p;
  }

  private static List<String> lines(String text) {
    return text.lines().map(String::strip).filter(s -> !s.isEmpty()).toList();
  }

  private static List<String> understood(Patient p) {
    List<String> out = new ArrayList<>();
    p.ageYears().ifPresent(a -> out.add(String.format(Locale.ROOT, "Age %.0f (%s)", a.value(), a.evidence())));
    if (p.sex() != null) {
      out.add("Sex " + p.sex().value().name().toLowerCase(Locale.ROOT) + " (" + p.sex().evidence() + ")");
    }
    for (Patient.Condition c : p.conditions()) {
      out.add(switch (c.status()) {
        case ACTIVE -> "Has " + c.name();
        case PAST -> "History of " + c.name();
        case ABSENT -> "Does not have " + c.name();
      });
    }
    for (Patient.Observation o : p.observations()) {
      out.add(o.name() + " " + fmt(o.value()) + (o.unit().isEmpty() ? "" : " " + o.unit()));
    }
    for (Patient.Therapy th : p.therapies()) {
      out.add((th.status() == Patient.Status.ABSENT ? "Has not received " : th.status() == Patient.Status.ACTIVE ? "Receiving " : "Received ")
          + th.name() + (th.response() == Patient.Response.REFRACTORY ? " (refractory)" : ""));
    }
    if (p.performance() != null) {
      out.add(p.performance().scale() + " " + p.performance().value());
    }
    if (p.pregnant() != null) {
      out.add(p.pregnant().value() ? "Pregnant" : "Not pregnant");
    }
    return out;
  }

  private static MatchPage.Card card(int rank, Matches.Ranked r) {
    TrialMatch m = r.match();
    List<MatchPage.Line> lines = new ArrayList<>();
    StringBuilder fragment = new StringBuilder();
    for (CriterionVerdict v : m.criteria()) {
      boolean fromRecordLimits = v.criterion().criterion().context().contains("Record's limits");
      if (!fromRecordLimits) {
        fragment.append(code(v));
      }
      lines.add(new MatchPage.Line(section(v), v.criterion().criterion().text(), mark(v.verdict()), markClass(v.verdict()),
          v.explanation(), v.excludes()));
    }
    String verdict = switch (m.verdict()) {
      case ELIGIBLE -> "Eligible";
      case POSSIBLY_ELIGIBLE -> "Possibly eligible";
      case INELIGIBLE -> "Not eligible";
    };
    String verdictClass = switch (m.verdict()) {
      case ELIGIBLE -> "eligible";
      case POSSIBLY_ELIGIBLE -> "possibly";
      case INELIGIBLE -> "ineligible";
    };
    long met = m.criteria().stream().filter(CriterionVerdict::admits).count();
    String summary = met + " criteria met, " + m.unknowns().size() + " unknown, " + m.deciding().size() + " rule the patient out";
    var p = r.study().protocolSection();
    String status = p.statusModule() == null || p.statusModule().overallStatus() == null ? "" : Labels.of(p.statusModule().overallStatus().name());
    return new MatchPage.Card(rank, m.nctId(), p.identificationModule().briefTitle(), status, verdict, verdictClass,
        String.format(Locale.ROOT, "%.2f", r.rank()), summary, lines, Links.study(m.nctId()) + "#match=" + fragment);
  }

  /** One letter per criterion for the study page's marks: M met, N not met, U unknown, A not applicable; X for one that rules the patient out. */
  private static char code(CriterionVerdict v) {
    if (v.excludes()) {
      return 'X';
    }
    return switch (v.verdict()) {
      case MET -> 'M';
      case NOT_MET -> 'N';
      case UNKNOWN -> 'U';
      case NOT_APPLICABLE -> 'A';
    };
  }

  private static String section(CriterionVerdict v) {
    if (v.criterion().criterion().context().contains("Record's limits")) {
      return "Record";
    }
    return v.section() == Criterion.Section.EXCLUSION ? "Exclusion" : v.section() == Criterion.Section.INCLUSION ? "Inclusion" : "Criterion";
  }

  private static String mark(Verdict v) {
    return switch (v) {
      case MET -> "Met";
      case NOT_MET -> "Not met";
      case UNKNOWN -> "Unknown";
      case NOT_APPLICABLE -> "Does not apply";
    };
  }

  private static String markClass(Verdict v) {
    return switch (v) {
      case MET -> "met";
      case NOT_MET -> "not-met";
      case UNKNOWN -> "unknown";
      case NOT_APPLICABLE -> "na";
    };
  }

  private static String fmt(double d) {
    return d == Math.rint(d) ? Long.toString((long) d) : Double.toString(d);
  }
}
