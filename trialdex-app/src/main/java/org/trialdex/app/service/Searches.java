package org.trialdex.app.service;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import org.trialdex.search.Explanation;
import org.trialdex.search.RelatedTrial;
import org.trialdex.search.SearchResult;
import org.trialdex.search.SearchService;
import org.trialdex.search.query.SearchRequest;
import org.trialdex.store.StudyStore;

/**
 * Search and related trials over the index that follows the store. The index is handed in as a
 * supplier of the current {@link SearchService}: the wiring's index catches up with the store (or
 * says it is being rebuilt) each time one is asked for, so this service holds no index state.
 */
public final class Searches {

  private final StudyStore store;
  private final Supplier<SearchService> index;

  /**
   * Searches of {@code index}; {@code store} resolves the ids related trials are asked for.
   *
   * @param index the current search service, caught up with the store; it may throw
   *     {@link org.trialdex.app.SearchUnavailableException} while the index is rebuilt
   */
  public Searches(StudyStore store, Supplier<SearchService> index) {
    this.store = Objects.requireNonNull(store, "store");
    this.index = Objects.requireNonNull(index, "index");
  }

  /**
   * One page of the trials that match {@code request}, with the facets it asks for.
   *
   * @throws org.trialdex.search.SearchException when the request cannot be answered (e.g. a bad page token)
   * @throws org.trialdex.app.SearchUnavailableException while the index is rebuilt from the store
   */
  public SearchResult search(SearchRequest request) {
    return index.get().search(request);
  }

  /**
   * Like {@link #search(SearchRequest)}, stopped once it runs longer than {@code limit}.
   *
   * @throws org.trialdex.search.SearchTimeoutException when the limit passes
   */
  public SearchResult search(SearchRequest request, Duration limit) {
    return index.get().search(request, limit);
  }

  /** The page {@code skip} hits into the results ({@link SearchService#page}): numbered pages of the portal. */
  public SearchResult page(SearchRequest request, int skip, Duration limit) {
    return index.get().page(request, skip, limit);
  }

  /**
   * The index's values of {@code fields} for every trial {@code request} matches, stopped past
   * {@code limit} ({@link SearchService#fieldValues}).
   */
  public List<org.trialdex.search.FieldValues> fieldValues(SearchRequest request, java.util.Collection<String> fields,
      Duration limit) {
    return index.get().fieldValues(request, fields, limit);
  }

  /** How many trials {@code request} matches under each condition concept ({@link SearchService#conditionConceptCounts}). */
  public java.util.Map<String, Long> conditionConceptCounts(SearchRequest request, List<String> conceptIds, Duration limit) {
    return index.get().conditionConceptCounts(request, conceptIds, limit);
  }

  /** How many trials {@code request} matches with a span of {@code field} in each bin ({@link SearchService#spanCounts}). */
  public List<Long> spanCounts(SearchRequest request, String field, List<double[]> bins, Duration limit) {
    return index.get().spanCounts(request, field, bins, limit);
  }

  /** How many trials {@code request} matches that have a value of {@code field} ({@link SearchService#countWithValue}). */
  public long countWithValue(SearchRequest request, String field, Duration limit) {
    return index.get().countWithValue(request, field, limit);
  }

  /** True when the index holds record embeddings for {@link #similar}. */
  public boolean hasVectors() {
    return index.get().hasVectors();
  }

  /** The {@code k} records nearest in meaning to {@code vector} among those {@code filters} admit. */
  public SearchResult similar(float[] vector, SearchRequest filters, int k) {
    return index.get().similar(vector, filters, k);
  }

  /** The stored embeddings of these records. */
  public java.util.Map<String, float[]> vectors(java.util.Collection<String> ids) {
    return index.get().vectors(ids);
  }

  /** How {@code request} was understood and why each hit of {@code result} (its page) matched. */
  public Explanation explain(SearchRequest request, SearchResult result) {
    return index.get().explain(request, result);
  }

  /**
   * The {@code limit} trials most similar to the one {@code requestedId} names (an NCT id or an
   * alias), each with the features it shares; empty when the store holds no such trial.
   *
   * @throws org.trialdex.search.SearchException when the index does not hold the trial yet
   * @throws org.trialdex.app.SearchUnavailableException while the index is rebuilt from the store
   */
  public Optional<List<RelatedTrial>> related(String requestedId, int limit) {
    Optional<String> id = store.resolve(requestedId);
    if (id.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(index.get().related(id.get(), limit));
  }
}
