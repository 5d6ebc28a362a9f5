package org.trialdex.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trialdex.app.cli.TrialdexCommand;
import org.trialdex.app.http.AdminSettings;
import org.trialdex.app.http.AdminSync;
import org.trialdex.store.StoreLocation;
import org.trialdex.testing.SharedData;

/**
 * Writes over HTTP (issue #13) on a real server on a loopback port, over a SQLite store holding the
 * 100 NSCLC records: the token door (401 naming why, 403 for a scope, 429 past the rate), imports
 * and links that land in the store and the index and are recorded as runs naming the token, and
 * hostile bodies that are refused without losing anything. Tokens are made with the command line.
 */
class AdminApiTest {

  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final String PALLAS = "NCT02513394";

  @TempDir static Path dir;
  static List<String> store;
  static AdminServer.ShiftedClock clock = new AdminServer.ShiftedClock();
  static Trialdex trialdex;
  /** Generous rate; no sync configured. */
  static AdminServer server;
  /** Three requests a minute, a 1 MiB body, a sync hook. */
  static AdminServer tight;
  /** Secrets: every scope; link only; every scope on the tight server. */
  static String ci;
  static String linkOnly;
  static String tightToken;

  @BeforeAll
  static void storeWithTheSampleAndTwoServers() throws Exception {
    store = List.of("--data", dir.resolve("data").toString());
    Cli imported = Cli.run(Cli.with(store, "import", SharedData.v2Sample().toString()));
    assertEquals(TrialdexCommand.OK, imported.exitCode(), imported::toString);
    ci = AdminServer.secretOf(token("create", "--name", "ci"));
    linkOnly = AdminServer.secretOf(token("create", "--name", "linker", "--scope", "link"));
    tightToken = AdminServer.secretOf(token("create", "--name", "tight", "--expires", "never"));
    trialdex = Trialdex.open(new StoreLocation.Sqlite(dir.resolve("data")), dir.resolve("data/index"), clock);
    server = AdminServer.start(trialdex, AdminSettings.defaults().withRate(6000, 1000));
    AdminSync echo = (caller, request) -> new AdminSync.Answer(202,
        MAPPER.createObjectNode().put("startedBy", caller.label()).set("asked", request));
    tight = AdminServer.start(trialdex, AdminSettings.defaults().withRate(3, 3).withMaxBodyBytes(1024 * 1024).withSync(echo));
  }

  @AfterAll
  static void stop() {
    if (tight != null) {
      tight.close();
    }
    if (server != null) {
      server.close();
    }
    if (trialdex != null) {
      trialdex.close();
    }
  }

  static Cli token(String sub, String... args) {
    Cli c = Cli.run(AdminServer.tokenArgs(store, sub, args));
    assertEquals(TrialdexCommand.OK, c.exitCode(), c::toString);
    return c;
  }

  private static byte[] bytes(Path p) throws Exception {
    return Files.readAllBytes(p);
  }

  /** PALLAS with a title word no other record has. */
  private static byte[] pallasTitled(String word) throws Exception {
    JsonNode pallas = MAPPER.readTree(SharedData.pallasV2().toFile());
    ((ObjectNode) pallas.at("/protocolSection/identificationModule")).put("briefTitle", "PALLAS " + word);
    return MAPPER.writeValueAsBytes(pallas);
  }

  // ------------------------------------------------------------------ the door

