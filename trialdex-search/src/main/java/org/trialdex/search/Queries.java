package org.trialdex.search;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.document.IntPoint;
import org.apache.lucene.document.DoubleRange;
import org.apache.lucene.document.IntRange;
import org.apache.lucene.document.LatLonPoint;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.ConstantScoreQuery;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermInSetQuery;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.QueryBuilder;
import org.trialdex.core.model.Phase;
import org.trialdex.core.model.Status;
import org.trialdex.core.model.StudyType;
import org.trialdex.core.terms.Concept;
import org.trialdex.core.terms.Vocabulary;
import org.trialdex.search.Schema.FieldDef;
import org.trialdex.search.Schema.Kind;
import org.trialdex.search.query.Expr;
import org.trialdex.search.query.Expr.Bound;
import org.trialdex.search.query.SearchRequest;

/**
 * Turns a {@link SearchRequest} into one Lucene query: the {@code query.*} expressions score, the
 * filters only filter. Checks every field and value against the schema and says what is accepted
 * when one does not fit.
 */
final class Queries {

  private static final String DATE_FORMS = "2019-01-01, 2019-01, 2019, 01/2019, 01/15/2019, MIN, MAX";
  private static final String AGE_FORMS = "16 years, 6 months, 4 weeks, 30 days, MIN, MAX";

  /** How much a concept match counts: as a match in the conditions, or as one in a title. */
  private static final float OWN_CONCEPT_WEIGHT = 0.95f;
  private static final float MENTIONED_CONCEPT_WEIGHT = 0.5f;

  private final QueryBuilder words;
  private final Concepts concepts;

  Queries(Analysis analysis, Concepts concepts) {
    words = new QueryBuilder(analysis.queryAnalyzer());
    this.concepts = concepts;
  }

  /** The whole request: scored expressions, then filters. */
  Query request(SearchRequest request) {
    BooleanQuery.Builder b = new BooleanQuery.Builder();
    boolean scored = false;
    for (Map.Entry<SearchRequest.Area, Expr> query : request.queries().entrySet()) {
      try {
        b.add(expr(query.getValue()), Occur.MUST);
      } catch (SearchException e) {
        throw e.in(query.getKey().parameter());
      }
      scored = true;
    }
    try {
      request.advanced().ifPresent(a -> b.add(expr(a), Occur.FILTER));
    } catch (SearchException e) {
      throw e.in("filter.advanced");
    }
    if (!request.overallStatus().isEmpty()) {
      b.add(keywords("OverallStatus", request.overallStatus(), "filter.overallStatus", names(Status.values())),
          Occur.FILTER);
    }
    if (!request.phases().isEmpty()) {
      b.add(keywords("Phase", request.phases(), "filter.phase", names(Phase.values())), Occur.FILTER);
    }
    if (!request.studyTypes().isEmpty()) {
      b.add(keywords("StudyType", request.studyTypes(), "filter.studyType", names(StudyType.values())), Occur.FILTER);
    }
    if (!request.ids().isEmpty()) {
      b.add(ids(request.ids()), Occur.FILTER);
    }
    request.geo().ifPresent(g -> b.add(LatLonPoint.newDistanceQuery(Schema.GEO, g.latitude(), g.longitude(), g.meters()),
        Occur.FILTER));
    for (SearchRequest.AggFilter filter : request.aggFilters()) {
      b.add(AggFilterQueries.query(filter), Occur.FILTER);
    }
    if (!scored) {
      // Without words every study scores the same; the id tie-breaker then orders by NCT id.
      b.add(new MatchAllDocsQuery(), Occur.MUST);
    }
    return b.build();
  }

  private static List<String> names(Enum<?>[] values) {
    return Arrays.stream(values).map(Enum::name).toList();
  }

  private static Query keywords(String field, List<String> values, String parameter, List<String> accepted) {
    BooleanQuery.Builder any = new BooleanQuery.Builder();
    for (String value : values) {
      String name = value.strip().toUpperCase(Locale.ROOT).replace(' ', '_');
      if (!accepted.contains(name)) {
        throw new SearchException("Unknown value \"" + value + "\" in " + parameter + "; accepted: "
            + String.join(", ", accepted));
      }
      any.add(new TermQuery(new Term(field, Schema.keyword(name))), Occur.SHOULD);
    }
    return any.build();
  }

