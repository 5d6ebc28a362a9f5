package org.trialdex.core.eligibility;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.trialdex.core.eligibility.Constraint.Window;
import org.trialdex.core.eligibility.CriterionVerdict.Check;
import org.trialdex.core.eligibility.Patient.Fact;
import org.trialdex.core.model.EligibilityModule;
import org.trialdex.core.normalize.Age;
import org.trialdex.core.terms.Concept;
import org.trialdex.core.terms.Vocabulary;

/**
 * Judges a patient against parsed criteria: each constraint against the patient's facts (concepts
 * through the vocabulary's hierarchy, lab values through UCUM conversion and reference ranges,
 * performance status across scales, dates against windows), each criterion from its constraints,
 * and the trial from its criteria. A fact the patient does not have gives UNKNOWN, never a guess;
 * consent and compliance items are met by assumption and marked so.
 */
public final class Evaluator {

  /** Women this old or older are taken as past childbearing potential when nothing else is said. */
  static final double CHILDBEARING_AGE_LIMIT = 55;

  private final Vocabulary vocabulary;
  private final Analytes analytes = Analytes.standard();
  private final Set<String> hiv;
  private final Set<String> hbv;
  private final Set<String> hcv;
  private final Set<String> tb;

  /** An evaluator that compares conditions and drugs through {@code vocabulary}. */
  public Evaluator(Vocabulary vocabulary) {
    this.vocabulary = Objects.requireNonNull(vocabulary, "vocabulary");
    this.hiv = ids("HIV Infections", "HIV infection", "HIV");
    this.hbv = ids("Hepatitis B", "hepatitis B virus infection", "Hepatitis B, Chronic");
    this.hcv = ids("Hepatitis C", "hepatitis C virus infection", "Hepatitis C, Chronic");
    this.tb = ids("Tuberculosis", "Latent Tuberculosis", "Tuberculosis, Pulmonary");
  }

  private Set<String> ids(String... names) {
    Set<String> out = new LinkedHashSet<>();
    for (String n : names) {
      vocabulary.lookup(Vocabulary.Area.CONDITION, n).forEach(c -> out.add(c.id()));
    }
    return out;
  }

  /**
   * What the evaluator knows of the trial besides its criteria.
   *
   * @param nctId the trial
   * @param eligibility its eligibility module (sex and age limits), or null
   * @param conditionConcepts the concepts its conditions name
   * @param conditionClosure those concepts and every concept above them
   */
  public record Trial(String nctId, EligibilityModule eligibility, Set<String> conditionConcepts, Set<String> conditionClosure) {
    public Trial {
      Objects.requireNonNull(nctId, "nctId");
      conditionConcepts = Set.copyOf(conditionConcepts);
      conditionClosure = Set.copyOf(conditionClosure);
    }
  }

  /** The trial as the evaluator needs it: its conditions (and keywords, when it lists no condition) read as concepts. */
  public Trial trial(String nctId, EligibilityModule eligibility, List<String> conditions) {
    Set<String> own = new LinkedHashSet<>();
    for (String c : conditions == null ? List.<String>of() : conditions) {
      for (Vocabulary.Match m : vocabulary.find(Vocabulary.Area.CONDITION, c)) {
        if (CriterionParser.conditionWorthy(c.substring(Math.min(m.start(), c.length()), Math.min(m.end(), c.length())))) {
          own.add(m.concept().id());
        }
      }
    }
    Set<String> closure = new LinkedHashSet<>();
    own.forEach(id -> closure.addAll(vocabulary.closure(id)));
    return new Trial(nctId, eligibility, own, closure);
  }

  /**
   * How well the patient's conditions answer the trial's: 1 when a present condition of the patient
   * is one of the trial's or below one in the hierarchy ("lung adenocarcinoma" for a lung cancer
   * trial), 0.6 when the patient's is above the trial's ("cancer" for a breast cancer trial), half as
   * much for a past condition, 0 otherwise.
   */
  public double relevance(Patient patient, Trial trial) {
    PatientView p = view(patient);
    double best = 0;
    for (Patient.Condition c : patient.conditions()) {
      if (c.status() == Patient.Status.ABSENT) {
        continue;
      }
      // A past condition (AML in remission after a transplant) counts for less than a present one.
      double weight = c.status() == Patient.Status.ACTIVE ? 1 : 0.5;
      if (p.closure(c).stream().anyMatch(trial.conditionConcepts()::contains)) {
        best = Math.max(best, weight);
      } else if (p.ids(c).stream().anyMatch(trial.conditionClosure()::contains)) {
        best = Math.max(best, 0.6 * weight);
      }
    }
    return best;
  }

  /** Judges every criterion and the trial. */
  public TrialMatch judge(Trial trial, List<ParsedCriterion> criteria, Patient patient) {
    PatientView view = view(patient);
    List<CriterionVerdict> verdicts = new ArrayList<>(structured(trial.eligibility(), view));
    for (ParsedCriterion pc : criteria) {
      verdicts.add(evaluate(pc, view, trial.conditionClosure()));
    }
    Set<CriterionVerdict> moot = moot(verdicts);
    List<CriterionVerdict> deciding = verdicts.stream().filter(v -> v.excludes() && !moot.contains(v)).toList();
    List<CriterionVerdict> unknowns = verdicts.stream().filter(v -> v.verdict() == Verdict.UNKNOWN && !moot.contains(v))
        .sorted(Comparator.comparingDouble(CriterionVerdict::weight).reversed()).toList();
    TrialMatch.TrialVerdict verdict = !deciding.isEmpty() ? TrialMatch.TrialVerdict.INELIGIBLE
        : unknowns.isEmpty() ? TrialMatch.TrialVerdict.ELIGIBLE : TrialMatch.TrialVerdict.POSSIBLY_ELIGIBLE;
    return new TrialMatch(trial.nctId(), verdict, score(verdicts), verdicts, deciding, unknowns);
  }

