/**
 * Medical vocabulary for search by meaning: MeSH descriptors (names, entry terms, tree numbers),
 * Human Disease Ontology terms (labels, exact synonyms, MeSH cross-references, parents) and the
 * team's curated list, merged into one {@link org.trialdex.core.terms.Vocabulary} of concepts with
 * a hierarchy. It maps text (a record's condition, a query) to concepts by their names, ignoring
 * case, accents, word order, plural endings and a few spelling variants
 * ({@link org.trialdex.core.terms.Words}).
 */
package org.trialdex.core.terms;