  @Test
  void everyWritePathAnswers401WithoutATokenAndTheReadApiStaysOpen() throws Exception {
    for (String path : List.of("/api/admin/import", "/api/admin/link", "/api/admin/sync", "/api/admin",
        "/api/admin/no-such-thing", "/api/admin/import/extra")) {
      for (String method : List.of("POST", "PUT", "DELETE", "PATCH", "GET")) {
        AdminServer.Answer a = server.send(method, path, null, "{}".getBytes(StandardCharsets.UTF_8), "application/json");
        assertEquals(401, a.status(), () -> method + " " + path + ": " + a);
        assertEquals("Bearer realm=\"trialdex admin\"", a.header("WWW-Authenticate").orElse(""), a::toString);
        if (!method.equals("HEAD")) {
          assertEquals("missing", a.json().path("reason").asText(), a::toString);
          assertTrue(a.json().path("message").asText().startsWith("missing token: "), a::toString);
        }
      }
    }
    AdminServer.Answer basic = server.send(HttpRequest.newBuilder(URI.create(server.base + "/api/admin/import"))
        .header("Authorization", "Basic dXNlcjpwYXNz").POST(HttpRequest.BodyPublishers.ofString("x")), null);
    assertEquals(401, basic.status());
    assertTrue(basic.json().path("message").asText().contains("not 'Bearer <token>'"), basic::toString);

    assertEquals(200, server.get("/api/v2/studies/NCT06576635").status(), "no token needed to read");
    assertEquals(200, server.get("/api/v2/studies?pageSize=1").status());
  }

  @Test
  void aWrongAnExpiredAndARevokedTokenAnswer401NamingWhich() throws Exception {
    String wrong = ci.substring(0, ci.length() - 1) + (ci.endsWith("A") ? "B" : "A");
    for (String t : List.of(wrong, "tdx_999_" + ci.substring(ci.lastIndexOf('_') + 1), "hello")) {
      AdminServer.Answer a = server.postJson("/api/admin/sync", t, "{}");
      assertEquals(401, a.status(), a::toString);
      assertEquals("unknown", a.json().path("reason").asText(), a::toString);
      assertTrue(a.header("WWW-Authenticate").orElse("").contains("error=\"invalid_token\""), a::toString);
    }

    String soon = AdminServer.secretOf(token("create", "--name", "soon", "--expires", "1d"));
    assertEquals(501, server.postJson("/api/admin/sync", soon, "{}").status(), "works before its expiry");
    clock.shift(Duration.ofDays(2));
    try {
      AdminServer.Answer expired = server.postJson("/api/admin/sync", soon, "{}");
      assertEquals(401, expired.status(), expired::toString);
      assertEquals("expired", expired.json().path("reason").asText());
      assertTrue(expired.json().path("message").asText().startsWith("token 'soon' (#"), expired::toString);
    } finally {
      clock.shift(Duration.ZERO);
    }

    String doomed = AdminServer.secretOf(token("create", "--name", "doomed"));
    assertEquals(501, server.postJson("/api/admin/sync", doomed, "{}").status());
    Cli revoked = token("revoke", "doomed");
    assertTrue(revoked.out().startsWith("Revoked token 'doomed' (#"), revoked::toString);
    // The server remembers the accepted token, but reads it again every 2 s: refused within seconds.
    long start = System.nanoTime();
    AdminServer.Answer a;
    do {
      a = server.postJson("/api/admin/sync", doomed, "{}");
      Thread.sleep(100);
    } while (a.status() != 401 && System.nanoTime() - start < 10_000_000_000L);
    assertEquals(401, a.status(), a.toString());
    assertEquals("revoked", a.json().path("reason").asText());
    System.out.printf("[admin] revoke -> refused by a server that had accepted it: %d ms%n",
        (System.nanoTime() - start) / 1_000_000);
  }

  @Test
  void aTokenWithoutTheScopeAnswers403() throws Exception {
    AdminServer.Answer a = server.post("/api/admin/import", linkOnly, pallasTitled("forbidden"), "application/json");
    assertEquals(403, a.status(), a::toString);
    assertEquals("import", a.json().path("scope").asText());
    assertTrue(a.json().path("message").asText().startsWith("token 'linker' (#2) may link but not import"), a::toString);
    assertTrue(a.header("WWW-Authenticate").orElse("").contains("error=\"insufficient_scope\", scope=\"import\""));
    assertEquals(403, server.postJson("/api/admin/sync", linkOnly, "{}").status());
    assertFalse(server.get("/api/v2/studies/" + PALLAS).status() == 200 && server.get("/api/v2/studies/" + PALLAS)
        .body().contains("PALLAS forbidden"), "nothing was imported");
  }

