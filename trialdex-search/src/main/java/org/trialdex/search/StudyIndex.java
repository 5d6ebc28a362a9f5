package org.trialdex.search;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.apache.lucene.index.CorruptIndexException;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexFormatTooNewException;
import org.apache.lucene.index.IndexFormatTooOldException;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.store.LockObtainFailedException;
import org.apache.lucene.util.BytesRef;
import org.trialdex.core.derive.Derivation;
import org.trialdex.core.json.StudyJson;
import org.trialdex.core.model.Study;
import org.trialdex.core.terms.Vocabulary;

/**
 * The Lucene index of current study records, in one folder. Derived data: it can always be rebuilt
 * from the store ({@code deleteAll}, {@code upsert} each record, {@code commit}).
 *
 * <p>One writer per folder, in one process: {@link #open} or {@link #tryOpen}. Any number of other
 * processes may read the folder at the same time ({@link #openReadOnly}); they see the writer's
 * commits within {@value #READ_ONLY_REFRESH_MILLIS} ms. Changes become durable and visible to
 * every {@link SearchService} of the writing process at {@link #commit}. Each commit may carry a
 * {@link Checkpoint}: which store the index was built from and how far it has followed that
 * store's change log. Thread-safe.
 */
public final class StudyIndex implements AutoCloseable {

  private static final String SCHEMA_KEY = "trialdex.schema";
  private static final String SOURCE_KEY = "trialdex.source";
  private static final String POSITION_KEY = "trialdex.position";
  /** How stale a read-only view may be: at most this long after the writer's commit. */
  static final long READ_ONLY_REFRESH_MILLIS = 250;

  /**
   * How far an index has followed its source.
   *
   * @param source the identity of the store the index was derived from
   * @param position the last position of that store's change log applied
   */
  public record Checkpoint(String source, long position) {
    public Checkpoint {
      Objects.requireNonNull(source, "source");
      if (source.isBlank()) {
        throw new IllegalArgumentException("a checkpoint names its source store");
      }
      if (position < 0) {
        throw new IllegalArgumentException("log positions are 0 or more, got " + position);
      }
    }
  }

  private final Path dir;
  private final Directory directory;
  /** Absent for a read-only view of a folder another process writes. */
  private final IndexWriter writer;
  private final SearcherManager searchers;
  private final Analysis analysis;
  private final Concepts concepts;
  private final Derivation derivation;
  private final StudyJson json = StudyJson.standard();
  /** Whether this index's records carry embeddings (fixed when it opens; part of its schema key). */
  private final boolean embeddings = embeddings();
  private volatile long lastRefresh = System.nanoTime();

  private StudyIndex(Path dir, Directory directory, IndexWriter writer, SearcherManager searchers,
      Vocabulary vocabulary) {
    this.dir = dir;
    this.directory = directory;
    this.writer = writer;
    this.analysis = Analysis.standard();
    this.concepts = new Concepts(vocabulary);
    this.derivation = new Derivation(vocabulary);
    this.searchers = searchers;
  }

  /**
   * What the index's documents are made with: the schema version and the vocabulary's fingerprint.
   * An index made with anything else is rebuilt.
   */
  static String schemaOf(Vocabulary vocabulary) {
    return Schema.VERSION + (embeddings() ? "+vectors" : "") + "/" + vocabulary.fingerprint();
  }

  /** True when this index's records carry sentence embeddings for the semantic leg. */
  public boolean hasVectors() {
    return embeddings;
  }

  /** The property that turns record embeddings off ({@code false}): a faster index without the semantic leg. */
  public static final String EMBEDDINGS_PROPERTY = "trialdex.embeddings";

  /** Whether records are embedded as they are indexed: on unless {@code -Dtrialdex.embeddings=false} or {@code TRIALDEX_EMBEDDINGS=false}. */
  public static boolean embeddings() {
    String value = System.getProperty(EMBEDDINGS_PROPERTY, System.getenv("TRIALDEX_EMBEDDINGS"));
    return value == null || !value.strip().equalsIgnoreCase("false");
  }

  /**
   * Opens the index in {@code dir} for writing, creating the folder and an empty index when
   * absent. An index written by another schema version is replaced by an empty one (it is derived
   * data; its owner rebuilds it from the store, which {@link #checkpoint()} being empty tells).
   *
   * @throws SearchException when the folder is not usable: a file, locked by another process,
   *     unreadable or corrupt (the message says what to do)
   */
  public static StudyIndex open(Path dir) {
    return open(dir, Vocabulary.standard());
  }

