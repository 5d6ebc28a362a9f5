/**
 * Registry record pages: the text (or saved HTML) of a trial's page on ClinicalTrials.gov or on
 * another registry or portal, read into the {@code Study} model by labels rather than by layout.
 *
 * <p>{@link org.trialdex.ingest.page.PageReader} is the only public type. Inside, {@code PageText}
 * turns HTML into lines, {@code Segmenter} cuts the lines into labelled blocks using the
 * {@code Vocabulary} of labels per {@code Field}, {@code PageParser} reads each block by its field
 * (with {@code Lists} for the list sections and {@code Values} for typed values) into a
 * {@code Draft} v2 tree with a span per value, {@code Pages} splits files holding several pages and
 * {@code RegistryIds} knows registry id formats and makes content ids. This package owns page text
 * only; it does not store, match or merge records. See {@code docs/pages.md}.
 */
package org.trialdex.ingest.page;
