package org.trialdex.app.service;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.trialdex.core.model.Study;
import org.trialdex.core.validate.StudyValidator;
import org.trialdex.core.validate.ValidationReport;
import org.trialdex.store.ImportRun;
import org.trialdex.store.StoreCounts;
import org.trialdex.store.StoredStudy;
import org.trialdex.store.StudyStore;

/**
 * What the store holds and how good it is: counts, import runs, and the data-quality findings of
 * a record. Every face validates through this one {@link StudyValidator}, so a record shows the same
 * findings in {@code trialdex show}, the HTTP API and its portal page.
 */
public final class Reports {

  private final StudyStore store;
  private final StudyValidator validator;

  /** Reports on {@code store}, validating records with {@code validator}. */
  public Reports(StudyStore store, StudyValidator validator) {
    this.store = Objects.requireNonNull(store, "store");
    this.validator = Objects.requireNonNull(validator, "validator");
  }

  /** Studies, versions and current records by status, phase and study type. */
  public StoreCounts counts() {
    return store.counts();
  }

  /**
   * The store's change-log head: it moves with every write of a record (any process's), so what
   * is computed from the records stays valid while it stays put.
   */
  public long changeHead() {
    return store.logHead();
  }

  /** When the newest current record's version was recorded; empty for an empty store. */
  public Optional<java.time.Instant> newestRecordedAt() {
    return store.newestCurrentRecordedAt();
  }

  /** Every import run, newest first. */
  public List<ImportRun> importRuns() {
    return store.importRuns();
  }

  /** The data-quality findings on {@code study}. */
  public ValidationReport findings(Study study) {
    return validator.validate(study);
  }

  /**
   * The current record {@code requestedId} names (an NCT id or an alias) with its sources,
   * conflicts and findings; empty when the store holds no such record.
   */
  public Optional<RecordQuality> quality(String requestedId) {
    Optional<StoredStudy> current = store.current(requestedId);
    if (current.isEmpty()) {
      return Optional.empty();
    }
    String id = current.get().nctId();
    return Optional.of(new RecordQuality(current.get(), Records.mergeOf(store, id), findings(current.get().study())));
  }
}