  /**
   * Like {@link #open(Path)}, but empty when another process holds the folder's write lock; that
   * process keeps the index, and this one may {@link #openReadOnly read} it.
   */
  public static Optional<StudyIndex> tryOpen(Path dir) {
    return tryOpen(dir, Vocabulary.standard());
  }

  /** Like {@link #tryOpen(Path)}, with this vocabulary. */
  public static Optional<StudyIndex> tryOpen(Path dir, Vocabulary vocabulary) {
    try {
      return Optional.of(openWriter(dir, vocabulary));
    } catch (InUse e) {
      return Optional.empty();
    }
  }

  /** The write lock of the folder is held by another process. */
  private static final class InUse extends RuntimeException {
    private static final long serialVersionUID = 1L;

    InUse(Throwable cause) {
      super(cause);
    }
  }

  /**
   * Like {@link #open(Path)}, indexing conditions and interventions with this vocabulary. An index
   * made with another vocabulary is replaced by an empty one.
   */
  public static StudyIndex open(Path dir, Vocabulary vocabulary) {
    try {
      return openWriter(dir, vocabulary);
    } catch (InUse e) {
      throw SearchException.indexFailure("The search index at " + dir + " is in use by another process (its write.lock is "
          + "held); stop the other trialdex or open another folder", e.getCause());
    }
  }

  private static StudyIndex openWriter(Path dir, Vocabulary vocabulary) {
    Objects.requireNonNull(dir, "dir");
    String schema = schemaOf(vocabulary);
    requireFolder(dir);
    Directory directory = null;
    try {
      Files.createDirectories(dir);
      directory = FSDirectory.open(dir);
      boolean sameSchema = !DirectoryReader.indexExists(directory)
          || schema.equals(SegmentInfos.readLatestCommit(directory).getUserData().get(SCHEMA_KEY));
      IndexWriterConfig config = new IndexWriterConfig(Analysis.standard().indexAnalyzer())
          .setOpenMode(sameSchema ? IndexWriterConfig.OpenMode.CREATE_OR_APPEND : IndexWriterConfig.OpenMode.CREATE)
          // Bulk (re)indexing: larger in-memory segments mean fewer flushes and merges.
          .setRAMBufferSizeMB(128);
      IndexWriter writer = new IndexWriter(directory, config);
      if (sameSchema) {
        Map<String, String> kept = new HashMap<>(writer.getLiveCommitData() == null ? Map.of() : toMap(writer));
        kept.put(SCHEMA_KEY, schema);
        writer.setLiveCommitData(kept.entrySet());
      } else {
        writer.setLiveCommitData(Map.of(SCHEMA_KEY, schema).entrySet());
      }
      writer.commit();
      return new StudyIndex(dir, directory, writer, new SearcherManager(writer, null), vocabulary);
    } catch (LockObtainFailedException e) {
      closeQuietly(directory);
      throw new InUse(e);
    } catch (IOException e) {
      closeQuietly(directory);
      throw cannotOpen(dir, e);
    }
  }

  /** Why a folder could not be opened, with what to do. */
  private static SearchException cannotOpen(Path dir, IOException e) {
    if (e instanceof CorruptIndexException || e instanceof IndexFormatTooOldException
        || e instanceof IndexFormatTooNewException) {
      return SearchException.indexFailure("The search index at " + dir + " is unreadable (" + e.getMessage()
          + "); delete the folder and rebuild the index from the store", e);
    }
    return SearchException.indexFailure("Cannot open the search index at " + dir + ": " + e, e);
  }

  private static Map<String, String> toMap(IndexWriter writer) {
    Map<String, String> map = new HashMap<>();
    for (Map.Entry<String, String> e : writer.getLiveCommitData()) {
      map.put(e.getKey(), e.getValue());
    }
    return map;
  }

  /**
   * Opens the index in {@code dir} for reading only, beside the process that writes it. Writes
   * fail; searches see the writer's newest commit.
   *
   * @throws SearchException when there is no index in the folder yet, or it is unreadable or of
   *     another schema version
   */
  public static StudyIndex openReadOnly(Path dir) {
    return openReadOnly(dir, Vocabulary.standard());
  }

