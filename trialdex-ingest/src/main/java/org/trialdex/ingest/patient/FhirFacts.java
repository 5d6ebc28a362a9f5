package org.trialdex.ingest.patient;

import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.hl7.fhir.r4.model.Age;
import org.hl7.fhir.r4.model.BooleanType;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.DomainResource;
import org.hl7.fhir.r4.model.IntegerType;
import org.hl7.fhir.r4.model.Medication;
import org.hl7.fhir.r4.model.MedicationRequest;
import org.hl7.fhir.r4.model.MedicationStatement;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Observation.ObservationComponentComponent;
import org.hl7.fhir.r4.model.Observation.ObservationReferenceRangeComponent;
import org.hl7.fhir.r4.model.Period;
import org.hl7.fhir.r4.model.PrimitiveType;
import org.hl7.fhir.r4.model.Procedure;
import org.hl7.fhir.r4.model.Quantity;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.StringType;
import org.hl7.fhir.r4.model.Type;
import org.trialdex.core.eligibility.Patient;
import org.trialdex.core.eligibility.Patient.Fact;
import org.trialdex.core.eligibility.Patient.Performance;
import org.trialdex.core.eligibility.Patient.Response;
import org.trialdex.core.eligibility.Patient.Sex;
import org.trialdex.core.eligibility.Patient.Status;
import org.trialdex.core.eligibility.Patient.Therapy;
import org.trialdex.core.eligibility.Patient.TherapyKind;
import org.trialdex.core.eligibility.PatientFormatException;
import org.trialdex.core.eligibility.PerformanceScale;
import org.trialdex.ingest.patient.FhirPatients.Parsed;

/** The facts of one bundle's parsed resources, mapped as {@code docs/matching.md} "FHIR R4 mapping" says. */
final class FhirFacts {

  static final String LOINC = "http://loinc.org";
  static final String UCUM = "http://unitsofmeasure.org";
  static final String ECOG = "89247-1";
  static final String KARNOFSKY = "89243-0";
  static final String PREGNANCY = "82810-3";
  /** LOINC answers for ECOG grades 0 to 5 (answer list LL529-9). */
  private static final List<String> ECOG_ANSWERS = List.of("LA9622-7", "LA9623-5", "LA9624-3", "LA9625-0",
      "LA9626-8", "LA9627-6");
  private static final Set<String> PREGNANT = Set.of("77386006", "LA15173-0");
  private static final Set<String> NOT_PREGNANT = Set.of("60001007", "LA26683-5");
  private static final Pattern DATE = Pattern.compile("(\\d{4})(?:-(\\d{2})(?:-(\\d{2}))?)?.*");
  private static final Pattern LEADING_NUMBER = Pattern.compile("\\s*(\\d{1,3})\\b.*", Pattern.DOTALL);
  private static final Pattern REFRACTORY = Pattern.compile(
      "refractory|resistan|no response|not respond|unresponsive|ineffective|not effective|unsuccessful|failure|failed"
          + "|progress");
  private static final Pattern RESPONSIVE = Pattern.compile("respon|successful|remission|resolved");

  private final List<Parsed> parsed;
  private final LocalDate asOf;
  private final Map<String, Medication> medications = new HashMap<>();
  private Parsed patient;
  private LocalDate birthDate;
  private String subject;

  private final List<Patient.Condition> conditions = new ArrayList<>();
  private final List<Patient.Observation> observations = new ArrayList<>();
  private final List<Therapy> therapies = new ArrayList<>();
  private final List<String> facts = new ArrayList<>();
  private Dated<Performance> performance;
  private Dated<Fact<Boolean>> pregnant;

  /** A value with the date it held on, so the latest of several wins. */
  private record Dated<T>(T value, LocalDate date) {
    boolean notBefore(Dated<?> other) {
      return other == null || date == null && other.date == null
          || date != null && (other.date == null || !date.isBefore(other.date));
    }
  }

  FhirFacts(List<Parsed> parsed, LocalDate asOf) {
    this.parsed = parsed;
    this.asOf = asOf;
  }