  /** Lead-ins whose items are alternatives: one of them is enough. */
  private static final java.util.regex.Pattern ALTERNATIVES = java.util.regex.Pattern.compile(
      "(?i)(?:one|any|either|at least one) of the following|one or more of the following|defined (?:as|by)|as follows|\\beither\\b|\\bor\\s*:?\\s*$");
  private static final java.util.regex.Pattern TRAILING_OR = java.util.regex.Pattern.compile("(?i)\\bor\\s*[:;,.]?\\s*$");

  /**
   * Inclusion items that are alternatives of one another (under "one of the following:", "defined
   * as:", or chained by a trailing "OR") and settled by a sibling: when one admits the patient the
   * others no longer matter; when none does but one is unknown, those not met do not decide.
   */
  private static Set<CriterionVerdict> moot(List<CriterionVerdict> verdicts) {
    Set<CriterionVerdict> moot = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
    List<List<CriterionVerdict>> groups = new ArrayList<>();
    List<CriterionVerdict> group = new ArrayList<>();
    List<String> groupContext = null;
    boolean chained = false;
    for (CriterionVerdict v : verdicts) {
      Criterion c = v.criterion().criterion();
      boolean inclusion = c.section() != Criterion.Section.EXCLUSION;
      boolean alternative = inclusion && !c.context().isEmpty() && ALTERNATIVES.matcher(c.context().getLast()).find();
      boolean continues = inclusion && (chained || alternative && c.context().equals(groupContext));
      if (!continues) {
        if (group.size() > 1) {
          groups.add(group);
        }
        group = new ArrayList<>();
      }
      if (inclusion && (alternative || chained || TRAILING_OR.matcher(c.text()).find())) {
        group.add(v);
      }
      groupContext = alternative ? c.context() : null;
      chained = inclusion && TRAILING_OR.matcher(c.text()).find();
    }
    if (group.size() > 1) {
      groups.add(group);
    }
    for (List<CriterionVerdict> g : groups) {
      boolean admitted = g.stream().anyMatch(v -> v.verdict() == Verdict.MET);
      boolean open = g.stream().anyMatch(v -> v.verdict() == Verdict.UNKNOWN);
      for (CriterionVerdict v : g) {
        if (admitted && v.verdict() != Verdict.MET || !admitted && open && v.verdict() == Verdict.NOT_MET) {
          moot.add(v);
        }
      }
    }
    return moot;
  }

  /**
   * The eligibility score in [-1, 1]: the weight of criteria that admit the patient, less twice the
   * weight of those that rule them out, over the weight of all; unknowns count half for.
   */
  static double score(List<CriterionVerdict> verdicts) {
    double total = 0;
    double sum = 0;
    for (CriterionVerdict v : verdicts) {
      if (v.verdict() == Verdict.NOT_APPLICABLE) {
        continue;
      }
      total += v.weight();
      if (v.excludes()) {
        sum -= 2 * v.weight();
      } else if (v.admits()) {
        sum += v.weight();
      } else {
        sum += 0.5 * v.weight();
      }
    }
    return total == 0 ? 0.5 : Math.max(-1, sum / total);
  }

  /** Judges one criterion of {@code trial}. */
  public CriterionVerdict evaluate(ParsedCriterion pc, Patient patient, Trial trial) {
    return evaluate(pc, view(patient), trial.conditionClosure());
  }

  private CriterionVerdict evaluate(ParsedCriterion pc, PatientView p, Set<String> trialConcepts) {
    double weight = weight(pc);
    Optional<String> notFor = notApplicable(pc.appliesTo(), p);
    if (notFor.isPresent()) {
      return new CriterionVerdict(pc, Verdict.NOT_APPLICABLE, List.of(new Check(null, Verdict.NOT_APPLICABLE, notFor.get(),
          "applies to " + pc.appliesTo().name().toLowerCase(Locale.ROOT).replace('_', ' ') + " only; " + notFor.get(), false)), weight);
    }
    List<Check> checks = new ArrayList<>();
    for (Constraint c : pc.constraints()) {
      checks.add(check(c, pc, p, trialConcepts));
    }
    return new CriterionVerdict(pc, combine(checks, pc.anyOf()), checks, weight);
  }

  private static Verdict combine(List<Check> checks, boolean anyOf) {
    List<Verdict> vs = checks.stream().map(Check::verdict).filter(v -> v != Verdict.NOT_APPLICABLE).toList();
    if (vs.isEmpty()) {
      return checks.isEmpty() ? Verdict.UNKNOWN : Verdict.NOT_APPLICABLE;
    }
    if (anyOf) {
      return vs.contains(Verdict.MET) ? Verdict.MET : vs.contains(Verdict.UNKNOWN) ? Verdict.UNKNOWN : Verdict.NOT_MET;
    }
    return vs.contains(Verdict.NOT_MET) ? Verdict.NOT_MET : vs.contains(Verdict.UNKNOWN) ? Verdict.UNKNOWN : Verdict.MET;
  }

  /** How much a criterion matters when unknown: diagnoses most, consent items least. */
  static double weight(ParsedCriterion pc) {
    double w = 0.5;
    for (Constraint c : pc.constraints()) {
      w = Math.max(w, switch (c.kind()) {
        case CONDITION -> 3;
        case AGE, SEX -> 2.5;
        case THERAPY -> 1.5;
        case PERFORMANCE, MEASUREMENT, INFECTION -> 1.2;
        case REPRODUCTIVE, LIFE_EXPECTANCY -> 0.8;
        case ASSUMED -> 0.2;
      });
    }
    return w;
  }