  // ------------------------------------------------------------------ writes

  @Test
  void anImportWithATokenIsStoredReadableSearchableAndRecordedAsARunNamingTheToken() throws Exception {
    AdminServer.Answer a = server.post("/api/admin/import?name=pallas.json", ci, pallasTitled("zyzzyvadmin"),
        "application/json");
    assertEquals(200, a.status(), a::toString);
    JsonNode body = a.json();
    assertEquals(1, body.path("read").asInt(), a::toString);
    assertEquals(1, body.path("new").asInt() + body.path("updated").asInt(), a::toString);
    assertEquals(0, body.path("failed").asInt());
    assertEquals("token 'ci' (#1)", body.path("token").asText());

    AdminServer.Answer study = server.get("/api/v2/studies/" + PALLAS);
    assertEquals("PALLAS zyzzyvadmin", MAPPER.readTree(study.body()).at("/protocolSection/identificationModule/briefTitle")
        .asText());
    long ms = server.until("/api/v2/studies?query.titles=zyzzyvadmin&countTotal=true",
        r -> r.status() == 200 && r.json().path("totalCount").asInt() == 1, 60);
    System.out.printf("[admin] HTTP import -> searchable: %d ms%n", ms);

    // Another format: the same record as legacy XML, named by its Content-Type alone.
    AdminServer.Answer xml = server.post("/api/admin/import", ci, bytes(SharedData.pallasXml()), "application/xml");
    assertEquals(200, xml.status(), xml::toString);
    assertEquals(1, xml.json().path("read").asInt());

    Cli stats = Cli.run(Cli.with(store, "stats"));
    assertTrue(stats.out().contains("http import by token 'ci' (#1): pallas.json"), stats::toString);
    assertTrue(stats.out().contains("http import by token 'ci' (#1): upload.xml"), stats::toString);
    Cli list = token("list");
    String ciLine = list.out().lines().filter(l -> l.startsWith("#1 ")).findFirst().orElseThrow();
    assertFalse(ciLine.trim().split("\\s+")[6].equals("-"), "last used is recorded: " + ciLine);
  }

  @Test
  void aLinkWithATokenJoinsAPageToItsRecordAndIsRecordedAsARun() throws Exception {
    // Seed 004 is a registry page without an NCT id: stored under its content id.
    AdminServer.Answer page = server.post("/api/admin/import?name=004.txt", ci,
        bytes(SharedData.require("seeds/004_0041cbfd29221786.txt")), "text/plain");
    assertEquals(200, page.status(), page::toString);
    String alias = "TDX-98d2d07e94c5c964";
    assertEquals(200, server.get("/api/v2/studies/" + alias).status());

    String link = "{\"alias\": \"" + alias + "\", \"target\": \"NCT06576635\", \"reason\": \"same trial, checked\"}";
    AdminServer.Answer forbidden = server.postJson("/api/admin/link", tightToken + "x", link);
    assertEquals(401, forbidden.status());
    AdminServer.Answer linked = server.postJson("/api/admin/link", linkOnly, link);
    assertEquals(200, linked.status(), linked::toString);
    assertTrue(linked.json().path("linked").asBoolean());
    assertEquals(200, server.get("/api/v2/studies/" + alias).status());
    assertEquals("NCT06576635", MAPPER.readTree(server.get("/api/v2/studies/" + alias).body())
        .at("/protocolSection/identificationModule/nctId").asText(), "the alias finds its record");
    AdminServer.Answer again = server.postJson("/api/admin/link", linkOnly, link);
    assertEquals(200, again.status());
    assertFalse(again.json().path("linked").asBoolean(), again::toString);

    assertTrue(Cli.run(Cli.with(store, "stats")).out().contains("http link by token 'linker' (#2): " + alias
        + " -> NCT06576635"));
    // Refusals name what was wrong.
    assertEquals(404, server.postJson("/api/admin/link", linkOnly,
        "{\"alias\": \"ChiCTR0000000000\", \"target\": \"NCT06576635\"}").status());
    assertEquals(400, server.postJson("/api/admin/link", linkOnly, "{\"alias\": \"NCT06576635\", \"target\": \"NCT02513394\"}")
        .status());
    AdminServer.Answer notJson = server.postJson("/api/admin/link", linkOnly, "{alias:");
    assertEquals(400, notJson.status());
    assertTrue(notJson.json().path("message").asText().startsWith("the body is not JSON"), notJson::toString);
    assertEquals(400, server.postJson("/api/admin/link", linkOnly, "{\"target\": \"NCT06576635\"}").status());
  }

