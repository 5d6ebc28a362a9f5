package org.trialdex.search;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.trialdex.core.model.DerivedSection;
import org.trialdex.core.model.Mesh;
import org.trialdex.core.terms.Concept;
import org.trialdex.core.terms.Vocabulary;
import org.trialdex.search.query.Expr;
import org.trialdex.search.query.SearchRequest;

/**
 * Builds an {@link Explanation}: the searched texts of a request with the concepts they name, and
 * for each hit the field values that matched them.
 */
final class Explainer {

  private static final int MAX_NAMES = 12;

  private final Queries queries;
  private final Concepts concepts;

  Explainer(Queries queries, Concepts concepts) {
    this.queries = queries;
    this.concepts = concepts;
  }

  /** One searched text: a Words or Phrase leaf of an expression. */
  private record Leaf(Schema.FieldDef field, String text, boolean phrase, List<Concepts.Part> meaning) {}

  Explanation explain(SearchRequest request, List<Hit> hits, IndexSearcher searcher) throws IOException {
    List<Leaf> leaves = new ArrayList<>();
    for (Expr e : request.queries().values()) {
      collect(e, leaves);
    }
    request.advanced().ifPresent(e -> collect(e, leaves));
    List<Explanation.Term> terms = new ArrayList<>();
    for (Leaf leaf : leaves) {
      List<List<Explanation.ConceptInfo>> named = new ArrayList<>();
      for (Concepts.Part part : leaf.meaning()) {
        if (!part.byWords()) {
          named.add(part.concepts().stream().map(this::info).toList());
        }
      }
      Map<String, Float> parts = Schema.AREA_PARTS.getOrDefault(leaf.field().name().toLowerCase(Locale.ROOT), Map.of());
      String words = leaf.meaning().stream().filter(Concepts.Part::byWords).map(Concepts.Part::words).findFirst()
          .orElse("");
      terms.add(new Explanation.Term(leaf.field().name(), leaf.text(), !leaf.meaning().isEmpty(), named, words,
          parts.entrySet().stream().map(p -> p.getKey() + " " + p.getValue()).toList()));
    }
    List<Explanation.HitReasons> reasons = new ArrayList<>();
    for (Hit hit : hits) {
      TopDocs doc = searcher.search(new TermQuery(new Term(Schema.ID, hit.id())), 1);
      int docId = doc.scoreDocs.length == 0 ? -1 : doc.scoreDocs[0].doc;
      StudyView view = new StudyView(hit.study());
      List<String> why = new ArrayList<>();
      for (Leaf leaf : leaves) {
        for (String reason : reasons(leaf, view, docId, searcher)) {
          if (!why.contains(reason)) {
            why.add(reason);
          }
        }
      }
      hit.nearest().ifPresent(n -> why.add(String.format(Locale.ROOT, "nearest site %s, %.1f km away (%s)", n.place(),
          n.distanceMeters() / 1000, n.precision().equals("city") ? "its city's centre" : "the record's coordinates")));
      reasons.add(new Explanation.HitReasons(hit.id(), why, hit.derived()));
    }
    return new Explanation(terms, reasons);
  }

  private void collect(Expr expr, List<Leaf> leaves) {
    switch (expr) {
      case Expr.Words w -> leaves.add(leaf(w.field(), w.text(), false));
      case Expr.Phrase p -> leaves.add(leaf(p.field(), p.text(), true));
      case Expr.And and -> and.parts().forEach(e -> collect(e, leaves));
      case Expr.Or or -> or.parts().forEach(e -> collect(e, leaves));
      case Expr.Not not -> { } // excluded words explain no hit
      case Expr.Range r -> { }
      case Expr.Missing m -> { }
      case Expr.Wildcard w -> { }
      case Expr.Expanded e -> collect(e.part(), leaves);
      case Expr.Covered c -> collect(c.part(), leaves);
      case Expr.AtOneSite s -> collect(s.part(), leaves);
      case Expr.Synonym s -> { }
    }
  }