  private static Query ids(List<String> ids) {
    Set<BytesRef> exact = new LinkedHashSet<>();
    Set<BytesRef> aliases = new LinkedHashSet<>();
    for (String id : ids) {
      exact.add(new BytesRef(id.strip()));
      exact.add(new BytesRef(id.strip().toUpperCase(Locale.ROOT)));
      aliases.add(new BytesRef(Schema.keyword(id)));
    }
    return new BooleanQuery.Builder()
        .add(new TermInSetQuery(Schema.ID, exact), Occur.SHOULD)
        .add(new TermInSetQuery("NCTIdAlias", aliases), Occur.SHOULD)
        .build();
  }

  /**
   * How the words below a context operator are matched: {@code EXPANSION[...]} and
   * {@code COVERAGE[...]}, the defaults outside any.
   */
  record Mode(Expr.Expansion expansion, Expr.Coverage coverage) {
    static final Mode DEFAULT = new Mode(Expr.Expansion.RELAXATION, Expr.Coverage.CONTAINS);
  }

  /** One expression. */
  Query expr(Expr expr) {
    return expr(expr, Mode.DEFAULT);
  }

  private Query expr(Expr expr, Mode mode) {
    return switch (expr) {
      case Expr.Words w -> words(field(w.field()), w.text(), false, mode);
      case Expr.Phrase p -> words(field(p.field()), p.text(), true, mode);
      case Expr.Wildcard w -> wildcard(field(w.field()), w.pattern());
      case Expr.And and -> and(and.parts(), mode);
      case Expr.Or or -> or(or.parts(), mode);
      case Expr.Not not -> new BooleanQuery.Builder().add(new MatchAllDocsQuery(), Occur.MUST)
          .add(expr(not.part(), mode), Occur.MUST_NOT).build();
      case Expr.Range r -> range(field(r.field()), r.lower(), r.upper());
      case Expr.Missing m -> new BooleanQuery.Builder().add(new MatchAllDocsQuery(), Occur.MUST)
          .add(new TermQuery(new Term(Schema.PRESENT, field(m.field()).name())), Occur.MUST_NOT).build();
      case Expr.Expanded e -> expr(e.part(), new Mode(e.expansion(), mode.coverage()));
      case Expr.Covered c -> expr(c.part(), new Mode(mode.expansion(), c.coverage()));
      case Expr.AtOneSite site -> atOneSite(site.part(), mode);
      case Expr.Synonym synonym -> synonym(synonym);
    };
  }

  /** The studies indexed under the concept (by their own lists or their titles), in its area. */
  private Query synonym(Expr.Synonym synonym) {
    Concept concept = concepts.vocabulary().concept(synonym.id()).orElseThrow(() -> new SearchException(
        "Unknown synonym id \"" + synonym.id() + "\" in " + synonym.area() + ":" + synonym.id() + "; trialdex's"
        + " synonym ids are its concept ids (MeSH descriptors such as D003924, Disease Ontology ids such as"
        + " DOID:9352), as explain=true names them"));
    List<Vocabulary.Area> areas = switch (synonym.area().toLowerCase(Locale.ROOT)) {
      case "conditionsearch" -> List.of(Vocabulary.Area.CONDITION);
      case "interventionsearch" -> List.of(Vocabulary.Area.INTERVENTION);
      default -> List.of(Vocabulary.Area.CONDITION, Vocabulary.Area.INTERVENTION);
    };
    BooleanQuery.Builder any = new BooleanQuery.Builder();
    for (Vocabulary.Area area : areas) {
      any.add(new TermQuery(new Term(Concepts.field(area), concept.id())), Occur.SHOULD);
      any.add(new TermQuery(new Term(Concepts.mentionField(area), concept.id())), Occur.SHOULD);
    }
    return new ConstantScoreQuery(any.build());
  }

  private Query and(List<Expr> parts, Mode mode) {
    BooleanQuery.Builder b = new BooleanQuery.Builder();
    boolean positive = false;
    for (Expr part : parts) {
      if (part instanceof Expr.Not not) {
        b.add(expr(not.part(), mode), Occur.MUST_NOT);
      } else {
        b.add(expr(part, mode), Occur.MUST);
        positive = true;
      }
    }
    if (!positive) {
      b.add(new MatchAllDocsQuery(), Occur.MUST);
    }
    return b.build();
  }

