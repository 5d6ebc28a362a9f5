package org.trialdex.search;

import java.util.Locale;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.trialdex.core.catalog.AggFilters;
import org.trialdex.core.catalog.AggFilters.Selection;
import org.trialdex.search.query.SearchRequest.AggFilter;

/**
 * ClinicalTrials.gov's {@code aggFilters} codes ({@code status:rec}, {@code phase:2}...) as
 * queries on the schema's keyword fields. The codes and what they select are core's
 * {@link AggFilters} table; this class only turns its selections into Lucene queries.
 */
final class AggFilterQueries {

  private AggFilterQueries() {}

  /**
   * The query of one {@code aggFilters} entry: any of its options.
   *
   * @throws SearchException naming an unknown filter or code and the accepted ones
   */
  static Query query(AggFilter filter) {
    AggFilters.Filter known = AggFilters.named(filter.name()).orElseThrow(() -> new SearchException(
        "Unknown aggFilter \"" + filter.name() + "\"; accepted: " + String.join(", ", AggFilters.names())));
    if (filter.options().isEmpty()) {
      throw new SearchException("aggFilter " + filter.name() + " has no codes; accepted codes: "
          + String.join(", ", known.codes()));
    }
    BooleanQuery.Builder any = new BooleanQuery.Builder();
    for (String option : filter.options()) {
      AggFilters.Option o = known.option(option).orElseThrow(() -> new SearchException("Unknown code \"" + option
          + "\" in aggFilter " + filter.name() + "; accepted codes: " + String.join(", ", known.codes())));
      any.add(query(o.selects()), Occur.SHOULD);
    }
    return any.build();
  }

  private static Query query(Selection selection) {
    return switch (selection) {
      case Selection.Is is -> new TermQuery(new Term(field(is.piece()), Schema.keyword(is.value())));
      case Selection.AnyOf any -> combine(any.parts(), Occur.SHOULD);
      case Selection.AllOf all -> combine(all.parts(), Occur.FILTER);
      case Selection.Not not -> new BooleanQuery.Builder().add(new MatchAllDocsQuery(), Occur.FILTER)
          .add(query(not.part()), Occur.MUST_NOT).build();
    };
  }

  private static Query combine(java.util.List<Selection> parts, Occur occur) {
    BooleanQuery.Builder b = new BooleanQuery.Builder();
    parts.forEach(p -> b.add(query(p), occur));
    return b.build();
  }

  /** The keyword field a piece is indexed in; a piece the table names and the schema lacks is a bug here. */
  private static String field(String piece) {
    Schema.FieldDef def = Schema.field(piece).orElseThrow(() -> new IllegalStateException(
        "aggFilters names piece " + piece + ", which the index schema does not have"));
    if (def.kind() != Schema.Kind.KEYWORD) {
      throw new IllegalStateException("aggFilters names piece " + piece + ", a " + def.kind().name()
          .toLowerCase(Locale.ROOT) + " field; it must be a keyword field");
    }
    return def.name();
  }
}
