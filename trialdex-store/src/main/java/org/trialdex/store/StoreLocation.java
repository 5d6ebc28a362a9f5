package org.trialdex.store;

import java.nio.file.Path;
import java.util.Objects;

/**
 * Where a {@link StudyStore} lives: an embedded SQLite file in a data folder, or a PostgreSQL
 * database reached by a JDBC URL.
 */
public sealed interface StoreLocation {

  /** The data folder used when neither a folder nor a JDBC URL is given: {@code ./data}. */
  Path DEFAULT_DATA_DIR = Path.of("data");

  /**
   * SQLite in {@code dataDir/trialdex.db}; the folder is created when absent.
   *
   * @param dataDir the data folder
   */
  record Sqlite(Path dataDir) implements StoreLocation {
    public Sqlite {
      Objects.requireNonNull(dataDir, "dataDir");
    }

    /** The database file inside the data folder. */
    public Path databaseFile() {
      return dataDir.resolve("trialdex.db");
    }

    @Override
    public String toString() {
      return "SQLite " + databaseFile();
    }
  }

  /**
   * PostgreSQL at a JDBC URL such as {@code jdbc:postgresql://127.0.0.1:5432/trialdex?user=trialdex}.
   *
   * @param jdbcUrl the URL, with credentials as URL parameters when the server needs them
   */
  record Postgres(String jdbcUrl) implements StoreLocation {
    public Postgres {
      Objects.requireNonNull(jdbcUrl, "jdbcUrl");
      if (!jdbcUrl.startsWith("jdbc:postgresql:")) {
        throw new StoreException("not a PostgreSQL JDBC URL: '" + redact(jdbcUrl)
            + "'; write it as jdbc:postgresql://HOST:PORT/DATABASE?user=USER");
      }
    }

    /** The URL with any password replaced by {@code ***}, for messages and logs. */
    public String redacted() {
      return redact(jdbcUrl);
    }

    @Override
    public String toString() {
      return "PostgreSQL " + redacted();
    }
  }

  /**
   * The location named by command-line style options: the JDBC URL when given, else the data
   * folder when given, else {@link #DEFAULT_DATA_DIR}.
   *
   * @param dataDirOrNull a data folder, or null/blank
   * @param jdbcUrlOrNull a PostgreSQL JDBC URL, or null/blank
   * @throws StoreException when both are given, or the URL is not a PostgreSQL JDBC URL
   */
  static StoreLocation parse(String dataDirOrNull, String jdbcUrlOrNull) {
    boolean hasDir = dataDirOrNull != null && !dataDirOrNull.isBlank();
    boolean hasUrl = jdbcUrlOrNull != null && !jdbcUrlOrNull.isBlank();
    if (hasDir && hasUrl) {
      throw new StoreException("both a data folder ('" + dataDirOrNull + "') and a JDBC URL ('"
          + redact(jdbcUrlOrNull) + "') were given; give one: the folder for SQLite, the URL for"
          + " PostgreSQL");
    }
    if (hasUrl) {
      return new Postgres(jdbcUrlOrNull.strip());
    }
    return new Sqlite(hasDir ? Path.of(dataDirOrNull.strip()) : DEFAULT_DATA_DIR);
  }

  private static String redact(String url) {
    return url.replaceAll("(?i)(password=)[^&;]*", "$1***");
  }
}