  private Query or(List<Expr> parts, Mode mode) {
    if (parts.isEmpty()) {
      return new MatchNoDocsQuery("an empty OR");
    }
    BooleanQuery.Builder b = new BooleanQuery.Builder();
    for (Expr part : parts) {
      b.add(expr(part, mode), Occur.SHOULD);
    }
    return b.build();
  }

  /**
   * {@code SEARCH[Location](part)}: the studies with one site where all of {@code part} holds. The
   * index finds the studies where it holds across their sites; each such record's sites are then
   * checked one by one ({@link SiteCheck}). A part with {@code NOT} can hold at one site of a study
   * whose other sites it excludes, so then every study with a site is a candidate.
   */
  private Query atOneSite(Expr given, Mode mode) {
    Expr part = SiteCheck.retarget(given);
    SiteCheck check = SiteCheck.of(part, mode.coverage());
    Query candidates = check.negates() ? new TermQuery(new Term(Schema.PRESENT, "LocationSearch")) : expr(part, mode);
    return new VerifiedQuery(candidates, check);
  }

  /** {@code lymph*}: the words of the field (or of the area's parts) the pattern matches. */
  private Query wildcard(FieldDef field, String pattern) {
    String plain = pattern.replace("*", "");
    if (!plain.chars().allMatch(Character::isLetterOrDigit)) {
      throw new SearchException("Bad wildcard \"" + pattern + "\" in " + field.name() + ": a wildcard word is letters,"
          + " digits and *, e.g. lymph* or leuk*mia");
    }
    String lower = pattern.toLowerCase(Locale.ROOT);
    return switch (field.kind()) {
      case TEXT, ID -> {
        Map<String, Float> parts = Schema.AREA_PARTS.get(field.name().toLowerCase(Locale.ROOT));
        if (parts == null) {
          yield new org.apache.lucene.search.WildcardQuery(new Term(field.name(), lower));
        }
        BooleanQuery.Builder any = new BooleanQuery.Builder();
        for (String part : parts.keySet()) {
          any.add(new org.apache.lucene.search.WildcardQuery(new Term(part, lower)), Occur.SHOULD);
        }
        yield any.build();
      }
      case KEYWORD -> new org.apache.lucene.search.WildcardQuery(new Term(field.name(), Schema.keyword(lower)));
      default -> throw new SearchException("Wildcards apply to text fields, not to " + field.name() + ", a "
          + field.kind().name().toLowerCase(Locale.ROOT) + " field; use RANGE[...] for it");
    };
  }

  /**
   * The field named in AREA[...] or by a {@code query.*} parameter.
   *
   * @throws SearchException listing the accepted fields when there is none by that name
   */
  static FieldDef field(String name) {
    return Schema.field(name).orElseThrow(() -> SearchException.unknownArea(name, "Unknown field \"" + name
        + "\" in AREA[" + name + "]; accepted fields: " + String.join(", ", Schema.NAMES)));
  }

  /**
   * Words as the mode reads them. {@code EXPANSION[None]} and {@code [Term]}: the words adjacent,
   * no synonyms (the index folds case and accents, so the two read alike here); {@code [Concept]}:
   * synonyms, the words adjacent; {@code [Relaxation]}, the default: synonyms, the words anywhere;
   * {@code [Lossy]}: as the default, but a study with any one of the words matches (more words rank
   * higher). A {@code COVERAGE} other than {@code Contains} then keeps the studies where one value
   * of the field is covered so by the words ({@link CoverageCheck}); on a keyword field (whose value
   * is matched whole already) {@code StartsWith} and {@code EndsWith} match the value's first or
   * last words.
   */
  private Query words(FieldDef field, String text, boolean phrase, Mode mode) {
    if (field.kind() == Kind.KEYWORD && mode.coverage() != Expr.Coverage.CONTAINS
        && mode.coverage() != Expr.Coverage.FULL_MATCH) {
      // Whole words: "San" starts "San Diego", not "Santiago".
      String value = Schema.keyword(text);
      Query part = mode.coverage() == Expr.Coverage.STARTS_WITH
          ? new org.apache.lucene.search.PrefixQuery(new Term(field.name(), value + " "))
          : new org.apache.lucene.search.WildcardQuery(new Term(field.name(), "* " + escapeWildcard(value)));
      return new BooleanQuery.Builder().add(new TermQuery(new Term(field.name(), value)), Occur.SHOULD)
          .add(part, Occur.SHOULD).build();
    }
    Query q = switch (mode.expansion()) {
      case NONE, TERM -> plainWords(field, text, true);
      case CONCEPT -> words(field, text, true);
      case RELAXATION -> words(field, text, phrase);
      case LOSSY -> phrase ? words(field, text, true) : lossy(field, text);
    };
    if (mode.coverage() == Expr.Coverage.CONTAINS || field.kind() != Kind.TEXT
        || q instanceof MatchNoDocsQuery) {
      return q;
    }
    return new VerifiedQuery(q, new CoverageCheck(field.name(), tokens(text), mode.coverage()));
  }

