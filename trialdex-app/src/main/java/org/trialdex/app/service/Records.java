package org.trialdex.app.service;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;
import org.trialdex.store.ImportRun;
import org.trialdex.store.MergeView;
import org.trialdex.store.RunCounts;
import org.trialdex.store.StoredStudy;
import org.trialdex.store.StudyStore;
import org.trialdex.store.VersionInfo;

/**
 * Records as the faces ask for them: the current record or a version by any id the store knows
 * (an NCT id, or an alias linked to one), the versions without content, the merge view, every
 * current record, and linking an alias by hand.
 */
public final class Records {

  private final StudyStore store;

  /** Records of {@code store}. */
  public Records(StudyStore store) {
    this.store = Objects.requireNonNull(store, "store");
  }

  /** The id the store keeps the record under: {@code id} itself, or the NCT record an alias names. */
  public Optional<String> resolve(String id) {
    return store.resolve(id);
  }

  /** The current record that {@code id} (an NCT id or an alias) names. */
  public Optional<StoredStudy> current(String id) {
    return store.current(id);
  }

  /**
   * The current record that {@code id} names as its stored JSON (compact v2 JSON in UTF-8), not read
   * into the model: for answers that send it as it is.
   */
  public Optional<byte[]> currentJson(String id) {
    return store.currentJson(id);
  }

  /** Version {@code version} (1 is the first) of record {@code id}. */
  public Optional<StoredStudy> version(String id, int version) {
    return store.version(id, version);
  }

  /** The versions of record {@code id} without their content, oldest first; empty when it is not stored. */
  public List<VersionInfo> versions(String id) {
    return store.versions(id);
  }

  /**
   * How record {@code id}'s current content was made from its sources; a view without sources,
   * origins or conflicts when the store holds no such record.
   */
  public MergeView merge(String id) {
    return mergeOf(store, id);
  }

  static MergeView mergeOf(StudyStore store, String id) {
    return store.merge(id).orElse(new MergeView(id, List.of(), List.of(), List.of()));
  }

  /** Every current record in id order, streamed; the caller closes the stream. */
  public Stream<StoredStudy> all() {
    return store.currentAll();
  }

  /**
   * Links the record stored under {@code alias} to NCT record {@code nctId}: its versions join that
   * record, which is merged again.
   *
   * @throws org.trialdex.store.StoreException when either record is missing or the link is refused; the message says why
   */
  public void link(String alias, String nctId, String reason) {
    store.link(alias, nctId, reason);
  }

  /**
   * Links as {@link #link} does, recorded as an import run named {@code command} (which {@code
   * trialdex stats} lists): FINISHED with one record read and updated, or FAILED with the reason.
   *
   * @return the run's id
   * @throws org.trialdex.store.StoreException when either record is missing or the link is refused; the run is then FAILED
   */
  public long linkAsRun(String command, String alias, String nctId, String reason) {
    ImportRun run = store.beginRun(command, List.of(alias + " -> " + nctId));
    try {
      store.link(alias, nctId, reason);
    } catch (RuntimeException e) {
      try {
        store.failRun(run.id(), new RunCounts(1, 0, 0, 0, 1), String.valueOf(e.getMessage()));
      } catch (RuntimeException again) {
        e.addSuppressed(again);
      }
      throw e;
    }
    store.finishRun(run.id(), new RunCounts(1, 0, 1, 0, 0));
    return run.id();
  }
}
