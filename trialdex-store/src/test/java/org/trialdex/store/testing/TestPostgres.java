package org.trialdex.store.testing;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

/**
 * A throwaway PostgreSQL database for one test class: {@link #create()} makes
 * {@code trialdex_test_<random>} on the server at {@value #DEFAULT_ADMIN_URL} (or the JDBC URL in
 * system property {@value #ADMIN_URL_PROPERTY}), and {@link #close()} drops it. When the server
 * cannot be reached, {@link #create()} skips the calling test with a message saying so (a failure
 * in strict mode, see {@code org.trialdex.testing.SkipPolicy}); a skip in {@code @BeforeAll} skips
 * each test of the class, and {@code @AfterAll} still runs, so it checks for {@code null}.
 *
 * <pre>{@code
 * static TestPostgres pg;
 * @BeforeAll static void database() { pg = TestPostgres.create(); }
 * @AfterAll static void dropDatabase() { if (pg != null) pg.close(); }
 * }</pre>
 */
public final class TestPostgres implements AutoCloseable {

  /** System property with the admin JDBC URL (a database the user may connect to). */
  public static final String ADMIN_URL_PROPERTY = "trialdex.test.postgres";
  /** The admin URL when the property is absent: trust auth on loopback. */
  public static final String DEFAULT_ADMIN_URL =
      "jdbc:postgresql://127.0.0.1:5432/postgres?user=postgres";

  private final String adminUrl;
  private final String name;
  private final String jdbcUrl;
  private boolean dropped;

  private TestPostgres(String adminUrl, String name) {
    this.adminUrl = adminUrl;
    this.name = name;
    this.jdbcUrl = withDatabase(adminUrl, name);
  }

  /** Creates a fresh, empty database, or skips the test when the server is not reachable. */
  public static TestPostgres create() {
    String adminUrl = System.getProperty(ADMIN_URL_PROPERTY, DEFAULT_ADMIN_URL);
    String name = "trialdex_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
    try (Connection c = DriverManager.getConnection(adminUrl);
        Statement s = c.createStatement()) {
      s.execute("CREATE DATABASE " + name);
    } catch (SQLException e) {
      assumeTrue(false, "PostgreSQL not reachable at " + hostPort(adminUrl) + ": "
          + e.getMessage() + " (set -D" + ADMIN_URL_PROPERTY + "=JDBC_URL to use another server)");
    }
    return new TestPostgres(adminUrl, name);
  }

  /** The database's name, {@code trialdex_test_} and 16 hex digits. */
  public String name() {
    return name;
  }

  /** The JDBC URL of the database, with the admin URL's user and parameters. */
  public String jdbcUrl() {
    return jdbcUrl;
  }

  /** A new connection to the database; the caller closes it. */
  public Connection connect() throws SQLException {
    return DriverManager.getConnection(jdbcUrl);
  }

  /** Empties the database: drops and recreates schema {@code public}. */
  public void reset() throws SQLException {
    try (Connection c = connect(); Statement s = c.createStatement()) {
      s.execute("DROP SCHEMA public CASCADE");
      s.execute("CREATE SCHEMA public");
    }
  }

  /** Drops the database, closing any connection still open to it. */
  @Override
  public void close() {
    if (dropped) {
      return;
    }
    dropped = true;
    try (Connection c = DriverManager.getConnection(adminUrl);
        Statement s = c.createStatement()) {
      s.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
    } catch (SQLException e) {
      throw new IllegalStateException("cannot drop test database " + name + " at "
          + hostPort(adminUrl) + "; drop it by hand: dropdb " + name, e);
    }
  }

  static String withDatabase(String url, String database) {
    int query = url.indexOf('?');
    String head = query < 0 ? url : url.substring(0, query);
    String tail = query < 0 ? "" : url.substring(query);
    int slash = head.indexOf('/', "jdbc:postgresql://".length());
    String server = slash < 0 ? head : head.substring(0, slash);
    return server + "/" + database + tail;
  }

  private static String hostPort(String url) {
    String rest = url.replaceFirst("^jdbc:postgresql://", "");
    int end = rest.indexOf('/');
    return end < 0 ? rest : rest.substring(0, end);
  }
}