  private static String escapeWildcard(String value) {
    StringBuilder out = new StringBuilder();
    for (char c : value.toCharArray()) {
      if (c == '*' || c == '?' || c == '\\') {
        out.append('\\');
      }
      out.append(c);
    }
    return out.toString();
  }

  /** Any of the words (each as the default reads it); the more of them, the higher the rank. */
  private Query lossy(FieldDef field, String text) {
    String[] each = text.strip().split("\\s+");
    if (each.length < 2) {
      return words(field, text, false);
    }
    BooleanQuery.Builder any = new BooleanQuery.Builder();
    for (String word : new LinkedHashSet<>(Arrays.asList(each))) {
      Query q = words(field, word, false);
      if (!(q instanceof MatchNoDocsQuery)) {
        any.add(q, Occur.SHOULD);
      }
    }
    any.setMinimumNumberShouldMatch(1);
    return any.build();
  }

  /**
   * {@code COVERAGE[...]} on a text field: some value of the field (of any part of an area) whose
   * words, analyzed as the index analyzes them, are the wanted words (FullMatch), start or end with
   * them, or contain them in order.
   */
  record CoverageCheck(String field, List<String> wanted, Expr.Coverage coverage) implements VerifiedQuery.Check {
    @Override
    public boolean test(StudyView study) {
      FieldDef def = Queries.field(field);
      for (String value : def.values().apply(study)) {
        if (covers(analyzed(value), wanted, coverage)) {
          return true;
        }
      }
      return false;
    }

    @Override
    public String description() {
      return "COVERAGE[" + coverage.written() + "] of " + wanted + " in " + field;
    }
  }

  /** Whether {@code value}'s words are covered by {@code wanted} as {@code coverage} says. */
  static boolean covers(List<String> value, List<String> wanted, Expr.Coverage coverage) {
    if (wanted.isEmpty() || wanted.size() > value.size()) {
      return false;
    }
    return switch (coverage) {
      case FULL_MATCH -> value.equals(wanted);
      case STARTS_WITH -> value.subList(0, wanted.size()).equals(wanted);
      case ENDS_WITH -> value.subList(value.size() - wanted.size(), value.size()).equals(wanted);
      case CONTAINS -> java.util.Collections.indexOfSubList(value, wanted) >= 0;
    };
  }

  /** The words of a value as the index's text analysis makes them. */
  static List<String> analyzed(String text) {
    List<String> out = new ArrayList<>();
    try (TokenStream stream = Analysis.standard().textAnalyzer().tokenStream("BriefTitle", text)) {
      CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
      stream.reset();
      while (stream.incrementToken()) {
        out.add(term.toString());
      }
      stream.end();
    } catch (java.io.IOException e) {
      throw new SearchException("Cannot analyze \"" + text + "\": " + e.getMessage(), e);
    }
    return out;
  }

  private Query words(FieldDef field, String text, boolean phrase) {
    Map<String, Float> parts = Schema.AREA_PARTS.get(field.name().toLowerCase(Locale.ROOT));
    if (parts != null) {
      return area(field, text, phrase, parts);
    }
    return plainWords(field, text, phrase);
  }

