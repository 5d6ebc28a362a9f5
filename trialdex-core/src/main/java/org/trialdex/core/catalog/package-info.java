/**
 * The tables that several modules read and that must never drift apart (issue #8): the
 * {@code aggFilters} codes ({@link org.trialdex.core.catalog.AggFilters}), the ClinicalTrials.gov
 * pieces with their v2 paths ({@link org.trialdex.core.catalog.Pieces}, the classic table), the live
 * piece name of every node of the v2 model ({@link org.trialdex.core.catalog.FieldCatalog}, issue #14)
 * and the legacy value of every v2 constant ({@link org.trialdex.core.catalog.LegacyValues}). The search parser and
 * service, the portal, the classic reader, the HTTP {@code fields=} parser and the docs derive from
 * them or are tested against them. This package holds data and lookups only; how a module applies
 * a row (a Lucene query, a JSON walk, a converter) stays in that module.
 */
package org.trialdex.core.catalog;