  private static Optional<String> notApplicable(ParsedCriterion.AppliesTo to, PatientView p) {
    Patient.Sex sex = p.sex();
    return switch (to) {
      case EVERYONE -> Optional.empty();
      case OF_REPRODUCTIVE_POTENTIAL -> sex == Patient.Sex.FEMALE && p.pastChildbearing()
          ? Optional.of("the patient is past childbearing potential (" + p.childbearingEvidence() + ")") : Optional.empty();
      case FEMALE -> sex == Patient.Sex.MALE ? Optional.of("the patient is male (" + p.patient.sex().evidence() + ")") : Optional.empty();
      case MALE -> sex == Patient.Sex.FEMALE ? Optional.of("the patient is female (" + p.patient.sex().evidence() + ")") : Optional.empty();
      case FEMALE_OF_CHILDBEARING_POTENTIAL -> {
        if (sex == Patient.Sex.MALE) {
          yield Optional.of("the patient is male (" + p.patient.sex().evidence() + ")");
        }
        if (sex == Patient.Sex.FEMALE && p.pastChildbearing()) {
          yield Optional.of("the patient is past childbearing potential (" + p.childbearingEvidence() + ")");
        }
        yield Optional.empty();
      }
    };
  }

  // ---- the record's own sex and age limits

  private List<CriterionVerdict> structured(EligibilityModule e, PatientView p) {
    List<CriterionVerdict> out = new ArrayList<>();
    if (e == null) {
      return out;
    }
    if (e.sex() != null && e.sex() != org.trialdex.core.model.Sex.ALL) {
      Patient.Sex sex = e.sex() == org.trialdex.core.model.Sex.FEMALE ? Patient.Sex.FEMALE : Patient.Sex.MALE;
      String text = "Sex: " + sex.name().toLowerCase(Locale.ROOT);
      Constraint c = new Constraint.SexIs(new Constraint.Span(5, text.length()), sex);
      out.add(structuredVerdict(text, c, p));
    }
    Optional<Age> min = Optional.ofNullable(e.minimumAge()).flatMap(Age::parse);
    Optional<Age> max = Optional.ofNullable(e.maximumAge()).flatMap(Age::parse);
    if (min.isPresent() || max.isPresent()) {
      String text = "Age: " + min.map(Age::toString).orElse("no minimum") + " to " + max.map(Age::toString).orElse("no maximum");
      Constraint c = new Constraint.Age(new Constraint.Span(5, text.length()), min.map(a -> a.days() / 365.25).orElse(null), true,
          max.map(a -> a.days() / 365.25).orElse(null), true);
      out.add(structuredVerdict(text, c, p));
    }
    return out;
  }

  private CriterionVerdict structuredVerdict(String text, Constraint c, PatientView p) {
    Criterion criterion = new Criterion(Criterion.Section.INCLUSION, text, 0, text.length(), 0, List.of("Record's limits"));
    ParsedCriterion pc = new ParsedCriterion(criterion, List.of(c), ParsedCriterion.AppliesTo.EVERYONE, false);
    return evaluate(pc, p, Set.of());
  }

  // ---- constraints

  private Check check(Constraint c, ParsedCriterion pc, PatientView p, Set<String> trialConcepts) {
    return switch (c) {
      case Constraint.Age a -> age(a, p);
      case Constraint.SexIs s -> sex(s, p);
      case Constraint.HasCondition h -> condition(h, pc, p, trialConcepts);
      case Constraint.Measurement m -> measurement(m, p);
      case Constraint.Performance ps -> performance(ps, p);
      case Constraint.Reproductive r -> reproductive(r, p);
      case Constraint.LifeExpectancy l -> new Check(l, Verdict.UNKNOWN, "", "life expectancy is a physician's estimate the record does not give", false);
      case Constraint.Therapy t -> therapy(t, p);
      case Constraint.Infection i -> infection(i, p);
      case Constraint.Assumed a -> new Check(a, a.negated() ? Verdict.NOT_MET : Verdict.MET, "",
          (a.negated() ? "assumed able and willing: " : "assumed: ") + a.what() + " item", true);
    };
  }

  private static Check age(Constraint.Age a, PatientView p) {
    Optional<Fact<Double>> age = p.patient.ageYears();
    if (age.isEmpty()) {
      return new Check(a, Verdict.UNKNOWN, "", "the patient's age is not known", false);
    }
    double years = age.get().value();
    boolean ok = a.admits(years);
    return new Check(a, ok ? Verdict.MET : Verdict.NOT_MET, age.get().evidence(),
        "age " + fmt(years) + (ok ? " is within " : " is outside ") + a.describe(), false);
  }

  private static Check sex(Constraint.SexIs s, PatientView p) {
    if (p.sex() == null) {
      return new Check(s, Verdict.UNKNOWN, "", "the patient's sex is not known", false);
    }
    boolean ok = p.sex() == s.sex();
    return new Check(s, ok ? Verdict.MET : Verdict.NOT_MET, p.patient.sex().evidence(),
        "the patient is " + p.sex().name().toLowerCase(Locale.ROOT) + (ok ? "" : ", not " + s.sex().name().toLowerCase(Locale.ROOT)), false);
  }