  private Query plainWords(FieldDef field, String text, boolean phrase) {
    if (Schema.composite(field)) {
      return acrossParts(field, text, phrase);
    }
    return switch (field.kind()) {
      case TEXT, ID -> {
        Query q = phrase ? words.createPhraseQuery(field.name(), text)
            : words.createBooleanQuery(field.name(), text, Occur.MUST);
        yield q == null ? new MatchNoDocsQuery("no words in \"" + text + "\"") : q;
      }
      case KEYWORD -> {
        String value = Schema.keyword(text);
        String enumName = value.replace(' ', '_').replace('-', '_');
        yield value.equals(enumName) ? new TermQuery(new Term(field.name(), value))
            : new TermInSetQuery(field.name(), List.of(new BytesRef(value), new BytesRef(enumName)));
      }
      // AREA[StartDate]2019-03 means the range of that one value.
      case DATE, INT, MIN_AGE, MAX_AGE, DOUBLE_RANGE -> range(field, new Bound.Value(text), new Bound.Value(text));
    };
  }

  /**
   * Words in a search area (ConditionSearch, InterventionSearch): they match by meaning when they
   * name concepts (any record indexed under those concepts or below them), else as words anywhere in
   * the area. Either way, a match in a heavier part of the area
   * ranks higher.
   */
  private Query area(FieldDef field, String text, boolean phrase, Map<String, Float> parts) {
    Vocabulary.Area area = Concepts.areaOf(field).orElseThrow();
    Query asWords = plainWords(field, text, phrase);
    List<Concepts.Part> meaning = concepts.understand(area, text);
    BooleanQuery.Builder b = new BooleanQuery.Builder();
    if (meaning.isEmpty()) {
      b.add(asWords, Occur.FILTER);
    } else {
      BooleanQuery.Builder byMeaning = new BooleanQuery.Builder();
      for (Concepts.Part part : meaning) {
        byMeaning.add(part.byWords() ? plainWords(field, part.words(), false) : conceptQuery(area, part), Occur.MUST);
      }
      // By meaning only: "hypertension" as words would also find pulmonary hypertension, which is
      // not below Hypertension (high blood pressure); the records that name it are indexed under it.
      b.add(byMeaning.build(), Occur.FILTER);
      for (Concepts.Part part : meaning.stream().filter(p -> !p.byWords()).toList()) {
        BooleanQuery.Builder own = new BooleanQuery.Builder();
        BooleanQuery.Builder mentioned = new BooleanQuery.Builder();
        for (Concept c : part.concepts()) {
          own.add(new TermQuery(new Term(Concepts.field(area), c.id())), Occur.SHOULD);
          mentioned.add(new TermQuery(new Term(Concepts.mentionField(area), c.id())), Occur.SHOULD);
        }
        b.add(new BoostQuery(new ConstantScoreQuery(own.build()), OWN_CONCEPT_WEIGHT), Occur.SHOULD);
        b.add(new BoostQuery(new ConstantScoreQuery(mentioned.build()), MENTIONED_CONCEPT_WEIGHT), Occur.SHOULD);
      }
    }
    for (Map.Entry<String, Float> part : parts.entrySet()) {
      Query inPart = plainWords(field(part.getKey()), text, phrase);
      if (!(inPart instanceof MatchNoDocsQuery)) {
        b.add(new BoostQuery(inPart, part.getValue()), Occur.SHOULD);
      }
    }
    return b.build();
  }

  /**
   * Words in any part of a composite area, as if its parts were one field: a phrase in one part
   * (a phrase never spans two values), or every word in some part.
   */
  private Query acrossParts(FieldDef area, String text, boolean phrase) {
    Map<String, Float> parts = Schema.AREA_PARTS.get(area.name().toLowerCase(Locale.ROOT));
    if (phrase) {
      BooleanQuery.Builder any = new BooleanQuery.Builder();
      boolean some = false;
      for (String part : parts.keySet()) {
        Query q = words.createPhraseQuery(part, text);
        if (q != null) {
          any.add(q, Occur.SHOULD);
          some = true;
        }
      }
      return some ? any.build() : new MatchNoDocsQuery("no words in \"" + text + "\"");
    }
    List<String> tokens = tokens(text);
    if (tokens.isEmpty()) {
      return new MatchNoDocsQuery("no words in \"" + text + "\"");
    }
    BooleanQuery.Builder all = new BooleanQuery.Builder();
    for (String token : new LinkedHashSet<>(tokens)) {
      BooleanQuery.Builder anyPart = new BooleanQuery.Builder();
      for (String part : parts.keySet()) {
        anyPart.add(new TermQuery(new Term(part, token)), Occur.SHOULD);
      }
      all.add(anyPart.build(), Occur.MUST);
    }
    return all.build();
  }