  Patient patient() {
    Set<String> patients = new LinkedHashSet<>();
    for (Parsed p : parsed) {
      if (p.resource() instanceof org.hl7.fhir.r4.model.Patient) {
        patients.add(p.entry().label());
        patient = patient == null ? p : patient;
      } else if (p.resource() instanceof Medication m) {
        if (!p.entry().fullUrl().isEmpty()) {
          medications.put(p.entry().fullUrl(), m);
        }
        medications.put(p.entry().label(), m);
      }
    }
    if (patients.size() > 1) {
      throw new PatientFormatException("", "bundle holds " + patients.size() + " patients (" + String.join(", ", patients)
          + "); send one");
    }
    Patient result = Patient.empty(asOf);
    if (patient != null) {
      result = demographics(result);
    }
    for (Parsed p : parsed) {
      switch (p.resource()) {
        case Condition c -> condition(p, c);
        case Observation o -> observation(p, o);
        case MedicationStatement m -> medicationStatement(p, m);
        case MedicationRequest m -> medicationRequest(p, m);
        case Procedure pr -> procedure(p, pr);
        default -> { } // Patient and Medication are read above
      }
    }
    Fact<Boolean> isPregnant = pregnant == null ? null : pregnant.value();
    return result.withConditions(conditions).withObservations(observations).withTherapies(therapies)
        .withPerformance(performance == null ? null : performance.value()).withPregnancy(isPregnant, null)
        .withFacts(facts);
  }

  private Patient demographics(Patient result) {
    org.hl7.fhir.r4.model.Patient p = (org.hl7.fhir.r4.model.Patient) patient.resource();
    String evidence = "FHIR " + patient.entry().label();
    if (p.hasGender()) {
      switch (p.getGender()) {
        case FEMALE -> result = result.withSex(new Fact<>(Sex.FEMALE, evidence + " gender: female"));
        case MALE -> result = result.withSex(new Fact<>(Sex.MALE, evidence + " gender: male"));
        default -> { } // other, unknown: no sex a criterion could test
      }
    }
    birthDate = date(p.getBirthDateElement());
    if (birthDate != null) {
      if (birthDate.isAfter(asOf)) {
        throw new PatientFormatException(patient.entry().at(), "birthDate " + birthDate + " is after the date the facts "
            + "describe, " + asOf);
      }
      result = result.withBirthDate(birthDate);
    }
    return result;
  }

  // ---- Condition

  private void condition(Parsed p, Condition c) {
    checkSubject(p, c.getSubject());
    String verification = firstCode(c.getVerificationStatus());
    String name = name(c.getCode());
    if ("entered-in-error".equals(verification) || name == null) {
      return;
    }
    Status status = "refuted".equals(verification) ? Status.ABSENT
        : switch (firstCode(c.getClinicalStatus())) {
          case "inactive", "remission", "resolved" -> Status.PAST;
          case null, default -> Status.ACTIVE; // active, recurrence, relapse; a condition listed without status holds
        };
    LocalDate onset = switch (c.getOnset()) {
      case Age age -> afterBirth(age);
      case Type t -> date(t);
      case null -> null;
    };
    conditions.add(new Patient.Condition(name, codes(c.getCode()), status, onset, evidence(p, name)));
  }

  /** The date an onset age gives, from the birth date; null without one or for units other than a, mo, wk, d. */
  private LocalDate afterBirth(Age age) {
    if (birthDate == null || !age.hasValue() || age.getCode() == null) {
      return null;
    }
    double v = age.getValue().doubleValue();
    return switch (age.getCode()) {
      case "a" -> birthDate.plusMonths(Math.round(v * 12));
      case "mo" -> birthDate.plusMonths(Math.round(v));
      case "wk" -> birthDate.plusWeeks(Math.round(v));
      case "d" -> birthDate.plusDays(Math.round(v));
      default -> null;
    };
  }

  // ---- Observation

  private void observation(Parsed p, Observation o) {
    checkSubject(p, o.getSubject());
    if (o.getStatus() == Observation.ObservationStatus.ENTEREDINERROR
        || o.getStatus() == Observation.ObservationStatus.CANCELLED) {
      return;
    }
    String name = name(o.getCode());
    if (name == null) {
      return;
    }
    LocalDate date = date(o.getEffective());
    String loinc = loinc(o.getCode());
    if (ECOG.equals(loinc) || KARNOFSKY.equals(loinc)) {
      performance(p, o, ECOG.equals(loinc) ? PerformanceScale.ECOG : PerformanceScale.KARNOFSKY, name, date);
      return;
    }
    if (PREGNANCY.equals(loinc)) {
      pregnancy(p, o, name, date);
      return;
    }
    value(p, name, code(o.getCode()), o.getValue(), o.getReferenceRange(), date, "FHIR " + p.entry().label());
    for (ObservationComponentComponent c : o.getComponent()) {
      String componentName = name(c.getCode());
      if (componentName != null) {
        String code = code(c.getCode());
        String evidence = "FHIR " + p.entry().label() + " component"
            + (code == null ? "" : " " + code.substring(code.indexOf('|') + 1));
        value(p, componentName, code, c.getValue(), c.getReferenceRange(), date, evidence);
      }
    }
  }

