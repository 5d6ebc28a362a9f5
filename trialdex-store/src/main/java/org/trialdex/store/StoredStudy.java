package org.trialdex.store;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.trialdex.core.model.Study;
import org.trialdex.core.source.FieldSpan;
import org.trialdex.core.source.Provenance;

/**
 * A record's content with where it came from: one stored version, or the current record.
 *
 * <p>A current record with one source is that source's newest version. With several sources it
 * is their merge ({@link StudyStore#merge} tells which field came from which source): then
 * {@code version}, {@code provenance} and {@code importRunId} are those of the newest version, and
 * {@code contentHash} is the merged content's.
 *
 * @param nctId the record's id (an NCT id, or another registry id or content id until linked)
 * @param version 1 for the first version, then 2, 3...
 * @param recordedAt when the store wrote this version (store clock, to the microsecond)
 * @param provenance where this version's content came from
 * @param importRunId the import run that wrote it
 * @param contentHash {@link org.trialdex.core.json.StudyJson#contentHash} of the content
 * @param study the content, read from the JSON exactly as it was stored
 * @param spans where in the source text each field was read (registry pages), or none
 */
public record StoredStudy(String nctId, int version, Instant recordedAt, Provenance provenance,
    long importRunId, String contentHash, Study study, List<FieldSpan> spans) {
  public StoredStudy {
    Objects.requireNonNull(nctId, "nctId");
    Objects.requireNonNull(recordedAt, "recordedAt");
    Objects.requireNonNull(provenance, "provenance");
    Objects.requireNonNull(contentHash, "contentHash");
    Objects.requireNonNull(study, "study");
    spans = List.copyOf(spans);
  }

  /** This version's metadata. */
  public VersionInfo info() {
    return new VersionInfo(nctId, version, recordedAt, provenance, importRunId, contentHash);
  }
}
