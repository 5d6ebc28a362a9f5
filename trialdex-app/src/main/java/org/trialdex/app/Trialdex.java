package org.trialdex.app;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Objects;
import java.util.function.Supplier;
import org.trialdex.core.terms.Vocabulary;
import org.trialdex.app.service.CriteriaCache;
import org.trialdex.app.service.History;
import org.trialdex.app.service.Imports;
import org.trialdex.app.service.Landscapes;
import org.trialdex.app.service.Records;
import org.trialdex.app.service.Matches;
import org.trialdex.app.service.Reports;
import org.trialdex.app.service.Searches;
import org.trialdex.app.service.Syncs;
import org.trialdex.app.service.Tokens;
import org.trialdex.app.service.alerts.Alerts;
import org.trialdex.core.validate.StudyValidator;
import org.trialdex.ingest.Importer;
import org.trialdex.ingest.ReadOptions;
import org.trialdex.search.SearchService;
import org.trialdex.store.StoreLocation;
import org.trialdex.store.StudyStore;
import org.trialdex.store.StudyStores;

/**
 * The wiring: opens the store, then the search index derived from it, and builds the services on
 * them. The one place where trialdex's parts meet; commands, the HTTP API and the portal get their
 * services from here ({@link #records()}, {@link #history()}, {@link #searches()}, {@link #imports()},
 * {@link #reports()}, each built once), and tests build the same wiring on a temporary store.
 *
 * <p>The index is derived and follows the store's change log (see {@link SearchIndexing}): a
 * server follows it in the background, a command catches up before it searches, and an index
 * that is missing or from another store is rebuilt from the store, so deleting the index folder
 * loses nothing and a killed import leaves nothing unsearchable.
 */
public final class Trialdex implements AutoCloseable {

  /** Records per atomic chunk: large enough to amortise a transaction, small enough to stay responsive. */
  public static final int CHUNK_SIZE = Imports.CHUNK_SIZE;

  private final StudyStore store;
  private final Clock clock;
  private final SearchIndexing indexing;
  private final Records records;
  private final History history;
  private final Searches searches;
  private final Landscapes landscapes;
  private final Imports imports;
  private final Syncs syncs;
  private final Reports reports;
  private final Matches matches;
  private final Tokens tokens;
  /** Parses of criteria kept beside the index, for the next process (opened when first used). */
  private final CriteriaCache criteriaCache;
  /** Built when first asked for, with the settings of {@link #alerts(Alerts.Settings)} or the defaults. */
  private Alerts alerts;
  /** Loaded when first needed: showing or exporting a record needs no vocabulary. */
  private final Supplier<Vocabulary> vocabulary;

  private Trialdex(StudyStore store, Clock clock, Path indexDir, Supplier<Vocabulary> vocabulary) {
    this.store = store;
    this.clock = clock;
    this.vocabulary = vocabulary;
    this.indexing = new SearchIndexing(store, indexDir, vocabulary);
    this.records = new Records(store);
    this.history = new History(store);
    this.searches = new Searches(store, indexing::service);
    this.landscapes = new Landscapes(searches);
    this.imports = new Imports(store);
    this.syncs = new Syncs(store, clock);
    // One validator for every face: a record shows the same findings wherever it is shown.
    this.reports = new Reports(store, new StudyValidator());
    this.criteriaCache = CriteriaCache.open(CriteriaCache.fileFor(indexDir));
    this.matches = new Matches(searches, vocabulary, clock, criteriaCache);
    this.tokens = new Tokens(store.tokens(), clock);
  }

  /**
   * Opens the store at {@code location}, creating and migrating it when needed. The search index
   * lives in {@code index/} beside an embedded store, or in {@code ./trialdex-index} for
   * PostgreSQL; see {@link #open(StoreLocation, Path, Clock)} to choose.
   *
   * @throws org.trialdex.store.StoreException when the store cannot be opened; the message says why
   */
  public static Trialdex open(StoreLocation location, Clock clock) {
    return open(location, defaultIndexDir(location), clock);
  }

  /**
   * Opens the store at {@code location} with its search index in {@code indexDir}, the vocabulary
   * {@link Vocabulary#standard()}.
   */
  public static Trialdex open(StoreLocation location, Path indexDir, Clock clock) {
    return open(location, indexDir, clock, (Supplier<Vocabulary>) Vocabulary::standard);
  }

  /**
   * Opens the store at {@code location} with its search index in {@code indexDir}, conditions and
   * interventions understood with {@code vocabulary}.
   */
  public static Trialdex open(StoreLocation location, Path indexDir, Clock clock, Vocabulary vocabulary) {
    Objects.requireNonNull(vocabulary, "vocabulary");
    return open(location, indexDir, clock, () -> vocabulary);
  }