  private Check condition(Constraint.HasCondition h, ParsedCriterion pc, PatientView p, Set<String> trialConcepts) {
    String name = h.mention();
    Patient.Condition best = null;
    boolean broader = false;
    for (Patient.Condition pcnd : p.patient.conditions()) {
      Set<String> closure = p.closure(pcnd);
      if (h.conceptIds().stream().anyMatch(closure::contains)) {
        if (best == null || pcnd.status().strength() > best.status().strength()) {
          best = pcnd;
        }
      } else if (!broader && p.ids(pcnd).stream().anyMatch(id -> h.conceptIds().stream().anyMatch(cid -> vocabulary.closure(cid).contains(id)))) {
        broader = true;
      }
    }
    Verdict v;
    String why;
    String evidence = "";
    if (best != null) {
      evidence = best.evidence();
      switch (best.status()) {
        case ABSENT -> {
          v = Verdict.NOT_MET;
          why = "the patient does not have " + name;
        }
        case PAST -> {
          if (h.window().current()) {
            v = Verdict.NOT_MET;
            why = "the patient's " + best.name() + " is past, not current";
          } else if (h.window().withinDays() != null) {
            if (best.onset() == null) {
              v = Verdict.UNKNOWN;
              why = "the patient had " + best.name() + ", but when is not known (" + h.window().describe() + " asked)";
            } else {
              long days = ChronoUnit.DAYS.between(best.onset(), p.patient.asOf());
              v = days <= h.window().withinDays() ? Verdict.MET : Verdict.NOT_MET;
              why = "the patient's " + best.name() + " began " + days + " days ago (" + h.window().describe() + " asked)";
            }
          } else {
            v = Verdict.MET;
            why = "the patient has a history of " + best.name();
          }
        }
        default -> {
          if (h.window().withinDays() != null || h.window().atLeastDaysAgo() != null) {
            if (best.onset() == null) {
              v = Verdict.UNKNOWN;
              why = "the patient has " + best.name() + ", but since when is not known (" + h.window().describe() + " asked)";
            } else {
              long days = ChronoUnit.DAYS.between(best.onset(), p.patient.asOf());
              boolean within = h.window().withinDays() == null || days <= h.window().withinDays();
              boolean longAgo = h.window().atLeastDaysAgo() == null || days >= h.window().atLeastDaysAgo();
              v = within && longAgo ? Verdict.MET : Verdict.NOT_MET;
              why = "the patient's " + best.name() + " began " + days + " days ago (" + h.window().describe() + " asked)";
            }
          } else {
            v = Verdict.MET;
            why = "the patient has " + best.name();
          }
        }
      }
      if (h.qualified() && best.status() != Patient.Status.ABSENT && v == Verdict.MET) {
        v = Verdict.UNKNOWN;
        why = "the patient has " + best.name() + ", but whether it is as the criterion qualifies it (" + h.mention() + ") is not stated";
      }
    } else if (broader) {
      v = Verdict.UNKNOWN;
      why = "the patient's condition is broader than " + name + "; whether it is " + name + " is not known";
    } else if (pc.criterion().section() != Criterion.Section.EXCLUSION && !h.negated()
        && h.conceptIds().stream().anyMatch(trialConcepts::contains) && p.competing(h.conceptIds()) != null) {
      Patient.Condition other = p.competing(h.conceptIds());
      v = Verdict.NOT_MET;
      why = "the trial's condition " + name + " is not the patient's diagnosis, " + other.name();
      evidence = other.evidence();
    } else if (p.noPastHistory() && !h.window().current() && (h.negated() || pc.criterion().section() == Criterion.Section.EXCLUSION)) {
      v = Verdict.NOT_MET;
      why = "the patient has no past medical history, so no " + name;
      evidence = p.noPastHistoryEvidence();
    } else {
      v = Verdict.UNKNOWN;
      why = "the record does not say whether the patient has " + name;
    }
    boolean excluding = h.negated() || pc.criterion().section() == Criterion.Section.EXCLUSION;
    if (excluding && v == Verdict.MET && best != null && p.ids(best).stream().anyMatch(trialConcepts::contains)) {
      // "No prior or current chronic liver disease" in a hepatitis C trial means another liver disease.
      v = Verdict.UNKNOWN;
      why = "the patient's " + best.name() + " is the condition the trial studies; whether the criterion means another form of it is not settled";
    }
    if (h.negated()) {
      v = v.negate();
      why = "no " + name + " asked: " + why;
    }
    return new Check(h, v, evidence, why, false);
  }

  private Check measurement(Constraint.Measurement m, PatientView p) {
    Analytes.Analyte a = m.analyte();
    Patient.Observation obs = p.latest(a);
    if (obs == null) {
      Optional<String> normal = p.normalPanel(a);
      if (normal.isPresent() && !Double.isNaN(a.low()) && !Double.isNaN(a.high())) {
        return normalRange(m, a, normal.get());
      }
      return new Check(m, Verdict.UNKNOWN, "", "no " + a.name() + " result in the record (" + m.describe() + " asked)", false);
    }
    String obsUnit = Units.ucum(obs.unit()).orElse(obs.unit());
    if (obsUnit.isEmpty()) {
      obsUnit = a.unit();
    }
    String shown = fmt(obs.value()) + (obs.unit().isEmpty() ? "" : " " + obs.unit());
    switch (m.reference()) {
      case ABSOLUTE -> {
        Optional<Double> value = Units.convert(obs.value(), obsUnit, m.unit().isEmpty() ? a.unit() : m.unit(), a.molarMass());
        if (value.isEmpty()) {
          return new Check(m, Verdict.UNKNOWN, obs.evidence(), a.name() + " " + shown + " cannot be compared with " + m.unit(), false);
        }
        boolean ok = m.comparator().holds(value.get(), m.value(), m.upper());
        String conv = obsUnit.equals(m.unit()) ? "" : " (" + fmt(round(value.get())) + " " + m.unit() + ")";
        return new Check(m, ok ? Verdict.MET : Verdict.NOT_MET, obs.evidence(),
            a.name() + " " + shown + conv + (ok ? " meets " : " does not meet ") + m.describe(), false);
      }
      default -> {
        Optional<Double> inOwn = Units.convert(obs.value(), obsUnit, a.unit(), a.molarMass());
        double value = inOwn.orElse(obs.value());
        boolean rangeOwn = obs.high() != null || obs.low() != null;
        double low = obs.low() != null ? obs.low() : a.low();
        double high = obs.high() != null ? obs.high() : a.high();
        if (!rangeOwn) {
          value = inOwn.orElse(Double.NaN);
        } else {
          value = obs.value();
        }
        String range = rangeOwn ? "the result's reference range" : "a typical adult reference range (" + fmt(a.low()) + "–" + fmt(a.high()) + " " + a.unit() + ")";
        boolean ok;
        if (Double.isNaN(value)) {
          return new Check(m, Verdict.UNKNOWN, obs.evidence(), a.name() + " " + shown + " has no usable unit", false);
        }
        if (m.reference() == Constraint.Reference.NORMAL) {
          if (Double.isNaN(low) && Double.isNaN(high)) {
            return new Check(m, Verdict.UNKNOWN, obs.evidence(), "no reference range for " + a.name(), false);
          }
          ok = (Double.isNaN(low) || value >= low) && (Double.isNaN(high) || value <= high);
        } else {
          double limit = m.reference() == Constraint.Reference.ULN ? high : low;
          if (Double.isNaN(limit)) {
            return new Check(m, Verdict.UNKNOWN, obs.evidence(), "no " + m.reference() + " known for " + a.name(), false);
          }
          ok = m.comparator().holds(value, m.value() * limit, m.upper() * limit);
        }
        return new Check(m, ok ? Verdict.MET : Verdict.NOT_MET, obs.evidence(),
            a.name() + " " + shown + (ok ? " meets " : " does not meet ") + m.describe() + ", taking " + range, false);
      }
    }
  }

