/**
 * The cell-therapy profile of a trial (issue #11): which cells are given, from which tissue, whose
 * they are, how many, how often and by which route, with the products and manufacturing notes the
 * record names. No registry has fields for these facts; {@link org.trialdex.core.celltherapy.CellTherapy}
 * reads them from a record's titles, arms, interventions, summary and description.
 *
 * <p>Every {@link org.trialdex.core.celltherapy.Fact} carries its {@link
 * org.trialdex.core.celltherapy.Evidence}: the field and the span of text it was read from. What
 * the record does not say stays unknown (an empty list or {@code null}); nothing is guessed from the
 * condition, the sponsor or a product's name. The profile is derived data, recomputed from the stored
 * record; {@code docs/celltherapy.md} gives the rules and their measured accuracy.
 */
package org.trialdex.core.celltherapy;