  /** The analyzed words of {@code text}, as text fields index them. */
  private List<String> tokens(String text) {
    return analyzed(text);
  }

  /** Records indexed under any of the part's concepts (or below them), by their own lists or their titles. */
  static Query conceptQuery(Vocabulary.Area area, Concepts.Part part) {
    BooleanQuery.Builder any = new BooleanQuery.Builder();
    for (Concept c : part.concepts()) {
      any.add(new TermQuery(new Term(Concepts.field(area), c.id())), Occur.SHOULD);
      any.add(new TermQuery(new Term(Concepts.mentionField(area), c.id())), Occur.SHOULD);
    }
    return any.build();
  }

  private Query range(FieldDef field, Bound lower, Bound upper) {
    return switch (field.kind()) {
      case DATE -> {
        int lo = bound(field, lower, t -> Schema.dateSpan(t).map(s -> s[0]), DATE_FORMS, "a date");
        int hi = bound(field, upper, t -> Schema.dateSpan(t).map(s -> s[1]), DATE_FORMS, "a date");
        yield lo > hi ? new MatchNoDocsQuery("empty range") : IntRange.newIntersectsQuery(field.name(),
            new int[] {lo}, new int[] {hi});
      }
      case INT -> {
        Function<String, Optional<Integer>> number = t -> {
          try {
            return Optional.of(Integer.parseInt(t.strip()));
          } catch (NumberFormatException e) {
            return Optional.empty();
          }
        };
        int lo = bound(field, lower, number, "a whole number, MIN, MAX", "a whole number");
        int hi = bound(field, upper, number, "a whole number, MIN, MAX", "a whole number");
        yield IntPoint.newRangeQuery(field.name(), lo, hi);
      }
      case MIN_AGE, MAX_AGE -> {
        int lo = bound(field, lower, Schema::ageDays, AGE_FORMS, "an age");
        int hi = bound(field, upper, Schema::ageDays, AGE_FORMS, "an age");
        yield IntPoint.newRangeQuery(field.name(), lo, hi);
      }
      case DOUBLE_RANGE -> {
        double lo = numberBound(field, lower);
        double hi = numberBound(field, upper);
        if (lo > hi) {
          throw new SearchException("Bad RANGE for " + field.name() + ": the lower bound " + written(lower)
              + " is above the upper bound " + written(upper) + "; write the smaller first");
        }
        yield DoubleRange.newIntersectsQuery(field.name(), new double[] {lo}, new double[] {hi});
      }
      case TEXT, ID, KEYWORD -> throw new SearchException("RANGE does not apply to " + field.name()
          + ", a " + field.kind().name().toLowerCase(Locale.ROOT) + " field; RANGE takes dates, numbers and ages: "
          + String.join(", ", Schema.rangeable()));
    };
  }

  private static String written(Bound bound) {
    return switch (bound) {
      case Bound.Min min -> "MIN";
      case Bound.Max max -> "MAX";
      case Bound.Value v -> "\"" + v.text().strip() + "\"";
    };
  }

  /** A bound of a span-of-numbers field: MIN and MAX are open ends. */
  private static double numberBound(FieldDef field, Bound bound) {
    return switch (bound) {
      case Bound.Min min -> Double.NEGATIVE_INFINITY;
      case Bound.Max max -> Double.POSITIVE_INFINITY;
      case Bound.Value v -> CellCounts.parse(v.text(), field.name());
    };
  }

  private static int bound(FieldDef field, Bound bound, Function<String, Optional<Integer>> read,
      String accepted, String what) {
    return switch (bound) {
      case Bound.Min min -> Integer.MIN_VALUE;
      case Bound.Max max -> Integer.MAX_VALUE;
      case Bound.Value v -> read.apply(v.text()).orElseThrow(() -> new SearchException("Bad value \"" + v.text()
          + "\" for " + field.name() + ": not " + what + "; accepted: " + accepted));
    };
  }
}
