/**
 * One truthful record of a trial from several sources: the registry's v2 JSON, its classic
 * study-fields export, pages that show the trial.
 *
 * <p>The store keeps every version from every source and hands {@link
 * org.trialdex.core.merge.StudyMerger#merge} the latest record of each source as {@link
 * org.trialdex.core.merge.SourceRecord}s. The merger ranks them (a registry record over a page,
 * then the newer record), takes each unit of the record (a field, a list, a results module) from
 * the best-ranked source that has it, and returns a {@link org.trialdex.core.merge.MergedStudy}:
 * the record, the {@link org.trialdex.core.merge.FieldOrigin} of each unit, and a
 * {@link org.trialdex.core.merge.Conflict} wherever a lower-ranked source says something else.
 * Explanations are values: a conflict holds each source's {@link org.trialdex.core.merge.Claim}
 * and says in words what differs and why the chosen value won.
 *
 * <p>Sources that only present the same facts differently (bullets or line breaks in a text,
 * {@code 2016-01} against {@code 2016-01-01}, {@code 1 Year} against {@code 12 Months}, a page that
 * lists some of the locations) are not in conflict. {@link org.trialdex.core.merge.StudyMerger}
 * documents the rules.
 *
 * <p>This package reads and writes nothing and keeps no state; storing the merged record and its
 * origins is the store's work.
 */
package org.trialdex.core.merge;
