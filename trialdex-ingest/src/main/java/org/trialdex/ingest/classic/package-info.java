/**
 * The reader of ClinicalTrials.gov classic-API study fields ({@code ctgov-classic-fields}): JSON
 * lines of piece name to list of values, mapped onto the v2 model.
 *
 * <p>{@link org.trialdex.ingest.classic.ClassicFieldsReader} is the only public type. The piece
 * table (core's {@code Pieces}, through {@code PieceTable}), value conversions ({@code Conversions}, by core's value types) and the alignment of parallel lists
 * ({@code RecordMapper}) stay inside; {@code docs/classic-fields-mapping.md} describes them. This
 * package does not detect formats, open archives or store records.
 */
package org.trialdex.ingest.classic;