  /**
   * A limit judged from a statement that the analyte's panel was normal: met when every value of the
   * typical reference range meets it, not met when none does, else unknown.
   */
  private static Check normalRange(Constraint.Measurement m, Analytes.Analyte a, String evidence) {
    double lo;
    double hi;
    if (m.reference() == Constraint.Reference.ABSOLUTE) {
      Optional<Double> l = Units.convert(a.low(), a.unit(), m.unit().isEmpty() ? a.unit() : m.unit(), a.molarMass());
      Optional<Double> h = Units.convert(a.high(), a.unit(), m.unit().isEmpty() ? a.unit() : m.unit(), a.molarMass());
      if (l.isEmpty() || h.isEmpty()) {
        return new Check(m, Verdict.UNKNOWN, evidence, a.name() + " reported normal, but " + m.unit() + " cannot be compared", false);
      }
      lo = l.get();
      hi = h.get();
    } else if (m.reference() == Constraint.Reference.NORMAL) {
      return new Check(m, Verdict.MET, evidence, a.name() + " reported within normal limits", false);
    } else {
      double limit = m.reference() == Constraint.Reference.ULN ? a.high() : a.low();
      lo = a.low() / limit;
      hi = a.high() / limit;
    }
    boolean both = m.comparator().holds(lo, m.value(), m.upper()) && m.comparator().holds(hi, m.value(), m.upper());
    boolean neither = !m.comparator().holds(lo, m.value(), m.upper()) && !m.comparator().holds(hi, m.value(), m.upper());
    Verdict v = both ? Verdict.MET : neither ? Verdict.NOT_MET : Verdict.UNKNOWN;
    return new Check(m, v, evidence, a.name() + " reported normal (typical range " + fmt(a.low()) + "–" + fmt(a.high()) + " " + a.unit() + ")"
        + (both ? ", which meets " : neither ? ", which does not meet " : ", which may or may not meet ") + m.describe(), false);
  }

  private static double round(double v) {
    return Math.round(v * 100) / 100.0;
  }

  private static Check performance(Constraint.Performance c, PatientView p) {
    Patient.Performance ps = p.patient.performance();
    if (ps == null) {
      return new Check(c, Verdict.UNKNOWN, "", "performance status is not in the record", false);
    }
    String asked = c.scale() + " " + c.min() + "–" + c.max();
    String has = ps.scale() + " " + ps.value();
    boolean sameKind = (c.scale() == PerformanceScale.ECOG) == (ps.scale() == PerformanceScale.ECOG);
    if (sameKind) {
      boolean ok = ps.value() >= c.min() && ps.value() <= c.max();
      return new Check(c, ok ? Verdict.MET : Verdict.NOT_MET, ps.evidence(), has + (ok ? " is within " : " is outside ") + asked, false);
    }
    if (c.scale() == PerformanceScale.ECOG) {
      int ecog = PerformanceScale.ecogOf(ps.value());
      boolean ok = ecog >= c.min() && ecog <= c.max();
      return new Check(c, ok ? Verdict.MET : Verdict.NOT_MET, ps.evidence(),
          has + " corresponds to ECOG " + ecog + (ok ? ", within " : ", outside ") + asked, false);
    }
    int[] band = PerformanceScale.percentBand(ps.value());
    boolean all = band[0] >= c.min() && band[1] <= c.max();
    boolean none = band[1] < c.min() || band[0] > c.max();
    Verdict v = all ? Verdict.MET : none ? Verdict.NOT_MET : Verdict.UNKNOWN;
    return new Check(c, v, ps.evidence(), has + " corresponds to Karnofsky " + band[0] + "–" + band[1]
        + (all ? ", within " : none ? ", outside " : ", partly within ") + asked, false);
  }

