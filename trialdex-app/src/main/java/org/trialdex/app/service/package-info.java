/**
 * The services the faces call: {@link org.trialdex.app.service.Records} (a record by any id, a
 * version, links, the merge view), {@link org.trialdex.app.service.History} (versions and what each
 * changed, field diffs), {@link org.trialdex.app.service.Searches} (search and related trials),
 * {@link org.trialdex.app.service.Imports} (an import run from paths to counts) and
 * {@link org.trialdex.app.service.Reports} (counts, import runs, data-quality findings with the one
 * validator). Each is built once by the wiring ({@link org.trialdex.app.Trialdex}) from what it
 * needs; none knows the wiring or a face.
 *
 * <p>{@link org.trialdex.app.service.Backups} (backups of the embedded store and their restores) is the
 * one service the wiring does not build: it works on a store's files, which must not be open for a
 * restore, so the command line makes it with a clock.
 *
 * <p>The command line, the HTTP API and the portal answer the same questions through these
 * services, so they answer alike; {@link org.trialdex.app.service.RecordReports} and
 * {@link org.trialdex.app.service.SearchResponses} are the JSON shapes the command line and the
 * HTTP API share. This package owns what the faces ask of the store and the index; it does not own
 * tables (the store's) nor presentation (each face's).
 */
package org.trialdex.app.service;
