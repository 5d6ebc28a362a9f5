package org.trialdex.app.service;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import org.trialdex.core.model.Study;
import org.trialdex.store.Link;
import org.trialdex.store.VersionInfo;

/**
 * The versions of one record, oldest first, each with what it changed, and the aliases linked to
 * it. Each version is compared with the previous version of the same source: a registry page and
 * the registry record are two views of the trial, not one changing into the other.
 *
 * @param id the record's id
 * @param versions every version, oldest first (never empty)
 * @param links the aliases linked to the record, oldest first
 */
public record RecordHistory(String id, List<Version> versions, List<Link> links) {

  public RecordHistory {
    Objects.requireNonNull(id, "id");
    versions = List.copyOf(versions);
    links = List.copyOf(links);
    if (versions.isEmpty()) {
      throw new IllegalArgumentException("the history of " + id + " has no versions; a record has at least one");
    }
  }

  /**
   * One version and what it changed.
   *
   * @param info the version without its content
   * @param study its content
   * @param previousFromSource the previous version from the same source; empty for a source's first version
   * @param changedModules the modules (e.g. {@code protocolSection.statusModule}) that differ from that
   *     previous version; empty for a source's first version
   */
  public record Version(VersionInfo info, Study study, OptionalInt previousFromSource, List<String> changedModules) {
    public Version {
      Objects.requireNonNull(info, "info");
      Objects.requireNonNull(study, "study");
      Objects.requireNonNull(previousFromSource, "previousFromSource");
      changedModules = List.copyOf(changedModules);
    }

    /** Whether this is the first version its source gave. */
    public boolean firstFromSource() {
      return previousFromSource.isEmpty();
    }
  }

  /** Version {@code version}, when the record has it. */
  public Optional<Version> version(int version) {
    return versions.stream().filter(v -> v.info().version() == version).findFirst();
  }

  /** The newest version. */
  public Version newest() {
    return versions.getLast();
  }

  /** The field differences from version {@code from} to {@code to}; empty when either does not exist. */
  public Optional<VersionDiff> diff(int from, int to) {
    Optional<Version> a = version(from);
    Optional<Version> b = version(to);
    if (a.isEmpty() || b.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(VersionDiff.between(id, from, a.get().study(), to, b.get().study()));
  }
}