  private static Check reproductive(Constraint.Reproductive r, PatientView p) {
    Verdict v;
    String why;
    String evidence = "";
    boolean male = p.sex() == Patient.Sex.MALE;
    switch (r.what()) {
      case NEGATIVE_PREGNANCY_TEST -> {
        if (male) {
          return new Check(r, Verdict.NOT_APPLICABLE, p.patient.sex().evidence(), "a pregnancy test does not apply to a male patient", false);
        }
        if (p.sex() == Patient.Sex.FEMALE && p.pastChildbearing()) {
          return new Check(r, Verdict.NOT_APPLICABLE, p.childbearingEvidence(), "a pregnancy test does not apply past childbearing potential", false);
        }
        Fact<Boolean> preg = p.patient.pregnant();
        v = preg == null ? Verdict.UNKNOWN : preg.value() ? Verdict.NOT_MET : Verdict.MET;
        why = preg == null ? "no pregnancy test in the record" : preg.value() ? "the patient is pregnant" : "the patient is not pregnant";
        evidence = preg == null ? "" : preg.evidence();
      }
      case CHILDBEARING_POTENTIAL -> {
        if (male) {
          v = Verdict.NOT_MET;
          why = "the patient is male";
          evidence = p.patient.sex().evidence();
        } else if (p.sex() == Patient.Sex.FEMALE && p.pastChildbearing()) {
          v = Verdict.NOT_MET;
          why = "the patient is past childbearing potential";
          evidence = p.childbearingEvidence();
        } else {
          v = Verdict.UNKNOWN;
          why = "childbearing potential is not known";
        }
      }
      default -> {
        boolean askPregnant = r.what() != Constraint.Reproductive.What.LACTATING;
        boolean askLactating = r.what() != Constraint.Reproductive.What.PREGNANT;
        if (male) {
          v = Verdict.NOT_MET;
          why = "the patient is male, so neither pregnant nor breast-feeding";
          evidence = p.patient.sex().evidence();
        } else {
          Fact<Boolean> preg = p.patient.pregnant();
          Fact<Boolean> lact = p.patient.lactating();
          boolean isPregnant = askPregnant && preg != null && preg.value();
          boolean isLactating = askLactating && lact != null && lact.value();
          boolean pregnancyKnown = !askPregnant || preg != null || p.pastChildbearing();
          boolean lactationKnown = !askLactating || lact != null || p.pastChildbearing();
          if (isPregnant || isLactating) {
            v = Verdict.MET;
            why = isPregnant ? "the patient is pregnant" : "the patient is breast-feeding";
            evidence = isPregnant ? preg.evidence() : lact.evidence();
          } else if (pregnancyKnown && lactationKnown) {
            v = Verdict.NOT_MET;
            why = p.pastChildbearing() && preg == null ? "the patient is past childbearing age" : "the patient is not pregnant or breast-feeding";
            evidence = preg != null ? preg.evidence() : p.childbearingEvidence();
          } else {
            v = Verdict.UNKNOWN;
            why = "pregnancy and breast-feeding are not stated";
          }
        }
      }
    }
    if (r.negated()) {
      v = v.negate();
      why = "not pregnant or breast-feeding asked: " + why;
    }
    return new Check(r, v, evidence, why, false);
  }

  private Check therapy(Constraint.Therapy t, PatientView p) {
    Patient.Therapy best = null;
    for (Patient.Therapy pt : p.patient.therapies()) {
      if (p.therapyMatches(pt, t)) {
        if (best == null || pt.status().strength() > best.status().strength()) {
          best = pt;
        }
      }
    }
    String label = t.therapy() == Therapies.Kind.NAMED ? t.mention() : t.therapy().label();
    Verdict v;
    String why;
    String evidence = best == null ? "" : best.evidence();
    if (best == null) {
      v = Verdict.UNKNOWN;
      why = "the record does not say whether the patient received " + label;
    } else if (best.status() == Patient.Status.ABSENT) {
      v = Verdict.NOT_MET;
      why = "the patient has not received " + label;
    } else if (t.refractory() && best.response() != Patient.Response.REFRACTORY) {
      v = Verdict.UNKNOWN;
      why = "the patient received " + best.name() + ", but whether the disease was refractory to it is not stated";
    } else {
      Window w = t.window();
      if (w.current()) {
        v = best.status() == Patient.Status.ACTIVE ? Verdict.MET : Verdict.NOT_MET;
        why = "the patient " + (best.status() == Patient.Status.ACTIVE ? "is receiving " : "is no longer receiving ") + best.name();
      } else if (w.withinDays() != null || w.atLeastDaysAgo() != null) {
        LocalDate last = best.status() == Patient.Status.ACTIVE ? p.patient.asOf() : best.end() != null ? best.end() : best.start();
        if (last == null) {
          v = Verdict.UNKNOWN;
          why = "the patient received " + best.name() + ", but when is not known (" + w.describe() + " asked)";
        } else {
          long days = ChronoUnit.DAYS.between(last, p.patient.asOf());
          boolean within = w.withinDays() == null || days <= w.withinDays();
          boolean longAgo = w.atLeastDaysAgo() == null || days >= w.atLeastDaysAgo();
          v = within && longAgo ? Verdict.MET : Verdict.NOT_MET;
          why = "the patient's " + best.name() + " was last given " + days + " days ago (" + w.describe() + " asked)";
          if (atTheLimit(days, w)) {
            // "6 months ago" against "within the last 6 months": dates in notes and histories are rounded
            v = Verdict.UNKNOWN;
            why += ", at the limit";
          }
        }
      } else {
        v = Verdict.MET;
        why = "the patient received " + best.name() + (t.refractory() ? " and the disease was refractory to it" : "");
      }
      if (t.minLines() > 1 && v == Verdict.MET) {
        long lines = p.patient.therapies().stream().filter(x -> x.status() != Patient.Status.ABSENT && x.kind() == Patient.TherapyKind.MEDICATION).count();
        if (lines < t.minLines()) {
          v = Verdict.UNKNOWN;
          why += "; " + t.minLines() + " lines asked, " + lines + " therapies recorded";
        }
      }
    }
    if (t.negated()) {
      v = v.negate();
      why = "no " + label + " asked: " + why;
    }
    return new Check(t, v, evidence, why, false);
  }