  /**
   * Like {@link #openReadOnly(Path)}, understanding queries with this vocabulary, which must be the
   * one the writer indexes with.
   */
  public static StudyIndex openReadOnly(Path dir, Vocabulary vocabulary) {
    Objects.requireNonNull(dir, "dir");
    String schema = schemaOf(vocabulary);
    requireFolder(dir);
    Directory directory = null;
    try {
      if (!Files.isDirectory(dir) || !DirectoryReader.indexExists(directory = FSDirectory.open(dir))) {
        throw SearchException.indexFailure("There is no search index at " + dir + " yet; the trialdex process that holds it "
            + "builds it from the store: try again when it is done", null);
      }
      String version = SegmentInfos.readLatestCommit(directory).getUserData().get(SCHEMA_KEY);
      if (!schema.equals(version)) {
        throw SearchException.indexFailure("The search index at " + dir + " was written with schema " + version
            + ", this trialdex uses " + schema + " (schema version/vocabulary): the trialdex process that holds it "
            + "must rebuild it, or this one uses another terminology folder than that one", null);
      }
      return new StudyIndex(dir, directory, null, new SearcherManager(directory, null), vocabulary);
    } catch (IOException e) {
      closeQuietly(directory);
      throw cannotOpen(dir, e);
    } catch (SearchException e) {
      closeQuietly(directory);
      throw e;
    }
  }

  private static void requireFolder(Path dir) {
    if (Files.exists(dir) && !Files.isDirectory(dir)) {
      throw SearchException.indexFailure("Cannot open the search index at " + dir + ": it is a file, not a folder; "
          + "give a folder path (it is created when absent)", null);
    }
  }

  private static void closeQuietly(Directory directory) {
    if (directory != null) {
      try {
        directory.close();
      } catch (IOException suppressed) {
        // Already failing with the cause that matters.
      }
    }
  }

  /**
   * Adds the study under {@code id}, replacing any record indexed under that id. Visible after
   * {@link #commit()}.
   *
   * @param id the record id: the NCT id, or another record id such as {@code TDX-...}
   * @throws SearchException when the id is blank or the index cannot be written
   */
  public void upsert(String id, Study study) {
    Objects.requireNonNull(study, "study");
    checkId(id);
    IndexWriter writer = writer();
    try {
      ObjectNode tree = json.mapper().valueToTree(study);
      List<String> derived = derivation.apply(tree);
      Study indexed = derived.isEmpty() ? study : json.read(tree);
      Schema.Embedded vector = embeddings ? embed(indexed) : null;
      // Stored in the model's member order (derived members go where the model has them), so that
      // the bytes are those the study is written as anew: answers send them as they are.
      byte[] stored = derived.isEmpty() ? json.mapper().writeValueAsBytes(tree) : json.writeBytes(indexed);
      writer.updateDocument(new Term(Schema.ID, id), Schema.document(id, indexed, stored, derived, concepts, vector));
    } catch (IOException | RuntimeException e) {
      throw SearchException.indexFailure("Cannot index study " + id + " in " + dir + ": " + e.getMessage(), e);
    }
  }

  /**
   * The record's embedding: the one stored in the index's last commit under the same
   * text (a rebuild, which searches the commit before it until it ends; a new version with the
   * same titles, conditions and summary), else the model's. The model costs milliseconds per
   * record; the lookup, a term and a stored field.
   */
  private Schema.Embedded embed(Study study) {
    String text = Embeddings.text(study);
    String key = Embeddings.key(text);
    float[] kept = keptVector(key);
    return new Schema.Embedded(key, kept != null ? kept : Embeddings.embed(text));
  }

  /** The vector stored with a record whose embedded text has {@code key}, in the last commit; null when none. */
  private float[] keptVector(String key) {
    IndexSearcher searcher = acquire();
    try {
      TopDocs found = searcher.search(new TermQuery(new Term(Schema.VECTOR_KEY, key)), 1);
      if (found.scoreDocs.length == 0) {
        return null;
      }
      BytesRef bytes = searcher.storedFields().document(found.scoreDocs[0].doc, Set.of(Schema.VECTOR_STORED))
          .getBinaryValue(Schema.VECTOR_STORED);
      if (bytes == null || bytes.length != Embeddings.DIMENSIONS * Float.BYTES) {
        return null;
      }
      return Schema.storedVector(bytes);
    } catch (IOException e) {
      return null; // the model makes it again
    } finally {
      release(searcher);
    }
  }

  /** Removes the record indexed under {@code id}, if any. Visible after {@link #commit()}. */
  public void delete(String id) {
    checkId(id);
    IndexWriter writer = writer();
    try {
      writer.deleteDocuments(new Term(Schema.ID, id));
    } catch (IOException e) {
      throw SearchException.indexFailure("Cannot delete study " + id + " from " + dir + ": " + e.getMessage(), e);
    }
  }

  /** Removes every record, for a rebuild. Visible after {@link #commit()}. */
  public void deleteAll() {
    IndexWriter writer = writer();
    try {
      writer.deleteAll();
    } catch (IOException e) {
      throw SearchException.indexFailure("Cannot clear the search index at " + dir + ": " + e.getMessage(), e);
    }
  }