  /** One value: a number becomes an observation, a coded or text value a fact; no value, nothing. */
  private void value(Parsed p, String name, String code, Type value, List<ObservationReferenceRangeComponent> ranges,
      LocalDate date, String source) {
    Double low = null;
    Double high = null;
    if (!ranges.isEmpty()) {
      ObservationReferenceRangeComponent r = ranges.getFirst();
      low = r.hasLow() && r.getLow().hasValue() ? finite(p, r.getLow().getValue(), "referenceRange.low") : null;
      high = r.hasHigh() && r.getHigh().hasValue() ? finite(p, r.getHigh().getValue(), "referenceRange.high") : null;
    }
    switch (value) {
      case Quantity q when q.hasValue() -> {
        String comparator = q.hasComparator() ? q.getComparator().toCode() + " " : "";
        String unit = unit(q);
        observations.add(new Patient.Observation(name, code, finite(p, q.getValue(), "value"), unit, low, high, date,
            source + ": " + name + " " + comparator + q.getValue().toPlainString() + (unit.isEmpty() ? "" : " " + unit)));
      }
      case IntegerType i when i.hasValue() -> observations.add(new Patient.Observation(name, code, i.getValue(), "",
          low, high, date, source + ": " + name + " " + i.getValue()));
      case CodeableConcept cc when name(cc) != null -> facts.add(name + ": " + name(cc) + " (" + source + ")");
      case StringType s when s.hasValue() -> facts.add(name + ": " + s.getValue() + " (" + source + ")");
      case BooleanType b when b.hasValue() -> facts.add(name + ": " + (b.getValue() ? "yes" : "no") + " (" + source + ")");
      case null, default -> { } // no value, or a range, ratio, sample or period: nothing a criterion compares
    }
  }

  private static String unit(Quantity q) {
    if (UCUM.equals(q.getSystem()) && q.hasCode()) {
      return q.getCode();
    }
    return q.hasUnit() ? q.getUnit() : q.hasCode() ? q.getCode() : "";
  }

  private static double finite(Parsed p, BigDecimal v, String field) {
    double d = v.doubleValue();
    if (!Double.isFinite(d)) {
      throw new PatientFormatException(p.entry().at(), field + " " + v + " is not a finite number");
    }
    return d;
  }

  private void performance(Parsed p, Observation o, PerformanceScale scale, String name, LocalDate date) {
    Integer score = switch (o.getValue()) {
      case IntegerType i when i.hasValue() -> i.getValue();
      case Quantity q when q.hasValue() -> {
        if (q.getValue().stripTrailingZeros().scale() > 0) {
          throw new PatientFormatException(p.entry().at(), name + ": " + scale + " score " + q.getValue().toPlainString()
              + " is not a whole number");
        }
        yield q.getValue().intValue();
      }
      case CodeableConcept cc -> score(cc, scale);
      case null, default -> null;
    };
    if (score == null) {
      return;
    }
    if (!scale.valid(score)) {
      throw new PatientFormatException(p.entry().at(), name + ": " + scale + " score " + score
          + " is outside the scale (" + scale.range() + ")");
    }
    Dated<Performance> d = new Dated<>(new Performance(scale, score, evidence(p, name + " " + score)), date);
    if (d.notBefore(performance)) {
      performance = d;
    }
  }

  /** An ECOG answer code (LA9622-7 is grade 0), or a number the answer's text starts with. */
  private static Integer score(CodeableConcept cc, PerformanceScale scale) {
    for (Coding c : cc.getCoding()) {
      if (scale == PerformanceScale.ECOG && ECOG_ANSWERS.contains(c.getCode())) {
        return ECOG_ANSWERS.indexOf(c.getCode());
      }
    }
    for (Coding c : cc.getCoding()) {
      Matcher m = LEADING_NUMBER.matcher(c.hasCode() ? c.getCode() : "");
      if (m.matches()) {
        return Integer.parseInt(m.group(1));
      }
    }
    Matcher m = LEADING_NUMBER.matcher(cc.hasText() ? cc.getText() : "");
    return m.matches() ? Integer.parseInt(m.group(1)) : null;
  }

