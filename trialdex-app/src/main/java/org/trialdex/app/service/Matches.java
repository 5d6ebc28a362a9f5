package org.trialdex.app.service;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.trialdex.core.eligibility.Constraint;
import org.trialdex.core.eligibility.CriterionParser;
import org.trialdex.core.eligibility.CriterionVerdict;
import org.trialdex.core.eligibility.Evaluator;
import org.trialdex.core.eligibility.NoteReader;
import org.trialdex.core.eligibility.ParsedCriterion;
import org.trialdex.core.eligibility.Patient;
import org.trialdex.core.eligibility.Ranking;
import org.trialdex.core.eligibility.TrialMatch;
import org.trialdex.core.eligibility.Verdict;
import org.trialdex.core.model.ProtocolSection;
import org.trialdex.core.model.Study;
import org.trialdex.core.source.Sha256;
import org.trialdex.core.terms.Vocabulary;
import org.trialdex.search.Embeddings;
import org.trialdex.search.Hit;
import org.trialdex.search.SearchResult;
import org.trialdex.search.query.SearchRequest;
import org.trialdex.search.query.SearchRequests;

/**
 * Which trials can this patient join: candidates retrieved through the search index (the patient's
 * conditions by meaning, with the age, sex and status filters; the patient's own words; the note's
 * sentence embedding against the records', nearest neighbours in Lucene's vector index), fused by
 * reciprocal rank, then the best judged criterion by criterion and ranked by {@link Ranking}. Also the
 * one question whose answer would settle most unknowns across the top trials. Nothing of the patient
 * is stored or logged.
 */
public final class Matches {

  /** Candidates each retrieval leg contributes before judging. */
  public static final int PER_LEG = 60;
  /** Candidates judged criterion by criterion: the best by fused retrieval, at least this many (more when more are asked for). */
  public static final int JUDGED = 60;
  /** Reciprocal-rank-fusion constant (Cormack et al. 2009). */
  static final int RRF_K = 60;
  /** Statuses of trials that a patient could still join. */
  public static final String OPEN_STATUSES = "RECRUITING,NOT_YET_RECRUITING,ENROLLING_BY_INVITATION,AVAILABLE";

  /**
   * How to match.
   *
   * @param top how many ranked trials to return
   * @param openOnly only trials still open to patients (recruiting, not yet recruiting, by invitation)
   */
  public record Options(int top, boolean openOnly) {
    public Options {
      if (top < 1 || top > 1000) {
        throw new IllegalArgumentException("top must be between 1 and 1000, not " + top);
      }
    }
  }

  /**
   * One ranked trial.
   *
   * @param study the trial's current record
   * @param match the criterion-level judgement
   * @param relevance how well the patient's conditions answer the trial's, in [0, 1]
   * @param retrieval the fused retrieval score, normalized over the candidates, in [0, 1]
   * @param semantic the cosine of the note's and the trial's embeddings, NaN without a note
   * @param rank the ranking score
   */
  public record Ranked(Study study, TrialMatch match, double relevance, double retrieval, double semantic, double rank) {}

  /**
   * The question that would settle most unknowns across the top trials.
   *
   * @param text the question in plain words ("What is the patient's creatinine?")
   * @param trials how many of the top trials it would settle a criterion of
   */
  public record Question(String text, int trials) {}

  /**
   * A match's answer.
   *
   * @param patient the patient as read (facts with their evidence)
   * @param matches the ranked trials, best first
   * @param candidates how many trials were judged
   * @param question the most useful question, when unknowns remain
   * @param took how long it took
   */
  public record Result(Patient patient, List<Ranked> matches, int candidates, Optional<Question> question, Duration took) {}

  private final Searches searches;
  private final Supplier<Vocabulary> vocabulary;
  private final Clock clock;
  private final CriteriaCache cache;
  /** Criteria texts parsed by this service (not found in memory nor in the cache). */
  private final AtomicLong parsed = new AtomicLong();
  private volatile Parts parts;
  /** Parses of criteria texts, by their digest: derived data, recomputed when evicted; the first level before {@link #cache}. */
  private final Map<String, List<ParsedCriterion>> parses = Collections.synchronizedMap(new LinkedHashMap<>(1024, 0.75f, true) {
    @Override
    protected boolean removeEldestEntry(Map.Entry<String, List<ParsedCriterion>> eldest) {
      return size() > 50_000;
    }
  });

  private record Parts(Vocabulary vocabulary, CriterionParser parser, Evaluator evaluator, NoteReader notes) {}