  private Check infection(Constraint.Infection i, PatientView p) {
    Set<String> ids = switch (i.agent()) {
      case HIV -> hiv;
      case HBV -> hbv;
      case HCV -> hcv;
      case TB -> tb;
    };
    Patient.Condition found = null;
    for (Patient.Condition c : p.patient.conditions()) {
      Set<String> closure = p.closure(c);
      if (ids.stream().anyMatch(closure::contains) || c.name().toLowerCase(Locale.ROOT).matches(".*\\b" + i.agent().name().toLowerCase(Locale.ROOT) + "\\b.*")) {
        if (found == null || c.status().strength() > found.status().strength()) {
          found = c;
        }
      }
    }
    Verdict v;
    String why;
    if (found == null && p.noPastHistory()) {
      v = Verdict.NOT_MET;
      why = "the patient has no past medical history, so no known " + i.agent();
    } else if (found == null) {
      v = Verdict.UNKNOWN;
      why = i.agent() + " status is not in the record";
    } else if (found.status() == Patient.Status.ABSENT) {
      v = Verdict.NOT_MET;
      why = "the patient does not have " + i.agent();
    } else {
      v = Verdict.MET;
      why = "the patient has " + (found.status() == Patient.Status.PAST ? "a history of " : "") + found.name();
    }
    if (i.negated()) {
      v = v.negate();
      why = "no " + i.agent() + " asked: " + why;
    }
    return new Check(i, v, found != null ? found.evidence() : p.noPastHistory() ? p.noPastHistoryEvidence() : "", why, false);
  }

  /** Days this close to a window's limit do not settle which side of it a rounded date falls on. */
  static final int DATE_MARGIN_DAYS = 3;

  private static boolean atTheLimit(long days, Window w) {
    return w.withinDays() != null && Math.abs(days - w.withinDays()) <= DATE_MARGIN_DAYS
        || w.atLeastDaysAgo() != null && Math.abs(days - w.atLeastDaysAgo()) <= DATE_MARGIN_DAYS;
  }

  private static String fmt(double d) {
    return d == Math.rint(d) && Math.abs(d) < 1e12 ? Long.toString((long) d) : String.format(Locale.ROOT, "%.3g", d);
  }

  /** The last patient's view: a match judges one patient against many trials, so its concepts are resolved once. */
  private final java.util.concurrent.atomic.AtomicReference<PatientView> last = new java.util.concurrent.atomic.AtomicReference<>();

  private PatientView view(Patient patient) {
    PatientView v = last.get();
    if (v == null || v.patient != patient) {
      v = new PatientView(patient);
      last.set(v);
    }
    return v;
  }

  /** The patient's facts, with concepts resolved once; safe to share between threads. */
  private final class PatientView {
    final Patient patient;
    private final java.util.Map<Patient.Condition, Set<String>> ids = new java.util.concurrent.ConcurrentHashMap<>();
    private final java.util.Map<Patient.Condition, Set<String>> closures = new java.util.concurrent.ConcurrentHashMap<>();

    PatientView(Patient patient) {
      this.patient = patient;
    }

    Patient.Sex sex() {
      return patient.sex() == null ? null : patient.sex().value();
    }

    Set<String> ids(Patient.Condition c) {
      return ids.computeIfAbsent(c, k -> {
        Set<String> out = new LinkedHashSet<>();
        for (String code : k.codes()) {
          int bar = code.indexOf('|');
          String system = bar < 0 ? "" : code.substring(0, bar).toLowerCase(Locale.ROOT);
          String id = code.substring(bar + 1);
          if (system.equals("vocab") || system.equals("mesh") || system.contains("nlm.nih.gov/mesh") || system.equals("doid")) {
            vocabulary.concept(id).ifPresent(concept -> out.add(concept.id()));
          }
        }
        if (out.isEmpty()) {
          for (Vocabulary.Match m : vocabulary.find(Vocabulary.Area.CONDITION, k.name())) {
            out.add(m.concept().id());
          }
        }
        return out;
      });
    }

    Set<String> closure(Patient.Condition c) {
      return closures.computeIfAbsent(c, k -> {
        Set<String> out = new HashSet<>();
        for (String id : ids(k)) {
          out.addAll(vocabulary.closure(id));
        }
        return out;
      });
    }

    boolean noPastHistory() {
      return patient.conditions().stream().anyMatch(c -> c.codes().contains(NoteReader.NO_HISTORY) && c.status() == Patient.Status.ABSENT);
    }

    String noPastHistoryEvidence() {
      return patient.conditions().stream().filter(c -> c.codes().contains(NoteReader.NO_HISTORY)).map(Patient.Condition::evidence).findFirst().orElse("");
    }

    /**
     * A present diagnosis of the patient other than the criterion's condition, one in the same MeSH
     * category (C04 neoplasms, C14 cardiovascular...) first; signs and symptoms (C23) are not
     * diagnoses. Null when the patient has none, so that an absent diagnosis is only held against a
     * patient whose own is known.
     */
    Patient.Condition competing(List<String> criterionIds) {
      Set<String> categories = new HashSet<>();
      for (String id : criterionIds) {
        categories.addAll(categories(id));
      }
      Patient.Condition anyDisease = null;
      for (Patient.Condition c : patient.conditions()) {
        if (c.status() != Patient.Status.ACTIVE || c.codes().contains(NoteReader.NO_HISTORY)) {
          continue;
        }
        for (String id : ids(c)) {
          Set<String> own = categories(id);
          if (own.stream().anyMatch(categories::contains)) {
            return c;
          }
          if (anyDisease == null && !own.isEmpty()) {
            anyDisease = c;
          }
        }
      }
      return anyDisease;
    }

    private Set<String> categories(String id) {
      Set<String> out = new HashSet<>();
      for (Concept c : vocabulary.mesh(id)) {
        for (String tree : c.treeNumbers()) {
          if (tree.length() >= 3 && !tree.startsWith("C23")) {
            out.add(tree.substring(0, 3));
          }
        }
      }
      return out;
    }

    boolean hasActiveCondition() {
      return patient.conditions().stream().anyMatch(c -> c.status() == Patient.Status.ACTIVE);
    }

