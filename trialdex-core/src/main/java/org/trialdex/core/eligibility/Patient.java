package org.trialdex.core.eligibility;

import java.time.LocalDate;
import java.time.Period;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What is known of one patient, from a form, a FHIR bundle or a clinical note: each fact with the
 * evidence it came from, so that a verdict can show it. Unknown facts are absent (null fields, empty
 * lists), never guessed.
 *
 * @param age age in years, when given as an age (a note's "45-year-old")
 * @param birthDate date of birth, when given; with {@code asOf} it gives the age
 * @param sex the patient's sex, {@link Sex#FEMALE} or {@link Sex#MALE}
 * @param conditions diagnoses and findings, present, past or explicitly absent
 * @param observations measurements and lab results
 * @param therapies medications and procedures, past, current or explicitly not received
 * @param performance performance status, when stated
 * @param pregnant pregnancy, when stated either way
 * @param lactating breast-feeding, when stated either way
 * @param facts other free-text statements about the patient
 * @param asOf the date the facts describe (today for a form), which windows ("within 4 weeks") count from
 */
public record Patient(
    Fact<Double> age,
    LocalDate birthDate,
    Fact<Sex> sex,
    List<Condition> conditions,
    List<Observation> observations,
    List<Therapy> therapies,
    Performance performance,
    Fact<Boolean> pregnant,
    Fact<Boolean> lactating,
    List<String> facts,
    LocalDate asOf) {

  /** A patient's sex. */
  public enum Sex {
    FEMALE,
    MALE
  }

  /**
   * A value with where it came from.
   *
   * @param value the value
   * @param evidence the words, field or resource that gave it ("note: 45-year-old man", "FHIR Patient/1 gender")
   */
  public record Fact<T>(T value, String evidence) {
    public Fact {
      Objects.requireNonNull(value, "value");
      evidence = evidence == null ? "" : evidence;
    }
  }

  /** Whether a condition or therapy holds now, held before, or is stated not to hold. */
  public enum Status {
    /** Present now (active condition, current medication). */
    ACTIVE,
    /** Held in the past (resolved condition, completed therapy, "history of"). */
    PAST,
    /** Stated not to hold ("no history of diabetes", "denies smoking", "never received chemotherapy"). */
    ABSENT;

    /** Which of two statements about the same fact wins: present over past over absent. */
    public int strength() {
      return switch (this) {
        case ACTIVE -> 2;
        case PAST -> 1;
        case ABSENT -> 0;
      };
    }
  }

  /**
   * A diagnosis or finding.
   *
   * @param name the name as given
   * @param codes codes as {@code system|code} ({@code mesh|D003424}, {@code http://snomed.info/sct|34000006})
   * @param status present, past, or stated absent
   * @param onset when it began, when known
   * @param evidence where it came from
   */
  public record Condition(String name, List<String> codes, Status status, LocalDate onset, String evidence) {
    public Condition {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(status, "status");
      codes = List.copyOf(codes);
      evidence = evidence == null ? "" : evidence;
    }
  }

  /**
   * A measurement or lab result.
   *
   * @param name the name as given ("Creatinine", "ALT")
   * @param code a code as {@code system|code} (LOINC: {@code http://loinc.org|2160-0}), or null
   * @param value the value
   * @param unit the unit as given, UCUM where the source uses it ("mg/dL", "10*3/uL", "%"), or "" for none
   * @param low the lower limit of the reference range, or null
   * @param high the upper limit of the reference range, or null
   * @param date when it was measured, or null
   * @param evidence where it came from
   */
  public record Observation(String name, String code, double value, String unit, Double low, Double high,
      LocalDate date, String evidence) {
    public Observation {
      Objects.requireNonNull(name, "name");
      unit = unit == null ? "" : unit;
      evidence = evidence == null ? "" : evidence;
      if (!Double.isFinite(value)) {
        throw new IllegalArgumentException(name + ": value must be a finite number, not " + value);
      }
    }
  }

  /** What kind of therapy. */
  public enum TherapyKind {
    MEDICATION,
    PROCEDURE
  }

  /** How a condition answered a therapy, when said. */
  public enum Response {
    /** Did not respond or progressed on it ("steroid-refractory", "progressed on"). */
    REFRACTORY,
    /** Responded. */
    RESPONSIVE,
    /** Not said. */
    UNSTATED
  }

  /**
   * A medication or procedure.
   *
   * @param name the name as given ("prednisone", "radiation therapy")
   * @param codes codes as {@code system|code} (RxNorm, SNOMED, MeSH)
   * @param kind medication or procedure
   * @param status current, past, or stated not received
   * @param start when it started, or null
   * @param end when it ended, or null
   * @param response how the condition answered it
   * @param evidence where it came from
   */
  public record Therapy(String name, List<String> codes, TherapyKind kind, Status status, LocalDate start,
      LocalDate end, Response response, String evidence) {
    public Therapy {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(kind, "kind");
      Objects.requireNonNull(status, "status");
      codes = List.copyOf(codes);
      response = response == null ? Response.UNSTATED : response;
      evidence = evidence == null ? "" : evidence;
    }
  }

  /**
   * Performance status on one scale.
   *
   * @param scale the scale it was given on
   * @param value the score (ECOG 0–5, Karnofsky and Lansky 0–100)
   * @param evidence where it came from
   */
  public record Performance(PerformanceScale scale, int value, String evidence) {
    public Performance {
      Objects.requireNonNull(scale, "scale");
      if (!scale.valid(value)) {
        throw new IllegalArgumentException(scale + " score " + value + " is outside the scale (" + scale.range() + ")");
      }
      evidence = evidence == null ? "" : evidence;
    }
  }

  public Patient {
    conditions = List.copyOf(conditions);
    observations = List.copyOf(observations);
    therapies = List.copyOf(therapies);
    facts = List.copyOf(facts);
    asOf = asOf == null ? LocalDate.now() : asOf;
    if (birthDate != null && birthDate.isAfter(asOf)) {
      throw new IllegalArgumentException("birth date " + birthDate + " is after the date the facts describe, " + asOf);
    }
    if (age != null && (age.value() < 0 || age.value() > 130)) {
      throw new IllegalArgumentException("age " + age.value() + " years is not a human age");
    }
  }

  /** A patient with nothing known yet, as of {@code asOf}; the {@code with...} methods add facts. */
  public static Patient empty(LocalDate asOf) {
    return new Patient(null, null, null, List.of(), List.of(), List.of(), null, null, null, List.of(), asOf);
  }

  /** Age in years: the stated age, else from the birth date. */
  public Optional<Fact<Double>> ageYears() {
    if (age != null) {
      return Optional.of(age);
    }
    if (birthDate != null) {
      Period p = Period.between(birthDate, asOf);
      return Optional.of(new Fact<>(p.getYears() + p.getMonths() / 12.0, "born " + birthDate));
    }
    return Optional.empty();
  }

  public Patient withAge(Fact<Double> a) {
    return new Patient(a, birthDate, sex, conditions, observations, therapies, performance, pregnant, lactating, facts, asOf);
  }

  public Patient withBirthDate(LocalDate b) {
    return new Patient(age, b, sex, conditions, observations, therapies, performance, pregnant, lactating, facts, asOf);
  }

  public Patient withSex(Fact<Sex> s) {
    return new Patient(age, birthDate, s, conditions, observations, therapies, performance, pregnant, lactating, facts, asOf);
  }

  public Patient withConditions(List<Condition> c) {
    return new Patient(age, birthDate, sex, c, observations, therapies, performance, pregnant, lactating, facts, asOf);
  }

  public Patient withObservations(List<Observation> o) {
    return new Patient(age, birthDate, sex, conditions, o, therapies, performance, pregnant, lactating, facts, asOf);
  }

  public Patient withTherapies(List<Therapy> t) {
    return new Patient(age, birthDate, sex, conditions, observations, t, performance, pregnant, lactating, facts, asOf);
  }

  public Patient withPerformance(Performance p) {
    return new Patient(age, birthDate, sex, conditions, observations, therapies, p, pregnant, lactating, facts, asOf);
  }

  public Patient withPregnancy(Fact<Boolean> isPregnant, Fact<Boolean> isLactating) {
    return new Patient(age, birthDate, sex, conditions, observations, therapies, performance, isPregnant, isLactating,
        facts, asOf);
  }

  public Patient withFacts(List<String> f) {
    return new Patient(age, birthDate, sex, conditions, observations, therapies, performance, pregnant, lactating, f, asOf);
  }
}
