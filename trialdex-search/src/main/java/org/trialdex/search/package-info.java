/**
 * The Lucene index of current study records and the search service over it.
 *
 * <p>{@link org.trialdex.search.StudyIndex} writes: one document per record id, holding the v2 JSON
 * and the fields of the schema ({@code docs/search.md}): ClinicalTrials.gov search areas
 * ({@code ConditionSearch}, {@code BasicSearch}...), fields by v2 piece name ({@code OverallStatus},
 * {@code StartDate}...), site coordinates, facet values and related-trial features.
 * {@link org.trialdex.search.SearchService} reads: a
 * {@link org.trialdex.search.query.SearchRequest} becomes one Lucene query, sorted and paged by
 * opaque tokens, with totals and facet counts; {@code related} finds similar trials and says why.
 *
 * <p>The index is derived data: it knows nothing of the store and can always be rebuilt from it.
 * {@link org.trialdex.search.SearchException} says a request or the index is at fault;
 * {@link org.trialdex.search.SearchTimeoutException} says a search ran past the time limit it was
 * given and was stopped.
 */
package org.trialdex.search;
