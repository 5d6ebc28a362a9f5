/**
 * The ClinicalTrials.gov API v2 JSON reader: single studies, arrays, NDJSON and API pages, read as a
 * stream. It owns the shapes of v2 files; the mapping of JSON onto the model is
 * {@link org.trialdex.core.json.StudyJson}'s.
 */
package org.trialdex.ingest.ctgov;