  /** A matcher whose parses live in this process only. */
  public Matches(Searches searches, Supplier<Vocabulary> vocabulary, Clock clock) {
    this(searches, vocabulary, clock, CriteriaCache.none());
  }

  /** A matcher that keeps parses in {@code cache} too (beside the index), for the next process. */
  public Matches(Searches searches, Supplier<Vocabulary> vocabulary, Clock clock, CriteriaCache cache) {
    this.searches = Objects.requireNonNull(searches, "searches");
    this.vocabulary = Objects.requireNonNull(vocabulary, "vocabulary");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.cache = Objects.requireNonNull(cache, "cache");
  }

  private Parts parts() {
    Parts p = parts;
    if (p == null) {
      synchronized (this) {
        if (parts == null) {
          Vocabulary v = vocabulary.get();
          parts = new Parts(v, new CriterionParser(v), new Evaluator(v), new NoteReader(v));
        }
        p = parts;
      }
    }
    return p;
  }

  /** Reads a clinical note into a patient, as of today. */
  public Patient readNote(String note) {
    return parts().notes().read(note, LocalDate.now(clock));
  }

  /** The criteria of a record, parsed (from the cache when the same text was parsed before). */
  public List<ParsedCriterion> criteria(Study study) {
    String text = criteriaText(study);
    if (text == null) {
      return List.of();
    }
    String digest = Sha256.hex(text);
    List<ParsedCriterion> known = parses.get(digest);
    return known != null ? known : preload(List.of(study)).get(digest);
  }

  /**
   * Brings the parses of these records' criteria into memory before they are judged: what memory does
   * not hold is asked of the cache in one lookup, and what the cache does not hold either is parsed
   * (and queued for the cache). Returns the parses by digest.
   */
  private Map<String, List<ParsedCriterion>> preload(List<Study> studies) {
    Map<String, String> missing = new LinkedHashMap<>();
    Map<String, List<ParsedCriterion>> found = new HashMap<>();
    for (Study s : studies) {
      String text = criteriaText(s);
      if (text != null) {
        String digest = Sha256.hex(text);
        List<ParsedCriterion> known = parses.get(digest);
        if (known != null) {
          found.put(digest, known);
        } else {
          missing.put(digest, text);
        }
      }
    }
    if (missing.isEmpty()) {
      return found;
    }
    CriterionParser parser = parts().parser();
    Map<String, List<ParsedCriterion>> stored = cache.getAll(missing.keySet(), parser.fingerprint());
    for (Map.Entry<String, String> e : missing.entrySet()) {
      List<ParsedCriterion> p = stored.get(e.getKey());
      if (p == null) {
        p = parser.parseAll(e.getValue());
        parsed.incrementAndGet();
        cache.put(e.getKey(), parser.fingerprint(), p);
      }
      parses.put(e.getKey(), p);
      found.put(e.getKey(), p);
    }
    return found;
  }

  private static String criteriaText(Study study) {
    ProtocolSection p = study.protocolSection();
    String text = p == null || p.eligibilityModule() == null ? null : p.eligibilityModule().eligibilityCriteria();
    return text == null || text.isBlank() ? null : text;
  }

  /** How many criteria texts this service parsed (found neither in memory nor in the cache). */
  long parsed() {
    return parsed.get();
  }

  /** Judges one trial for the patient, without retrieval (a trial page's "check this patient"). */
  public TrialMatch judge(Study study, Patient patient) {
    Parts pp = parts();
    return pp.evaluator().judge(trial(study, pp.evaluator()), criteria(study), patient);
  }

