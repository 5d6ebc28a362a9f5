package org.trialdex.search;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import org.apache.lucene.index.CorruptIndexException;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexFormatTooNewException;
import org.apache.lucene.index.IndexFormatTooOldException;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.store.LockObtainFailedException;
import org.trialdex.core.json.StudyJson;
import org.trialdex.core.model.Study;

/**
 * The Lucene index of current study records, in one folder. Derived data: it can always be rebuilt
 * from the store ({@code deleteAll}, {@code upsert} each record, {@code commit}).
 *
 * <p>One writer per index; one process per folder. Changes become durable and visible to every
 * {@link SearchService} of this index at {@link #commit()}. Thread-safe.
 */
public final class StudyIndex implements AutoCloseable {

  private static final String SCHEMA_KEY = "trialdex.schema";

  private final Path dir;
  private final Directory directory;
  private final IndexWriter writer;
  private final SearcherManager searchers;
  private final Analysis analysis;
  private final StudyJson json = StudyJson.standard();

  private StudyIndex(Path dir, Directory directory, IndexWriter writer, Analysis analysis) throws IOException {
    this.dir = dir;
    this.directory = directory;
    this.writer = writer;
    this.analysis = analysis;
    this.searchers = new SearcherManager(writer, null);
  }

  /**
   * Opens the index in {@code dir}, creating the folder and an empty index when absent.
   *
   * @throws SearchException when the folder is not usable: a file, locked by another process,
   *     unreadable, or written by another schema version (the message says what to do)
   */
  public static StudyIndex open(Path dir) {
    return open(dir, Analysis.standard());
  }

  static StudyIndex open(Path dir, Analysis analysis) {
    Objects.requireNonNull(dir, "dir");
    if (Files.exists(dir) && !Files.isDirectory(dir)) {
      throw new SearchException("Cannot open the search index at " + dir + ": it is a file, not a folder; "
          + "give a folder path (it is created when absent)");
    }
    Directory directory = null;
    try {
      Files.createDirectories(dir);
      directory = FSDirectory.open(dir);
      if (DirectoryReader.indexExists(directory)) {
        String version = SegmentInfos.readLatestCommit(directory).getUserData().get(SCHEMA_KEY);
        if (!Schema.VERSION.equals(version)) {
          throw new SearchException("The search index at " + dir + " was written with schema version " + version
              + ", this trialdex uses " + Schema.VERSION + "; delete the folder and rebuild the index from the store");
        }
      }
      IndexWriterConfig config = new IndexWriterConfig(analysis.indexAnalyzer())
          .setOpenMode(IndexWriterConfig.OpenMode.CREATE_OR_APPEND)
          // Bulk (re)indexing: larger in-memory segments mean fewer flushes and merges.
          .setRAMBufferSizeMB(128);
      IndexWriter writer = new IndexWriter(directory, config);
      writer.setLiveCommitData(Map.of(SCHEMA_KEY, Schema.VERSION).entrySet());
      writer.commit();
      return new StudyIndex(dir, directory, writer, analysis);
    } catch (LockObtainFailedException e) {
      closeQuietly(directory);
      throw new SearchException("The search index at " + dir + " is in use by another process (its write.lock is "
          + "held); stop the other trialdex or open another folder", e);
    } catch (CorruptIndexException | IndexFormatTooOldException | IndexFormatTooNewException e) {
      closeQuietly(directory);
      throw new SearchException("The search index at " + dir + " is unreadable (" + e.getMessage()
          + "); delete the folder and rebuild the index from the store", e);
    } catch (IOException e) {
      closeQuietly(directory);
      throw new SearchException("Cannot open the search index at " + dir + ": " + e, e);
    } catch (SearchException e) {
      closeQuietly(directory);
      throw e;
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
    try {
      writer.updateDocument(new Term(Schema.ID, id), Schema.document(id, study, json.writeBytes(study)));
    } catch (IOException | RuntimeException e) {
      throw new SearchException("Cannot index study " + id + " in " + dir + ": " + e.getMessage(), e);
    }
  }

  /** Removes the record indexed under {@code id}, if any. Visible after {@link #commit()}. */
  public void delete(String id) {
    checkId(id);
    try {
      writer.deleteDocuments(new Term(Schema.ID, id));
    } catch (IOException e) {
      throw new SearchException("Cannot delete study " + id + " from " + dir + ": " + e.getMessage(), e);
    }
  }

  /** Removes every record, for a rebuild. Visible after {@link #commit()}. */
  public void deleteAll() {
    try {
      writer.deleteAll();
    } catch (IOException e) {
      throw new SearchException("Cannot clear the search index at " + dir + ": " + e.getMessage(), e);
    }
  }

  /** Makes every change so far durable and visible to searches. */
  public void commit() {
    try {
      writer.commit();
      searchers.maybeRefreshBlocking();
    } catch (IOException e) {
      throw new SearchException("Cannot commit the search index at " + dir + ": " + e.getMessage(), e);
    }
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
      writer.close();
    } catch (IOException e) {
      throw new SearchException("Cannot close the search index at " + dir + ": " + e.getMessage(), e);
    }
  }

  Analysis analysis() {
    return analysis;
  }

  IndexSearcher acquire() {
    try {
      return searchers.acquire();
    } catch (IOException | org.apache.lucene.store.AlreadyClosedException e) {
      throw new SearchException("The search index at " + dir + " is closed or unreadable: " + e.getMessage(), e);
    }
  }

  void release(IndexSearcher searcher) {
    try {
      searchers.release(searcher);
    } catch (IOException e) {
      throw new SearchException("Cannot release a searcher of " + dir + ": " + e.getMessage(), e);
    }
  }

  private static void checkId(String id) {
    if (id == null || id.isBlank()) {
      throw new SearchException("A study needs a non-blank record id (its NCT id or another record id), was \""
          + id + "\"");
    }
  }
}
