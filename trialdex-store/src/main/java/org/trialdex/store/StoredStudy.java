package org.trialdex.store;

import java.time.Instant;
import java.util.Objects;
import org.trialdex.core.model.Study;
import org.trialdex.core.source.Provenance;

/**
 * One stored version of a record with its content.
 *
 * @param nctId the record's NCT id
 * @param version 1 for the first version, then 2, 3...
 * @param recordedAt when the store wrote this version (store clock, to the microsecond)
 * @param provenance where this version's content came from
 * @param importRunId the import run that wrote it
 * @param contentHash {@link org.trialdex.core.json.StudyJson#contentHash} of the content
 * @param study the content, read from the JSON exactly as it was stored
 */
public record StoredStudy(String nctId, int version, Instant recordedAt, Provenance provenance,
    long importRunId, String contentHash, Study study) {
  public StoredStudy {
    Objects.requireNonNull(nctId, "nctId");
    Objects.requireNonNull(recordedAt, "recordedAt");
    Objects.requireNonNull(provenance, "provenance");
    Objects.requireNonNull(contentHash, "contentHash");
    Objects.requireNonNull(study, "study");
  }

  /** This version's metadata. */
  public VersionInfo info() {
    return new VersionInfo(nctId, version, recordedAt, provenance, importRunId, contentHash);
  }
}
