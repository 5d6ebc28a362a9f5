/**
 * The study record, as immutable Java records that mirror the ClinicalTrials.gov API v2 data
 * model: {@link org.trialdex.core.model.Study} with its protocol, results, annotation, document and
 * derived sections, every module and every enum with the v2 spellings.
 *
 * <p>The records and enums are generated from the official OpenAPI document by
 * {@code tools/generate-model.py}; each generated file says so in its header, and
 * {@code trialdex-core/generated-model.sha256} (checked by a test on every build) holds what the
 * generator wrote, so a hand edit fails the build. Members absent from a
 * record are {@code null} (the model must tell "absent" from "empty" to write records back
 * exactly); lists are immutable. Members the model does not know are kept in each record's
 * {@code unknownFields} and written back, so reading and writing any v2 record is lossless.
 *
 * <p>Dates stay strings as v2 writes them ({@code 2016}, {@code 2016-01}, {@code 2016-01-01});
 * {@link org.trialdex.core.normalize} parses them where a computation needs a value.
 */
package org.trialdex.core.model;
