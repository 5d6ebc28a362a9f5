package org.trialdex.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trialdex.app.cli.TrialdexCommand;
import org.trialdex.app.http.AdminSettings;
import org.trialdex.store.StoreLocation;
import org.trialdex.store.testing.TestPostgres;
import org.trialdex.testing.SharedData;

/**
 * Writes over HTTP on PostgreSQL with two server nodes sharing one database (issue #13): a token
 * made by the command line opens both, a write through one is read through the other, and a revoke
 * is refused by both within seconds, though each had accepted the token just before.
 */
class PostgresAdminApiTest {


  @TempDir static Path dir;
  static TestPostgres postgres;

  @BeforeAll
  static void database() {
    postgres = TestPostgres.create();
  }

  @AfterAll
  static void dropDatabase() {
    if (postgres != null) {
      postgres.close();
    }
  }

  @Test
  void aTokenOpensBothNodesAWriteOnOneIsReadOnTheOtherAndARevokeReachesBoth() throws Exception {
    List<String> store = List.of("--db", postgres.jdbcUrl());
    Cli created = Cli.run(AdminServer.tokenArgs(store, "create", "--name", "ci", "--scope", "import"));
    assertEquals(TrialdexCommand.OK, created.exitCode(), created::toString);
    String secret = AdminServer.secretOf(created);
    StoreLocation location = new StoreLocation.Postgres(postgres.jdbcUrl());

    try (Trialdex a = Trialdex.open(location, dir.resolve("index-a"), Clock.systemUTC());
        Trialdex b = Trialdex.open(location, dir.resolve("index-b"), Clock.systemUTC());
        AdminServer nodeA = AdminServer.start(a, AdminSettings.defaults());
        AdminServer nodeB = AdminServer.start(b, AdminSettings.defaults())) {
      AdminServer.Answer imported = nodeA.post("/api/admin/import?name=pallas.json", secret,
          Files.readAllBytes(SharedData.pallasV2()), "application/json");
      assertEquals(200, imported.status(), imported::toString);
      assertEquals(1, imported.json().path("new").asInt());
      assertEquals(200, nodeB.get("/api/v2/studies/NCT02513394").status());
      nodeB.until("/api/v2/studies?query.term=palbociclib&countTotal=true",
          r -> r.status() == 200 && r.json().path("totalCount").asInt() == 1, 60);

      byte[] garbage = "not a trial".getBytes(java.nio.charset.StandardCharsets.UTF_8);
      assertEquals(422, nodeB.post("/api/admin/import", secret, garbage, "text/plain").status(), "accepted on B too");
      assertEquals(422, nodeA.post("/api/admin/import", secret, garbage, "text/plain").status());

      assertEquals(TrialdexCommand.OK, Cli.run(AdminServer.tokenArgs(store, "revoke", "ci")).exitCode());
      long start = System.nanoTime();
      for (AdminServer node : List.of(nodeA, nodeB)) {
        AdminServer.Answer answer;
        do {
          answer = node.post("/api/admin/import", secret, garbage, "text/plain");
          Thread.sleep(100);
        } while (answer.status() != 401 && System.nanoTime() - start < 10_000_000_000L);
        assertEquals(401, answer.status(), answer.toString());
        assertEquals("revoked", answer.json().path("reason").asText());
      }
      System.out.printf("[admin] revoke -> refused by both PostgreSQL nodes: %d ms%n", (System.nanoTime() - start) / 1_000_000);
    }

    Cli stats = Cli.run(Cli.with(store, "stats"));
    assertTrue(stats.out().contains("http import by token 'ci' (#1): pallas.json"), stats::toString);
    Cli list = Cli.run(AdminServer.tokenArgs(store, "list"));
    assertTrue(list.out().lines().anyMatch(l -> l.startsWith("#1 ") && l.contains("revoked")), list::toString);
    assertFalse(list.out().contains(secret.substring(6)), "list shows no secret");
    try (Connection c = postgres.connect(); Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT name, secret_hash, last_used_micros FROM api_token")) {
      assertTrue(rs.next());
      assertTrue(rs.getString(2).startsWith("$argon2id$v=19$"), rs.getString(2));
      assertFalse(rs.getString(2).contains(secret.substring(6)));
      assertTrue(rs.getLong(3) > 0, "last use recorded");
    }
  }
}