  private void pregnancy(Parsed p, Observation o, String name, LocalDate date) {
    if (!(o.getValue() instanceof CodeableConcept cc)) {
      return;
    }
    Boolean is = null;
    for (Coding c : cc.getCoding()) {
      is = PREGNANT.contains(c.getCode()) ? Boolean.TRUE : NOT_PREGNANT.contains(c.getCode()) ? Boolean.FALSE : is;
    }
    if (is == null) {
      return; // unknown, or an answer we do not know: not stated either way
    }
    Dated<Fact<Boolean>> d = new Dated<>(new Fact<>(is, evidence(p, name + ": " + name(cc))), date);
    if (d.notBefore(pregnant)) {
      pregnant = d;
    }
  }

  // ---- medications and procedures

  private void medicationStatement(Parsed p, MedicationStatement m) {
    checkSubject(p, m.getSubject());
    Status status = switch (m.getStatus()) {
      case ACTIVE, ONHOLD -> Status.ACTIVE;
      case NOTTAKEN -> Status.ABSENT;
      case INTENDED, ENTEREDINERROR -> null;
      case null, default -> Status.PAST; // completed, stopped, unknown: taken at some time
    };
    LocalDate[] period = period(m.getEffective());
    therapy(p, medication(m.getMedication(), m), TherapyKind.MEDICATION, status, period[0], period[1],
        response(m.getStatusReason()));
  }

  private void medicationRequest(Parsed p, MedicationRequest m) {
    checkSubject(p, m.getSubject());
    Status status = switch (m.getStatus()) {
      case ACTIVE, ONHOLD -> Status.ACTIVE;
      case CANCELLED, DRAFT, ENTEREDINERROR -> null; // never given
      case null, default -> Status.PAST; // completed, stopped, unknown
    };
    if (status != null && m.getDoNotPerform()) {
      status = Status.ABSENT;
    }
    therapy(p, medication(m.getMedication(), m), TherapyKind.MEDICATION, status, date(m.getAuthoredOnElement()), null,
        response(m.hasStatusReason() ? List.of(m.getStatusReason()) : List.of()));
  }

  private void procedure(Parsed p, Procedure pr) {
    checkSubject(p, pr.getSubject());
    Status status = switch (pr.getStatus()) {
      case INPROGRESS, ONHOLD -> Status.ACTIVE;
      case NOTDONE -> Status.ABSENT;
      case PREPARATION, ENTEREDINERROR -> null;
      case null, default -> Status.PAST; // completed, stopped, unknown
    };
    LocalDate[] period = period(pr.getPerformed());
    LocalDate end = period[1] == null && pr.getPerformed() instanceof PrimitiveType<?> && status == Status.PAST
        ? period[0] : period[1];
    therapy(p, pr.getCode(), TherapyKind.PROCEDURE, status, period[0], end,
        response(pr.hasOutcome() ? List.of(pr.getOutcome()) : List.of()));
  }

  private void therapy(Parsed p, CodeableConcept code, TherapyKind kind, Status status, LocalDate start, LocalDate end,
      Response response) {
    String name = code == null ? null : name(code);
    if (status == null || name == null) {
      return;
    }
    therapies.add(new Therapy(name, codes(code), kind, status, start, end, response, evidence(p, name)));
  }

  /** The code of a medication[x]: the concept, or the contained or bundled Medication it references. */
  private CodeableConcept medication(Type medication, DomainResource owner) {
    if (medication instanceof CodeableConcept cc) {
      return cc;
    }
    if (!(medication instanceof Reference ref)) {
      return null;
    }
    if (ref.getResource() instanceof Medication m) {
      return m.getCode();
    }
    String target = ref.getReference();
    if (target != null && target.startsWith("#")) {
      for (Resource r : owner.getContained()) {
        if (r instanceof Medication m && target.substring(1).equals(r.getIdElement().getIdPart().replace("#", ""))) {
          return m.getCode();
        }
      }
    } else if (target != null) {
      Medication m = medications.get(target);
      int at = target.lastIndexOf("Medication/");
      m = m == null && at >= 0 ? medications.get(target.substring(at).replaceFirst("/_history/.*", "")) : m;
      if (m != null) {
        return m.getCode();
      }
    }
    return ref.hasDisplay() ? new CodeableConcept().setText(ref.getDisplay()) : null;
  }

