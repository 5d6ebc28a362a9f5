package org.trialdex.app.service;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.trialdex.core.celltherapy.CellTherapy;
import org.trialdex.core.celltherapy.CellTherapyProfile;
import org.trialdex.core.model.Study;
import org.trialdex.core.trust.TrustSignal;
import org.trialdex.core.trust.TrustSignals;
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
 *
 * <p>What is derived from a stored version alone (its findings, its cell-therapy profile, its trust
 * signals as of a day) is computed once per version and kept for the {@link #KEPT} versions asked
 * for most recently: a record page asked for again does not compute its panels again, and a new
 * version of the record is computed anew.
 */
public final class Reports {

  /** Versions whose derived values are kept, by default. */
  public static final int KEPT = 2048;

  private final StudyStore store;
  private final StudyValidator validator;
  private final PerVersion<Void, ValidationReport> findings;
  private final PerVersion<Void, CellTherapyProfile> profiles;
  private final PerVersion<LocalDate, List<TrustSignal>> trust;

  /** Reports on {@code store}, validating records with {@code validator}, keeping {@link #KEPT} versions' values. */
  public Reports(StudyStore store, StudyValidator validator) {
    this(store, validator, KEPT);
  }

  /**
   * Reports on {@code store}, validating records with {@code validator}, keeping the derived values
   * of {@code kept} versions at most (0: computed for every question).
   */
  public Reports(StudyStore store, StudyValidator validator, int kept) {
    this.store = Objects.requireNonNull(store, "store");
    this.validator = Objects.requireNonNull(validator, "validator");
    this.findings = new PerVersion<>(kept);
    this.profiles = new PerVersion<>(kept);
    this.trust = new PerVersion<>(kept);
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

  /** The data-quality findings on a stored version, computed once per version. */
  public ValidationReport findings(StoredStudy stored) {
    return findings.get(stored, null, s -> validator.validate(s.study()));
  }

  /** The cell-therapy profile of a stored version ({@link CellTherapy#profile}), computed once per version. */
  public CellTherapyProfile cellTherapy(StoredStudy stored) {
    return profiles.get(stored, null, s -> CellTherapy.profile(s.study()));
  }

  /**
   * The trust signals of a stored version as of {@code asOf} ({@link TrustSignals#of}, a cell
   * product as its {@link #cellTherapy profile} says), computed once per version and day.
   */
  public List<TrustSignal> trustSignals(StoredStudy stored, LocalDate asOf) {
    Objects.requireNonNull(asOf, "asOf");
    return trust.get(stored, asOf, s -> TrustSignals.of(s.study(), asOf, cellTherapy(s).hasProduct()));
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
    return Optional.of(new RecordQuality(current.get(), Records.mergeOf(store, id), findings(current.get())));
  }
}
