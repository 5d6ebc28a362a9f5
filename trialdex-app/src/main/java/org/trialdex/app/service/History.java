package org.trialdex.app.service;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import org.trialdex.core.diff.ModuleDiff;
import org.trialdex.core.model.Study;
import org.trialdex.store.StoredStudy;
import org.trialdex.store.StudyStore;
import org.trialdex.store.VersionInfo;

/**
 * A record's history: its versions with the modules each changed, and the field diff of two
 * versions. The command line, the HTTP API and the portal all list versions from here, so they
 * compare the same versions and name the same changes.
 */
public final class History {

  private final StudyStore store;

  /** The history kept in {@code store}. */
  public History(StudyStore store) {
    this.store = Objects.requireNonNull(store, "store");
  }

  /**
   * Every version of the record {@code requestedId} names (an NCT id or an alias), oldest first,
   * each compared with the previous version of its source; empty when the store holds no such record.
   */
  public Optional<RecordHistory> of(String requestedId) {
    String id = store.resolve(requestedId).orElse(requestedId);
    List<VersionInfo> infos = store.versions(id);
    if (infos.isEmpty()) {
      return Optional.empty();
    }
    Map<String, Study> previous = new HashMap<>();
    Map<String, Integer> previousVersion = new HashMap<>();
    List<RecordHistory.Version> versions = new ArrayList<>(infos.size());
    for (VersionInfo v : infos) {
      Study study = store.version(id, v.version()).map(StoredStudy::study).orElseThrow();
      Study before = previous.put(v.sourceKey(), study);
      Integer beforeVersion = previousVersion.put(v.sourceKey(), v.version());
      versions.add(new RecordHistory.Version(v, study,
          before == null ? OptionalInt.empty() : OptionalInt.of(beforeVersion),
          before == null ? List.of() : ModuleDiff.changedModules(before, study)));
    }
    return Optional.of(new RecordHistory(id, versions, store.links(id)));
  }

  /**
   * The field differences from version {@code from} to version {@code to} of the record
   * {@code requestedId} names; reads only those two versions. Empty when the record or either
   * version does not exist.
   */
  public Optional<VersionDiff> diff(String requestedId, int from, int to) {
    Optional<String> id = store.resolve(requestedId);
    if (id.isEmpty()) {
      return Optional.empty();
    }
    Optional<StoredStudy> a = store.version(id.get(), from);
    Optional<StoredStudy> b = store.version(id.get(), to);
    if (a.isEmpty() || b.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(VersionDiff.between(id.get(), from, a.get().study(), to, b.get().study()));
  }
}