    String diagnoses() {
      return String.join(", ", patient.conditions().stream().filter(c -> c.status() != Patient.Status.ABSENT).map(Patient.Condition::name).distinct().limit(6).toList());
    }

    String diagnosesEvidence() {
      return patient.conditions().stream().filter(c -> c.status() == Patient.Status.ACTIVE).map(Patient.Condition::evidence).findFirst().orElse("");
    }

    boolean pastChildbearing() {
      if (patient.pregnant() != null && !patient.pregnant().value() && patient.pregnant().evidence().toLowerCase(Locale.ROOT)
          .matches(".*(?:menopaus|hysterectomy|oophorectomy).*")) {
        return true;
      }
      return patient.ageYears().map(a -> a.value() >= CHILDBEARING_AGE_LIMIT).orElse(false);
    }

    String childbearingEvidence() {
      if (patient.pregnant() != null && patient.pregnant().evidence().toLowerCase(Locale.ROOT).matches(".*(?:menopaus|hysterectomy|oophorectomy).*")) {
        return patient.pregnant().evidence();
      }
      return patient.ageYears().map(a -> a.evidence() + " (women " + fmt(CHILDBEARING_AGE_LIMIT) + " or older taken as past childbearing potential)").orElse("");
    }

    /** A free-text fact saying the panel that holds this analyte was normal ("CBC normal", "normal liver function tests"). */
    Optional<String> normalPanel(Analytes.Analyte a) {
      for (String fact : patient.facts()) {
        java.util.regex.Matcher m = NORMAL_PANEL.matcher(fact);
        while (m.find()) {
          String panel = (m.group(1) != null ? m.group(1) : m.group(2)).toLowerCase(Locale.ROOT);
          if (panelHolds(panel, a.id())) {
            return Optional.of("note: " + fact.strip());
          }
        }
      }
      return Optional.empty();
    }

    Patient.Observation latest(Analytes.Analyte a) {
      Patient.Observation best = null;
      for (Patient.Observation o : patient.observations()) {
        boolean same = (o.code() != null && (analytes.forLoinc(o.code()).filter(a::equals).isPresent()
            || o.code().equals("trialdex|" + a.id()))) || analytes.named(o.name()).filter(a::equals).isPresent();
        if (same && (best == null || (o.date() != null && (best.date() == null || o.date().isAfter(best.date()))))) {
          best = o;
        }
      }
      return best;
    }

    boolean therapyMatches(Patient.Therapy pt, Constraint.Therapy t) {
      if (t.therapy() == Therapies.Kind.ANY) {
        return true;
      }
      if (t.therapy() == Therapies.Kind.NAMED) {
        Set<String> patientIds = new HashSet<>();
        for (String code : pt.codes()) {
          if (code.startsWith("vocab|") || code.startsWith("mesh|")) {
            patientIds.add(code.substring(code.indexOf('|') + 1));
          }
        }
        for (Vocabulary.Match m : vocabulary.find(Vocabulary.Area.INTERVENTION, pt.name())) {
          patientIds.add(m.concept().id());
        }
        for (String id : patientIds) {
          if (t.conceptIds().stream().anyMatch(vocabulary.closure(id)::contains)) {
            return true;
          }
        }
        return false;
      }
      boolean sameClass = t.therapy().names(pt.name()) || Therapies.classesOf(pt.name()).contains(t.therapy());
      if (sameClass && t.therapy() == Therapies.Kind.SURGERY && t.mention().strip().contains(" ")) {
        // "cardiac surgery" asks for surgery of that site: the patient's surgery must name it
        String site = t.mention().strip().split("\\s+")[0].toLowerCase(Locale.ROOT);
        String stem = site.substring(0, Math.min(5, site.length()));
        return (pt.name() + " " + pt.evidence()).toLowerCase(Locale.ROOT).contains(stem);
      }
      return sameClass;
    }
  }

  private static final String PANELS = "cbc|complete blood count|full blood count|blood counts?|hemogram|haemogram|blood work|bloodwork|labs|laboratory (?:tests|studies|work-?up|results|values)"
      + "|(?:blood |serum )?chemistry|chemistries|biochemi\\w* (?:profile|panel|tests?)|metabolic panel|bmp|cmp|liver function tests?|lfts?|liver enzymes|renal function(?: tests)?|kidney function|electrolytes|coagulation(?: studies| tests)?";
  private static final java.util.regex.Pattern NORMAL_PANEL = java.util.regex.Pattern.compile("(?i)(?<![\\p{L}])(" + PANELS
      + ")(?![\\p{L}])[^.;]{0,30}?(?:(?:is|are|was|were)\\s+)?(?:normal|unremarkable|within normal limits|wnl|negative)(?![\\p{L}])"
      + "|(?:normal|unremarkable)\\s+(?:\\w+\\s+)?(" + PANELS + ")(?![\\p{L}])");

  private static boolean panelHolds(String panel, String analyte) {
    boolean cbc = panel.matches(".*(?:cbc|blood count|hemogram|haemogram).*");
    boolean liver = panel.matches(".*(?:liver|lft).*");
    boolean renal = panel.matches(".*(?:renal|kidney).*");
    boolean electrolytes = panel.contains("electrolyte");
    boolean coag = panel.contains("coag");
    boolean general = !cbc && !liver && !renal && !electrolytes && !coag;
    boolean labs = panel.matches(".*(?:labs|laboratory|blood work|bloodwork).*");
    return switch (analyte) {
      case "wbc", "anc", "alc", "platelets", "hemoglobin", "hematocrit" -> cbc || labs;
      case "alt", "ast", "alp", "bilirubin", "albumin", "ggt" -> liver || general;
      case "creatinine", "crcl", "egfr" -> renal || general;
      case "sodium", "potassium", "calcium", "magnesium", "glucose" -> electrolytes || general && !labs || labs;
      case "inr", "pt", "aptt" -> coag;
      default -> false;
    };
  }
}
