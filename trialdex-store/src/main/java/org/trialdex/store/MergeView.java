package org.trialdex.store;

import java.util.List;
import java.util.Objects;
import org.trialdex.core.merge.Conflict;
import org.trialdex.core.merge.FieldOrigin;

/**
 * How a record's current content was made: the newest version of each source, which source each
 * field came from, and where the sources disagree.
 *
 * @param nctId the record's id
 * @param sources the newest version of each source, most authoritative first
 * @param origins the source of each merged field (empty when there is one source: everything
 *     comes from it)
 * @param conflicts the fields on which a less authoritative source says something else
 */
public record MergeView(String nctId, List<VersionInfo> sources, List<FieldOrigin> origins,
    List<Conflict> conflicts) {
  public MergeView {
    Objects.requireNonNull(nctId, "nctId");
    sources = List.copyOf(sources);
    origins = List.copyOf(origins);
    conflicts = List.copyOf(conflicts);
  }
}
