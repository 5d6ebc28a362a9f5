/**
 * Search requests as ClinicalTrials.gov API v2 clients send them: {@code query.*} areas, filters,
 * {@code aggFilters}, sort, paging, and the Essie query syntax of {@code filter.advanced}, parsed
 * into {@link org.trialdex.search.query.SearchRequest} and {@link org.trialdex.search.query.Expr}.
 * Pure data and parsing: no Lucene here. A parse error says what is wrong, where, and what is
 * accepted.
 */
package org.trialdex.search.query;