  private Leaf leaf(String field, String text, boolean phrase) {
    Schema.FieldDef def = Queries.field(field);
    List<Concepts.Part> meaning = Concepts.areaOf(def).map(a -> concepts.understand(a, text)).orElse(List.of());
    return new Leaf(def, text, phrase, meaning);
  }

  private Explanation.ConceptInfo info(Concept c) {
    Vocabulary v = concepts.vocabulary();
    List<String> names = v.names(c.id());
    return new Explanation.ConceptInfo(c.id(), c.name(), c.source().name(),
        v.mesh(c.id()).stream().map(m -> m.id() + " " + m.name()).toList(),
        names.size() > MAX_NAMES ? names.subList(0, MAX_NAMES) : names);
  }

  private List<String> reasons(Leaf leaf, StudyView view, int docId, IndexSearcher searcher) throws IOException {
    List<String> why = new ArrayList<>();
    java.util.Optional<Vocabulary.Area> area = Concepts.areaOf(leaf.field());
    if (area.isPresent() && !leaf.meaning().isEmpty()) {
      Vocabulary.Area a = area.get();
      Map<String, List<String>> sources = new LinkedHashMap<>();
      if (a == Vocabulary.Area.CONDITION) {
        sources.put("Condition", view.conditions());
        sources.put("ConditionMeshTerm", meshTerms(view, DerivedSection::conditionBrowseModule));
      } else {
        List<String> names = new ArrayList<>(view.interventionNames());
        names.addAll(view.interventionOtherNames());
        sources.put("Intervention", names);
        sources.put("InterventionMeshTerm", meshTerms(view, DerivedSection::interventionBrowseModule));
      }
      sources.put("BriefTitle", view.briefTitle());
      sources.put("OfficialTitle", view.officialTitle());
      sources.put("Keyword", view.keywords());
      for (Concepts.Part part : leaf.meaning().stream().filter(p -> !p.byWords()).toList()) {
        Set<String> wanted = part.concepts().stream().map(Concept::id).collect(java.util.stream.Collectors.toSet());
        for (Map.Entry<String, List<String>> source : sources.entrySet()) {
          for (String value : source.getValue()) {
            for (Vocabulary.Match m : concepts.vocabulary().find(a, value)) {
              Set<String> up = concepts.vocabulary().closure(m.concept().id());
              String hitConcept = part.concepts().stream().map(Concept::id).filter(up::contains).findFirst().orElse(null);
              if (hitConcept != null && wanted.contains(hitConcept)) {
                String via = m.concept().id().equals(hitConcept) ? "" : ", below " + name(hitConcept);
                why.add(source.getKey() + " \"" + value + "\" names " + m.concept().name() + " (" + m.concept().id()
                    + via + ")");
              }
            }
          }
        }
      }
    } else if (docId >= 0) {
      Map<String, Float> parts = Schema.AREA_PARTS.getOrDefault(leaf.field().name().toLowerCase(Locale.ROOT),
          Map.of(leaf.field().name(), 1f));
      for (String part : parts.keySet()) {
        Query q = queries.expr(leaf.phrase() ? new Expr.Phrase(part, leaf.text()) : new Expr.Words(part, leaf.text()));
        if (!(q instanceof MatchNoDocsQuery) && searcher.explain(q, docId).isMatch()) {
          why.add(part + " has " + (leaf.phrase() ? "the phrase" : "the words") + " \"" + leaf.text() + "\"");
        }
      }
    }
    return why;
  }

  private String name(String id) {
    return concepts.vocabulary().concept(id).map(Concept::name).orElse(id);
  }

  private static List<String> meshTerms(StudyView view, Function<DerivedSection, org.trialdex.core.model.BrowseModule> m) {
    return view.browseMeshes(m).stream().map(Mesh::term).filter(t -> t != null && !t.isBlank()).toList();
  }
}
