package org.trialdex.core.merge;

import java.time.Instant;
import java.util.Objects;
import org.trialdex.core.model.Study;
import org.trialdex.core.source.Provenance;

/**
 * The latest version of one trial from one source, as the store hands it to the merger.
 *
 * @param sourceKey the source, such as {@code ctgov-v2-json}, {@code ctgov-classic-fields} or
 *     {@code registry-page:portal-list}; with {@code version} it names the record in conflicts
 * @param study what the source says
 * @param provenance where the record was read
 * @param authority how much the source counts, usually {@link Authority#of(Provenance)}
 * @param version the store's version number of this record within its source
 * @param recordedAt when the store recorded this version; ranks records whose own dates tie
 */
public record SourceRecord(
    String sourceKey, Study study, Provenance provenance, Authority authority, int version, Instant recordedAt) {

  /** @throws NullPointerException when any part is null; IllegalArgumentException for a blank key */
  public SourceRecord {
    Objects.requireNonNull(sourceKey, "sourceKey");
    Objects.requireNonNull(study, "study");
    Objects.requireNonNull(provenance, "provenance");
    Objects.requireNonNull(authority, "authority");
    Objects.requireNonNull(recordedAt, "recordedAt");
    if (sourceKey.isBlank()) {
      throw new IllegalArgumentException("sourceKey is blank; name the source, as ctgov-v2-json");
    }
  }

  /** A record whose authority follows from its provenance's format. */
  public static SourceRecord of(String sourceKey, Study study, Provenance provenance, int version, Instant recordedAt) {
    return new SourceRecord(sourceKey, study, provenance, Authority.of(provenance), version, recordedAt);
  }

  /** "sourceKey vN", as conflict messages name the record. */
  String label() {
    return sourceKey + " v" + version;
  }
}
