/**
 * The system of record: {@link org.trialdex.store.StudyStore} keeps the current version and every
 * earlier version of each study, with its provenance and the import run that wrote it.
 *
 * <p>Open a store with {@link org.trialdex.store.StudyStores#open} at a
 * {@link org.trialdex.store.StoreLocation}: an embedded SQLite file (the default, one file
 * {@code trialdex.db} in a data folder) or a PostgreSQL database. Both run the same Flyway
 * migrations ({@code db/migration}) over portable SQL, and behave the same; one contract test suite
 * runs against each.
 *
 * <p>The JSON of each version is stored as text, exactly as {@code StudyJson.write} produced it,
 * never as a JSON column type that would reorder keys. Status, study type and phases of the
 * current version are copied to columns for {@link org.trialdex.store.StudyStore#counts()}.
 * Everything else (search index, eligibility, facets) is derived from the stored JSON elsewhere;
 * this package knows nothing of Lucene or of source formats.
 *
 * <p>Which records are the same trial ({@code core.identity.TrialIdentity}) and which versions merge
 * into the current record ({@code core.merge.SourceHeads}, {@code core.merge.StudyMerger}) are
 * decided in core; the store runs the lookups that feed those rules and writes what they decide.
 *
 * <p>{@link org.trialdex.store.EmbeddedCopies} copies an embedded store while it is written
 * ({@code VACUUM INTO}), checks a copy, and tells whether any process has a store open; PostgreSQL
 * has its own tools for that.
 *
 * <p>The store also keeps the API tokens that open writes over HTTP ({@link
 * org.trialdex.store.ApiTokens}): an Argon2id hash of each secret, never the secret.
 *
 * <p>Writes are batched: one transaction, one lookup query and a few batched statements per chunk.
 * Failures surface as {@link org.trialdex.store.StoreException}.
 */
package org.trialdex.store;