  /**
   * Like {@link #open(StoreLocation, Path, Clock, Vocabulary)}, the vocabulary loaded from {@code
   * vocabulary} the first time search or a report needs it (once).
   */
  public static Trialdex open(StoreLocation location, Path indexDir, Clock clock, Supplier<Vocabulary> vocabulary) {
    Objects.requireNonNull(vocabulary, "vocabulary");
    Supplier<Vocabulary> once = new Supplier<>() {
      private Vocabulary loaded;

      @Override
      public synchronized Vocabulary get() {
        if (loaded == null) {
          loaded = Objects.requireNonNull(vocabulary.get(), "vocabulary");
        }
        return loaded;
      }
    };
    return new Trialdex(StudyStores.open(location, clock), clock, Objects.requireNonNull(indexDir, "indexDir"), once);
  }

  /** The vocabulary search understands conditions and interventions with. */
  public Vocabulary vocabulary() {
    return vocabulary.get();
  }

  /** Where the index of a store lives unless told otherwise. */
  public static Path defaultIndexDir(StoreLocation location) {
    return switch (location) {
      case StoreLocation.Sqlite sqlite -> sqlite.dataDir().resolve("index");
      case StoreLocation.Postgres postgres -> Path.of("trialdex-index");
    };
  }

  /**
   * The store itself, for tests, benchmarks and the wiring's own parts. The faces (command line,
   * HTTP API, portal) use the services instead; {@code ArchitectureTest} keeps them from the store.
   */
  public StudyStore store() {
    return store;
  }

  /** Records by any id, their versions, merge views and links. */
  public Records records() {
    return records;
  }

  /** Versions with what each changed, and field diffs. */
  public History history() {
    return history;
  }

  /** Search and related trials over the index that follows the store. */
  public Searches searches() {
    return searches;
  }

  /** The landscape of cell-therapy trials over the same index as {@link #searches()}. */
  public Landscapes landscapes() {
    return landscapes;
  }

  /** Import runs into the store. */
  public Imports imports() {
    return imports;
  }

  /** Syncs from upstream registries (ClinicalTrials.gov, another trialdex server). */
  public Syncs syncs() {
    return syncs;
  }

  /** API tokens: issued and revoked by the command line, checked by the server's admin API. */
  public Tokens tokens() {
    return tokens;
  }

  /**
   * Alerts (issue #15) with {@code settings}: the mail server, the public URL for the links in mails,
   * limits. Call before {@link #alerts()} is first used (a server configures them at start).
   *
   * @throws IllegalStateException when alerts were already built
   */
  public synchronized Alerts alerts(Alerts.Settings settings) {
    if (alerts != null) {
      throw new IllegalStateException("alerts are already set up; configure them before first use");
    }
    alerts = Alerts.of(store, searches, this::indexPosition, clock, settings);
    return alerts;
  }

  /** Following searches and trials by feed, e-mail and webhook (issue #15); default settings unless set. */
  public synchronized Alerts alerts() {
    if (alerts == null) {
      alerts = Alerts.of(store, searches, this::indexPosition, clock, Alerts.Settings.defaults());
    }
    return alerts;
  }

  /**
   * The change log position searches reflect. Asking for the search service first brings an index
   * this process writes without a background follower up to date, as a search would.
   */
  private long indexPosition() {
    indexing.service();
    return indexing.status().indexPosition();
  }

  /** Patient matching: which trials a patient could join, criterion by criterion. */
  public Matches matches() {
    return matches;
  }

  /** Counts, import runs and data-quality findings (the one validator). */
  public Reports reports() {
    return reports;
  }

  public Clock clock() {
    return clock;
  }

  /** The search side: the index, whether this process writes it, and how far it follows the store. */
  public SearchIndexing indexing() {
    return indexing;
  }

  /**
   * The search service, current with the store (see {@link SearchIndexing#service()}).
   *
   * @throws SearchUnavailableException while the index is rebuilt in the background
   */
  public SearchService search() {
    return indexing.service();
  }

  /** Rebuilds the index from every current record of the store; returns how many were indexed. */
  public long reindex() {
    return indexing.rebuild();
  }

  /** An importer writing into this store under import run {@code runId} (see {@link Imports#importer}). */
  public Importer importer(long runId, ReadOptions options, Importer.Listener listener) {
    return imports.importer(runId, options, listener);
  }

  @Override
  public void close() {
    Alerts a;
    synchronized (this) {
      a = alerts;
    }
    if (a != null) {
      a.close();
    }
    try {
      criteriaCache.close(); // writes the parses still queued
    } finally {
      try {
        indexing.close();
      } finally {
        store.close();
      }
    }
  }
}