  @Test
  void syncIs501UntilAServerIsGivenOneAndThenRunsItForTheCaller() throws Exception {
    AdminServer.Answer none = server.postJson("/api/admin/sync", ci, "");
    assertEquals(501, none.status(), none::toString);
    assertEquals("sync is not configured on this server", none.json().path("message").asText());
    AdminServer.Answer started = tight.postJson("/api/admin/sync", tightToken, "{\"since\": \"2025-01-01\"}");
    assertEquals(202, started.status(), started::toString);
    assertEquals("token 'tight' (#3)", started.json().path("startedBy").asText());
    assertEquals("2025-01-01", started.json().at("/asked/since").asText());
  }

  @Test
  void pastItsRateATokenGets429WithRetryAfter() throws Exception {
    String own = AdminServer.secretOf(token("create", "--name", "busy", "--scope", "sync"));
    for (int i = 0; i < 3; i++) {
      assertEquals(202, tight.postJson("/api/admin/sync", own, "{}").status(), "request " + (i + 1) + " is in the burst");
    }
    AdminServer.Answer a = tight.postJson("/api/admin/sync", own, "{}");
    assertEquals(429, a.status(), a::toString);
    long retry = Long.parseLong(a.header("Retry-After").orElseThrow());
    assertTrue(retry >= 1 && retry <= 20, "three a minute: one more within 20 s, got " + retry);
    assertTrue(a.json().path("message").asText().startsWith("token 'busy' (#"), a::toString);
    assertEquals(501, server.postJson("/api/admin/sync", own, "{}").status(), "the other server keeps its own buckets");
  }

  // ------------------------------------------------------------------ hostile bodies

