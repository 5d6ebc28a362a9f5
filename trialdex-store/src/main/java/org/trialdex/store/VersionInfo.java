package org.trialdex.store;

import java.time.Instant;
import java.util.Objects;
import org.trialdex.core.source.Provenance;
import org.trialdex.core.source.SourceKeys;

/**
 * One stored version of a record, without its content.
 *
 * @param nctId the record's id
 * @param version 1 for the first version, then 2, 3...
 * @param recordedAt when the store wrote this version (store clock, to the microsecond)
 * @param provenance where this version's content came from
 * @param importRunId the import run that wrote it
 * @param contentHash {@link org.trialdex.core.json.StudyJson#contentHash} of the content
 */
public record VersionInfo(String nctId, int version, Instant recordedAt, Provenance provenance,
    long importRunId, String contentHash) {
  public VersionInfo {
    Objects.requireNonNull(nctId, "nctId");
    Objects.requireNonNull(recordedAt, "recordedAt");
    Objects.requireNonNull(provenance, "provenance");
    Objects.requireNonNull(contentHash, "contentHash");
  }

  /** The source this version belongs to; see {@link SourceKeys}. */
  public String sourceKey() {
    return SourceKeys.of(provenance);
  }
}