  /**
   * The trials the patient could join, best first.
   *
   * @throws org.trialdex.app.SearchUnavailableException while the index is rebuilt
   */
  public Result match(Patient patient, Options options) {
    long started = System.nanoTime();
    Parts pp = parts();
    Map<String, Hit> hits = new LinkedHashMap<>();
    Map<String, Double> fused = new HashMap<>();
    String filters = filters(patient);
    for (String condition : conditionNames(patient, pp.vocabulary())) {
      leg(request("query.cond", condition, filters, options.openOnly()), hits, fused);
    }
    String words = words(patient);
    if (!words.isEmpty()) {
      leg(request("query.term", words, filters, options.openOnly()), hits, fused);
    }
    // The semantic leg: the note's embedding against the records' (a form or FHIR patient has no note).
    // (An index built without embeddings has no semantic leg: embedding every candidate per query would cost too much.)
    boolean vectors = !patient.facts().isEmpty() && searches.hasVectors();
    float[] note = vectors ? Embeddings.embed(String.join(" ", patient.facts())) : null;
    if (vectors) {
      legOf(searches.similar(note, filterRequest(filters, options.openOnly()), PER_LEG), hits, fused);
    }
    double best = fused.values().stream().mapToDouble(Double::doubleValue).max().orElse(1);
    List<Hit> judged = new ArrayList<>(hits.values());
    judged.sort(Comparator.comparingDouble((Hit h) -> fused.get(h.id())).reversed().thenComparing(Hit::id));
    judged = judged.subList(0, Math.min(judged.size(), Math.max(JUDGED, options.top())));
    Map<String, float[]> stored = vectors ? searches.vectors(judged.stream().map(Hit::id).toList()) : Map.of();
    double[] cosines = new double[judged.size()];
    for (int i = 0; i < judged.size(); i++) {
      float[] vector = note == null ? null : stored.get(judged.get(i).id());
      cosines[i] = vector == null ? Double.NaN : Embeddings.cosine(note, vector);
    }
    double[] semantic = Ranking.scaled(cosines);
    preload(judged.stream().map(Hit::study).toList());
    List<Ranked> ranked = new ArrayList<>();
    for (int i = 0; i < judged.size(); i++) {
      Hit hit = judged.get(i);
      Evaluator.Trial trial = trial(hit.study(), pp.evaluator());
      TrialMatch m = pp.evaluator().judge(trial, criteria(hit.study()), patient);
      double relevance = pp.evaluator().relevance(patient, trial);
      double retrieval = fused.get(hit.id()) / best;
      ranked.add(new Ranked(hit.study(), m, relevance, retrieval, cosines[i], Ranking.score(semantic[i], relevance, retrieval, m)));
    }
    ranked.sort(Comparator.comparingDouble(Ranked::rank).reversed().thenComparing(r -> r.match().nctId()));
    List<Ranked> top = List.copyOf(ranked.subList(0, Math.min(options.top(), ranked.size())));
    return new Result(patient, top, ranked.size(), question(top), Duration.ofNanos(System.nanoTime() - started));
  }

  private void leg(SearchRequest request, Map<String, Hit> hits, Map<String, Double> fused) {
    legOf(searches.search(request), hits, fused);
  }

  private static void legOf(SearchResult result, Map<String, Hit> hits, Map<String, Double> fused) {
    int rank = 0;
    for (Hit h : result.hits()) {
      rank++;
      hits.putIfAbsent(h.id(), h);
      fused.merge(h.id(), 1.0 / (RRF_K + rank), Double::sum);
    }
  }

  /** The filters alone (age, sex, status), for the semantic leg. */
  private static SearchRequest filterRequest(String advanced, boolean openOnly) {
    return SearchRequests.parse(filters(advanced, openOnly));
  }

  private static SearchRequest request(String area, String text, String advanced, boolean openOnly) {
    Map<String, List<String>> params = filters(advanced, openOnly);
    params.put(area, List.of(text));
    params.put("pageSize", List.of(Integer.toString(PER_LEG)));
    return SearchRequests.parse(params);
  }

  private static Map<String, List<String>> filters(String advanced, boolean openOnly) {
    Map<String, List<String>> params = new LinkedHashMap<>();
    if (!advanced.isEmpty()) {
      params.put("filter.advanced", List.of(advanced));
    }
    if (openOnly) {
      params.put("filter.overallStatus", List.of(OPEN_STATUSES));
    }
    return params;
  }


  /** The structured filters: the record's age limits admit the patient's age, its sex the patient's. */
  static String filters(Patient patient) {
    List<String> parts = new ArrayList<>();
    patient.ageYears().ifPresent(age -> {
      int years = (int) Math.floor(age.value());
      parts.add("AREA[MinimumAge]RANGE[MIN, " + years + " years] AND AREA[MaximumAge]RANGE[" + years + " years, MAX]");
    });
    if (patient.sex() != null) {
      parts.add("(AREA[Sex]ALL OR AREA[Sex]" + patient.sex().value().name() + ")");
    }
    return String.join(" AND ", parts);
  }