  /**
   * Adds or replaces many studies at once, building their documents on every core (Lucene's
   * writer takes documents from several threads). Visible after {@link #commit}.
   *
   * @param studies record id to study
   * @throws SearchException as {@link #upsert} does, for the first record that fails
   */
  public void upsertAll(Map<String, Study> studies) {
    studies.entrySet().parallelStream().forEach(e -> upsert(e.getKey(), e.getValue()));
  }

  /** Makes every change so far durable and visible to searches, keeping the last checkpoint. */
  public void commit() {
    commitWith(Map.of());
  }

  /**
   * Makes every change so far durable and visible to searches, with {@code checkpoint}: the
   * changes of the checkpoint's store up to its position are in this commit.
   */
  public void commit(Checkpoint checkpoint) {
    Objects.requireNonNull(checkpoint, "checkpoint");
    commitWith(Map.of(SOURCE_KEY, checkpoint.source(), POSITION_KEY, Long.toString(checkpoint.position())));
  }

  private void commitWith(Map<String, String> data) {
    IndexWriter writer = writer();
    try {
      if (!data.isEmpty()) {
        Map<String, String> all = toMap(writer);
        all.putAll(data);
        writer.setLiveCommitData(all.entrySet());
      }
      writer.commit();
      searchers.maybeRefreshBlocking();
    } catch (IOException e) {
      throw SearchException.indexFailure("Cannot commit the search index at " + dir + ": " + e.getMessage(), e);
    }
  }

  /**
   * The checkpoint of the newest commit searches see: which store this index was derived from and
   * how far it has followed it. Empty for a new index, or one that never recorded a checkpoint.
   */
  public Optional<Checkpoint> checkpoint() {
    Map<String, String> data;
    if (writer != null) {
      data = toMap(writer);
    } else {
      IndexSearcher searcher = acquire();
      try {
        data = ((DirectoryReader) searcher.getIndexReader()).getIndexCommit().getUserData();
      } catch (IOException e) {
        throw SearchException.indexFailure("Cannot read the checkpoint of the search index at " + dir + ": " + e.getMessage(), e);
      } finally {
        release(searcher);
      }
    }
    String source = data.get(SOURCE_KEY);
    String position = data.get(POSITION_KEY);
    if (source == null || position == null) {
      return Optional.empty();
    }
    try {
      return Optional.of(new Checkpoint(source, Long.parseLong(position)));
    } catch (IllegalArgumentException e) {
      return Optional.empty(); // unreadable: the owner treats the index as unknown and rebuilds it
    }
  }

  /** Whether this process writes the index ({@link #open}) rather than reading another's. */
  public boolean writable() {
    return writer != null;
  }

  /** The folder of the index. */
  public Path dir() {
    return dir;
  }

  /** The number of records searches see (as of the last commit). */
  public long count() {
    IndexSearcher searcher = acquire();
    try {
      return searcher.getIndexReader().numDocs();
    } finally {
      release(searcher);
    }
  }

  /** Commits pending changes and closes the index; searches of this index fail afterwards. */
  @Override
  public void close() {
    try (directory) {
      searchers.close();
      if (writer != null) {
        writer.close();
      }
    } catch (IOException e) {
      throw SearchException.indexFailure("Cannot close the search index at " + dir + ": " + e.getMessage(), e);
    }
  }

  Analysis analysis() {
    return analysis;
  }

  Concepts concepts() {
    return concepts;
  }

  /** The vocabulary conditions and interventions are indexed and searched with. */
  public Vocabulary vocabulary() {
    return concepts.vocabulary();
  }

  IndexSearcher acquire() {
    try {
      if (writer == null && System.nanoTime() - lastRefresh > READ_ONLY_REFRESH_MILLIS * 1_000_000L) {
        // Another process writes this folder: look for its newer commits now and then.
        lastRefresh = System.nanoTime();
        searchers.maybeRefresh();
      }
      return searchers.acquire();
    } catch (IOException | org.apache.lucene.store.AlreadyClosedException e) {
      throw SearchException.indexFailure("The search index at " + dir + " is closed or unreadable: " + e.getMessage(), e);
    }
  }

  void release(IndexSearcher searcher) {
    try {
      searchers.release(searcher);
    } catch (IOException e) {
      throw SearchException.indexFailure("Cannot release a searcher of " + dir + ": " + e.getMessage(), e);
    }
  }

  private IndexWriter writer() {
    if (writer == null) {
      throw SearchException.indexFailure("The search index at " + dir + " is open read-only here: another trialdex process "
          + "writes it and keeps it current with the store", null);
    }
    return writer;
  }

  private static void checkId(String id) {
    if (id == null || id.isBlank()) {
      throw new SearchException("A study needs a non-blank record id (its NCT id or another record id), was \""
          + id + "\"");
    }
  }
}