  @Test
  void hostileBodiesAreRefusedClearlyAndNothingStoredIsLost() throws Exception {
    long studiesBefore = trialdex.reports().counts().studies();
    int versionsBefore = trialdex.records().versions("NCT06576635").size();

    byte[] garbage = new byte[200_000];
    new Random(13).nextBytes(garbage);
    AdminServer.Answer g = server.post("/api/admin/import", ci, garbage, "application/octet-stream");
    assertEquals(422, g.status(), g::toString);
    assertEquals(1, g.json().path("failed").asInt());
    JsonNode failure = g.json().path("failures").get(0);
    assertEquals("upload", failure.path("file").asText(), "named as uploaded, not by the server's temporary folder");
    assertFalse(g.body().contains("trialdex-upload-"), g::toString);

    byte[] archive = bytes(SharedData.legacyArchive());
    byte[] truncated = Arrays.copyOf(archive, 400_000);
    AdminServer.Answer t = server.post("/api/admin/import?name=cut.tar.gz", ci, truncated, "application/gzip");
    assertEquals(422, t.status(), t::toString);
    assertTrue(t.body().toLowerCase(java.util.Locale.ROOT).contains("truncated")
        || t.body().toLowerCase(java.util.Locale.ROOT).contains("end of"), t::toString);

    AdminServer.Answer empty = server.post("/api/admin/import", ci, new byte[0], "application/json");
    assertEquals(400, empty.status());
    assertTrue(empty.json().path("message").asText().startsWith("the body is empty"), empty::toString);
    assertEquals(400, server.post("/api/admin/import?name=../../etc/passwd", ci, garbage, null).status());

    // Over the limit, declared: refused before the body is read.
    byte[] big = new byte[2 * 1024 * 1024];
    AdminServer.Answer declared = tight.send(HttpRequest.newBuilder(URI.create(tight.base + "/api/admin/import"))
        .expectContinue(true).POST(HttpRequest.BodyPublishers.ofByteArray(big)), tightToken);
    assertEquals(413, declared.status(), declared::toString);
    assertTrue(declared.json().path("message").asText().contains("at most 1048576"), declared::toString);
    // Over the limit, streamed without a length: cut off at the limit.
    // (The tight token's three requests at once: the sync test's, and these two.)
    AdminServer.Answer streamed = tight.send(HttpRequest.newBuilder(URI.create(tight.base + "/api/admin/import"))
        .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(big))), tightToken);
    assertEquals(413, streamed.status(), streamed::toString);

    // The entries before the cut are imported, as 'trialdex import' does; nothing stored before is lost.
    assertEquals(studiesBefore + t.json().path("new").asLong(), trialdex.reports().counts().studies());
    assertEquals(versionsBefore, trialdex.records().versions("NCT06576635").size());
    assertEquals(200, server.get("/api/v2/studies/NCT06576635").status());
  }

  // ------------------------------------------------------------------ the command line

  @Test
  void theTokenCommandsNeverShowASecretAndTheStoreHoldsNone() throws Exception {
    Cli created = token("create", "--name", "cli-check", "--scope", "import,link", "--expires", "2099-01-01");
    String secret = AdminServer.secretOf(created);
    assertTrue(secret.matches("tdx_\\d+_[A-Za-z0-9_-]{43}"), secret);
    assertTrue(created.out().contains("(scopes import,link; expires 2099-01-01T00:00:00Z)"), created::toString);

    Cli list = token("list");
    assertTrue(list.out().startsWith("ID    NAME"), list::toString);
    assertTrue(list.out().lines().anyMatch(l -> l.contains("cli-check") && l.contains("import,link")
        && l.contains("active") && l.contains("2099-01-01T00:00:00Z")), list::toString);
    for (String s : List.of(ci, linkOnly, tightToken, secret)) {
      String part = s.substring(s.indexOf('_', 4) + 1);
      assertFalse(list.out().contains(part), "list shows no secret");
    }

    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("data/trialdex.db"));
        Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT * FROM api_token")) {
      int rows = 0;
      while (rs.next()) {
        rows++;
        assertTrue(rs.getString("secret_hash").startsWith("$argon2id$"));
        for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
          String value = String.valueOf(rs.getObject(i));
          for (String s : List.of(ci, linkOnly, tightToken, secret)) {
            assertFalse(value.contains(s.substring(s.indexOf('_', 4) + 1)), "no plaintext secret in the table");
          }
        }
      }
      assertTrue(rows >= 4);
    }

    assertTrue(token("revoke", "#" + secret.split("_")[1]).out().startsWith("Revoked token 'cli-check'"));
    assertTrue(token("revoke", "cli-check").out().contains("was already revoked at"));
    assertTrue(token("list").out().lines().anyMatch(l -> l.contains("cli-check") && l.contains("revoked")));
    Cli taken = Cli.run(AdminServer.tokenArgs(store, "create", "--name", "ci"));
    assertEquals(TrialdexCommand.USAGE, taken.exitCode(), taken::toString);
    assertTrue(taken.err().contains("is already named 'ci'"), taken::toString);
    assertEquals(TrialdexCommand.USAGE, Cli.run(AdminServer.tokenArgs(store, "create", "--name", "x", "--scope", "delete"))
        .exitCode());
    assertEquals(TrialdexCommand.FAILED, Cli.run(AdminServer.tokenArgs(store, "revoke", "nobody")).exitCode());
  }
}
