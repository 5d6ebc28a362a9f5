/**
 * The reader of legacy ClinicalTrials.gov ClinicalStudy XML ({@code public.xsd}: AllPublicXML, the
 * classic API's full-record downloads), {@link org.trialdex.ingest.legacy.LegacyXmlReader}.
 *
 * <p>It owns the mapping from legacy elements to the v2 model: protocol elements, derived MeSH
 * terms, pending-results events, provided documents and the {@code clinical_results} section, plus
 * the re-flowing of indented text blocks into v2's Markdown text. It does not walk archives or
 * folders, nor detect formats: the caller hands it one entry's bytes.
 *
 * <p>Everything but the reader is package-private: {@code Mapping} (DOM navigation that remembers
 * what was read, so unread elements become warnings), {@code ProtocolMapper}, {@code ResultsMapper}
 * and {@code TextBlocks}.
 */
package org.trialdex.ingest.legacy;