  /** The names of the patient's diagnoses to search by: present and past ones, signs and symptoms only when nothing else is known. */
  private static List<String> conditionNames(Patient patient, Vocabulary vocabulary) {
    Set<String> diseases = new LinkedHashSet<>();
    Set<String> symptoms = new LinkedHashSet<>();
    for (Patient.Condition c : patient.conditions()) {
      if (c.status() == Patient.Status.ABSENT || c.codes().contains(NoteReader.NO_HISTORY)) {
        continue;
      }
      List<Vocabulary.Match> named = vocabulary.find(Vocabulary.Area.CONDITION, c.name());
      if (named.isEmpty()) {
        // Not a name the vocabulary knows: search its first words as written.
        String[] words = c.name().split("\\s+");
        diseases.add(String.join(" ", java.util.Arrays.copyOf(words, Math.min(words.length, 5))).toLowerCase(Locale.ROOT));
        continue;
      }
      for (Vocabulary.Match m : named) {
        // The words that named the concept, not the whole entry: "Steroid-refractory acute GVHD, MAGIC grade III" searches acute GVHD.
        boolean symptom = vocabulary.mesh(m.concept().id()).stream().flatMap(x -> x.treeNumbers().stream()).allMatch(t -> t.startsWith("C23"));
        String words = c.name().substring(Math.min(m.start(), c.name().length()), Math.min(m.end(), c.name().length()));
        (symptom ? symptoms : diseases).add(words.toLowerCase(Locale.ROOT));
      }
    }
    List<String> names = new ArrayList<>(diseases.isEmpty() ? symptoms : diseases);
    return names.subList(0, Math.min(5, names.size()));
  }

  /** The patient's own words for the lexical leg: the content words of the free-text facts, any of them. */
  private static String words(Patient patient) {
    Set<String> words = new LinkedHashSet<>();
    for (String fact : patient.facts()) {
      for (String w : fact.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+")) {
        if (w.length() > 3 && !STOP.contains(w) && !w.chars().allMatch(Character::isDigit)) {
          words.add(w);
        }
      }
    }
    return String.join(" OR ", words.stream().limit(30).toList());
  }

  private static final Set<String> STOP = Set.of("patient", "with", "that", "this", "from", "were", "have", "been", "which", "there",
      "their", "they", "about", "after", "before", "also", "into", "over", "under", "year", "years", "old", "presents", "presented",
      "history", "shows", "showed", "reveals", "revealed", "since", "days", "weeks", "months", "when", "while", "then", "than", "some",
      "other", "does", "denies", "reports", "reported", "normal", "left", "right", "time", "past", "last", "will", "would", "could");

  private static Evaluator.Trial trial(Study study, Evaluator evaluator) {
    ProtocolSection p = study.protocolSection();
    List<String> conditions = p.conditionsModule() == null || p.conditionsModule().conditions() == null
        ? List.of() : p.conditionsModule().conditions();
    return evaluator.trial(p.identificationModule().nctId(), p.eligibilityModule(), conditions);
  }

  /** The question whose answer would settle an unknown criterion in the most of the top trials. */
  static Optional<Question> question(List<Ranked> top) {
    Map<String, Set<String>> trialsByQuestion = new LinkedHashMap<>();
    Map<String, Double> weight = new HashMap<>();
    for (Ranked r : top.subList(0, Math.min(10, top.size()))) {
      if (r.match().verdict() == TrialMatch.TrialVerdict.INELIGIBLE) {
        continue;
      }
      for (CriterionVerdict v : r.match().unknowns()) {
        for (CriterionVerdict.Check c : v.checks()) {
          if (c.verdict() != Verdict.UNKNOWN || c.constraint() == null) {
            continue;
          }
          String q = questionFor(c.constraint());
          if (q != null) {
            trialsByQuestion.computeIfAbsent(q, k -> new LinkedHashSet<>()).add(r.match().nctId());
            weight.merge(q, v.weight(), Double::sum);
          }
        }
      }
    }
    return trialsByQuestion.entrySet().stream()
        .max(Comparator.comparingInt((Map.Entry<String, Set<String>> e) -> e.getValue().size()).thenComparingDouble(e -> weight.get(e.getKey())))
        .map(e -> new Question(e.getKey(), e.getValue().size()));
  }

  private static String questionFor(Constraint c) {
    return switch (c) {
      case Constraint.Age a -> "How old is the patient?";
      case Constraint.SexIs s -> "What is the patient's sex?";
      case Constraint.HasCondition h -> "Does the patient have " + h.mention().toLowerCase(Locale.ROOT) + "?";
      case Constraint.Measurement m -> "What is the patient's latest " + m.analyte().name() + "?";
      case Constraint.Performance p -> "What is the patient's performance status (ECOG or Karnofsky)?";
      case Constraint.Reproductive r -> "Is the patient pregnant or breast-feeding?";
      case Constraint.Therapy t -> "Has the patient received " + (t.therapy() == org.trialdex.core.eligibility.Therapies.Kind.NAMED
          ? t.mention().toLowerCase(Locale.ROOT) : t.therapy().label()) + ", and when?";
      case Constraint.Infection i -> "Does the patient have " + i.agent() + "?";
      case Constraint.LifeExpectancy l -> null;
      case Constraint.Assumed a -> null;
    };
  }
}
