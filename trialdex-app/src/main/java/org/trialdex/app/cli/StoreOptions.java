package org.trialdex.app.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import org.trialdex.app.Trialdex;
import org.trialdex.core.terms.Vocabulary;
import org.trialdex.core.terms.VocabularyException;
import org.trialdex.store.StoreLocation;
import picocli.CommandLine.Option;

/**
 * Where the store is, shared by every command: an embedded SQLite store in a data folder, or a
 * PostgreSQL database. Flags win over the environment ({@code TRIALDEX_DATA}, {@code TRIALDEX_DB}).
 */
final class StoreOptions {

  @Option(names = "--data", paramLabel = "DIR",
      description = "Data folder of the embedded store (default: $TRIALDEX_DATA or ./trialdex-data).")
  Path data;

  @Option(names = "--db", paramLabel = "JDBC_URL",
      description = "PostgreSQL JDBC URL instead of the embedded store (default: $TRIALDEX_DB), e.g. jdbc:postgresql://127.0.0.1:5432/trialdex?user=postgres")
  String db;

  @Option(names = "--index", paramLabel = "DIR",
      description = "Search index folder (default: $TRIALDEX_INDEX, else DIR/index beside an embedded store, else ./trialdex-index). Derived from the store: deleting it loses nothing.")
  Path index;

  @Option(names = "--terms", paramLabel = "DIR",
      description = "Terminology folder (MeSH, Disease Ontology) for search by meaning (default: $TRIALDEX_TERMS, "
          + "else ../shared/data/terms when present, else the curated list alone).")
  Path terms;

  /**
   * The vocabulary: --terms, the system property {@value Vocabulary#TERMS_PROPERTY} (when that folder
   * exists), $TRIALDEX_TERMS, ../shared/data/terms when present, else the curated list.
   */
  Vocabulary vocabulary() {
    if (terms != null) {
      return load(terms);
    }
    String property = System.getProperty(Vocabulary.TERMS_PROPERTY);
    if (property != null && !property.isBlank() && Files.isDirectory(Path.of(property))) {
      return load(Path.of(property));
    }
    String env = System.getenv("TRIALDEX_TERMS");
    if (env != null && !env.isBlank()) {
      return load(Path.of(env));
    }
    Path beside = Path.of("..", "shared", "data", "terms");
    return Files.isDirectory(beside) ? load(beside) : Vocabulary.curated();
  }

  private static Vocabulary load(Path dir) {
    try {
      return Vocabulary.load(dir);
    } catch (VocabularyException e) {
      throw new TrialdexCommand.UsageError(e.getMessage());
    }
  }

  StoreLocation location() {
    if (data != null && db != null) {
      throw new TrialdexCommand.UsageError("give either --data or --db, not both");
    }
    if (db != null) {
      return postgres(db);
    }
    if (data != null) {
      return new StoreLocation.Sqlite(data);
    }
    String envDb = System.getenv("TRIALDEX_DB");
    if (envDb != null && !envDb.isBlank()) {
      return postgres(envDb);
    }
    String envData = System.getenv("TRIALDEX_DATA");
    return new StoreLocation.Sqlite(Path.of(envData != null && !envData.isBlank() ? envData : "trialdex-data"));
  }

  private static StoreLocation postgres(String url) {
    if (!url.startsWith("jdbc:postgresql:")) {
      throw new TrialdexCommand.UsageError("--db takes a PostgreSQL JDBC URL starting with jdbc:postgresql:, got '" + url + "'");
    }
    return new StoreLocation.Postgres(url);
  }

  Trialdex open() {
    StoreLocation location = location();
    Path indexDir = index;
    if (indexDir == null) {
      String env = System.getenv("TRIALDEX_INDEX");
      indexDir = env != null && !env.isBlank() ? Path.of(env) : Trialdex.defaultIndexDir(location);
    }
    return Trialdex.open(location, indexDir, Clock.systemUTC(), this::vocabulary);
  }
}