  /** How the reasons given for a status or an outcome say the condition answered. */
  private static Response response(List<CodeableConcept> reasons) {
    for (CodeableConcept cc : reasons) {
      String words = String.join(" ", cc.getText() == null ? "" : cc.getText(),
          cc.getCoding().stream().map(c -> c.getDisplay() == null ? "" : c.getDisplay())
              .reduce("", (a, b) -> a + " " + b)).toLowerCase(Locale.ROOT);
      if (REFRACTORY.matcher(words).find()) {
        return Response.REFRACTORY;
      }
      if (RESPONSIVE.matcher(words).find()) {
        return Response.RESPONSIVE;
      }
    }
    return Response.UNSTATED;
  }

  // ---- shared

  /** Every resource must be about the bundle's patient (or, without a Patient resource, about one subject). */
  private void checkSubject(Parsed p, Reference ref) {
    if (ref == null || !ref.hasReference()) {
      return;
    }
    String target = ref.getReference();
    if (patient == null) {
      subject = subject == null ? target : subject;
      if (!subject.equals(target)) {
        throw new PatientFormatException(p.entry().at(), "subject " + target + " is not the subject of the resources "
            + "before it (" + subject + "); send one patient's resources");
      }
      return;
    }
    String id = patient.entry().json().path("id").asText("");
    boolean same = target.equals(patient.entry().fullUrl())
        || !id.isEmpty() && target.replaceFirst("/_history/.*", "").matches("(.*/)?Patient/" + Pattern.quote(id));
    if (!same) {
      throw new PatientFormatException(p.entry().at(), "subject " + target + " is not the bundle's patient ("
          + patient.entry().label() + "); send one patient's resources");
    }
  }

  private static String evidence(Parsed p, String what) {
    return "FHIR " + p.entry().label() + ": " + what;
  }

  /** A concept's name: its text, else the first display, else the first code as system|code. */
  static String name(CodeableConcept cc) {
    if (cc == null) {
      return null;
    }
    if (cc.hasText() && !cc.getText().isBlank()) {
      return cc.getText().strip();
    }
    for (Coding c : cc.getCoding()) {
      if (c.hasDisplay() && !c.getDisplay().isBlank()) {
        return c.getDisplay().strip();
      }
    }
    List<String> codes = codes(cc);
    return codes.isEmpty() ? null : codes.getFirst();
  }

  /** Codings with both a system and a code, as system|code. */
  static List<String> codes(CodeableConcept cc) {
    return cc.getCoding().stream().filter(c -> c.hasSystem() && c.hasCode()).map(c -> c.getSystem() + "|" + c.getCode())
        .toList();
  }

  /** The LOINC code of a concept, or null. */
  private static String loinc(CodeableConcept cc) {
    return cc.getCoding().stream().filter(c -> LOINC.equals(c.getSystem()) && c.hasCode()).map(Coding::getCode)
        .findFirst().orElse(null);
  }

  /** An observation's code: LOINC when it has one, else its first system|code, else null. */
  private static String code(CodeableConcept cc) {
    String loinc = loinc(cc);
    if (loinc != null) {
      return LOINC + "|" + loinc;
    }
    List<String> codes = codes(cc);
    return codes.isEmpty() ? null : codes.getFirst();
  }

  private static String firstCode(CodeableConcept cc) {
    return cc == null ? null : cc.getCoding().stream().map(Coding::getCode).filter(c -> c != null).findFirst()
        .orElse(null);
  }

  private static LocalDate[] period(Type t) {
    if (t instanceof Period p) {
      return new LocalDate[] {date(p.getStartElement()), date(p.getEndElement())};
    }
    return new LocalDate[] {date(t), null};
  }

  /** The date a dateTime, instant, date or period (its start) gives, as written (no time zone shift); partial dates are their first day. */
  static LocalDate date(Type t) {
    if (t instanceof Period p) {
      return date(p.getStartElement());
    }
    if (!(t instanceof PrimitiveType<?> pt) || pt.isEmpty() || pt.getValueAsString() == null) {
      return null;
    }
    Matcher m = DATE.matcher(pt.getValueAsString());
    if (!m.matches()) {
      return null;
    }
    try {
      return LocalDate.of(Integer.parseInt(m.group(1)), m.group(2) == null ? 1 : Integer.parseInt(m.group(2)),
          m.group(3) == null ? 1 : Integer.parseInt(m.group(3)));
    } catch (DateTimeException e) {
      return null; // HAPI's parser has already refused impossible dates
    }
  }
}
