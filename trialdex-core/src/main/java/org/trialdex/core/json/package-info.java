/**
 * The ClinicalTrials.gov API v2 JSON form of the model: {@link org.trialdex.core.json.StudyJson}
 * reads and writes it losslessly and hashes content; {@link org.trialdex.core.json.StudyJsonException}
 * says where a record's JSON went wrong. Streaming over files and archives is the readers' job
 * ({@code trialdex-ingest}), not this package's.
 */
package org.trialdex.core.json;
