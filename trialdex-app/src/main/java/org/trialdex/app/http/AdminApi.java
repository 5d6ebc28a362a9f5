package org.trialdex.app.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.trialdex.app.Trialdex;
import org.trialdex.app.service.Imports;
import org.trialdex.core.source.RecordIds;
import org.trialdex.ingest.ImportReport;
import org.trialdex.ingest.Importer;
import org.trialdex.ingest.ReadOptions;
import org.trialdex.ingest.ReadProblem;
import org.trialdex.store.ApiToken;
import org.trialdex.store.TokenCheck;

/**
 * Writes over HTTP (issue #13), under {@code /api/admin}: every request there, whatever its method
 * or path, needs {@code Authorization: Bearer <token>} with a token the store knows, not revoked
 * and not expired (401 otherwise, naming which), within its rate (429 with {@code Retry-After}),
 * and the route's scope (403). {@code docs/http.md} describes the endpoints and their answers.
 */
final class AdminApi {

  static final String PREFIX = "/api/admin";
  /** Failures listed in an import's answer; the run keeps the count. */
  static final int FAILURES_SHOWN = 20;
  /** The idle timeout of a connection while its import runs (the reading and the storing). */
  static final java.time.Duration IMPORT_IDLE_TIMEOUT = java.time.Duration.ofMinutes(30);
  private static final String CALLER = "trialdex.admin.caller";
  private static final String REALM = "Bearer realm=\"trialdex admin\"";
  private static final Pattern UPLOAD_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,99}");
  private static final Pattern OTHER_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._/:-]{0,99}");
  private static final Logger LOG = LoggerFactory.getLogger("trialdex.http.admin");

  /** File name suffixes for a body's Content-Type; the content decides the format, the name only labels it. */
  private static final Map<String, String> SUFFIXES = Map.ofEntries(
      Map.entry("application/json", ".json"), Map.entry("application/x-ndjson", ".ndjson"),
      Map.entry("application/ndjson", ".ndjson"), Map.entry("application/jsonl", ".jsonl"),
      Map.entry("application/x-jsonlines", ".jsonl"), Map.entry("application/xml", ".xml"),
      Map.entry("text/xml", ".xml"), Map.entry("text/html", ".html"), Map.entry("text/plain", ".txt"),
      Map.entry("application/zip", ".zip"), Map.entry("application/gzip", ".gz"),
      Map.entry("application/x-gzip", ".gz"), Map.entry("application/x-tar", ".tar"),
      Map.entry("application/x-gtar", ".tar.gz"));

  private final Trialdex trialdex;
  private final AdminSettings settings;
  private final TokenBuckets buckets;

  private AdminApi(Trialdex trialdex, AdminSettings settings) {
    this.trialdex = trialdex;
    this.settings = settings;
    this.buckets = new TokenBuckets(settings.ratePerMinute(), settings.burst(), System::nanoTime);
  }

  static void routes(Javalin app, Trialdex trialdex, AdminSettings settings) {
    AdminApi api = new AdminApi(trialdex, settings);
    errors(app);
    // Before any route, so that an unknown admin path or method is refused like a known one.
    app.before(PREFIX, api::authenticate);
    app.before(PREFIX + "/*", api::authenticate);
    app.post(PREFIX + "/import", api::importBody);
    app.post(PREFIX + "/link", api::link);
    app.post(PREFIX + "/sync", api::sync);
  }

  // ---------------------------------------------------------------- the door

  private void authenticate(Context ctx) throws InterruptedException {
    Optional<String> presented = bearer(ctx.header("Authorization"));
    TokenCheck check = trialdex.tokens().authenticate(presented.orElse(""));
    switch (check) {
      case TokenCheck.Refused refused -> throw new Unauthorized(refused.refusal(),
          refused.refusal() == TokenCheck.Refusal.MISSING ? missingMessage(ctx) : refused.message());
      case TokenCheck.Accepted accepted -> {
        long wait = buckets.take(accepted.token().id());
        if (wait > 0) {
          throw new TooManyRequests(wait, accepted.token().label() + " has made more than " + settings.burst()
              + " requests at once or " + settings.ratePerMinute() + " a minute; try again in " + wait + " s");
        }
        ctx.attribute(CALLER, accepted.token());
      }
    }
  }

  private static String missingMessage(Context ctx) {
    return ctx.header("Authorization") == null
        ? "missing token: " + ctx.path() + " takes writes only with an API token; send 'Authorization: Bearer tdx_...'"
            + " (issue one with 'trialdex token create')"
        : "missing token: the Authorization header is not 'Bearer <token>'";
  }

  /** The token of {@code Bearer <token>}; empty when the header is absent or another scheme. */
  static Optional<String> bearer(String header) {
    if (header == null) {
      return Optional.empty();
    }
    String h = header.strip();
    if (h.length() > 7 && h.regionMatches(true, 0, "Bearer ", 0, 7)) {
      return Optional.of(h.substring(7).strip());
    }
    return Optional.empty();
  }

  /** The caller, when its token has {@code scope}; else 403. */
  private static ApiToken caller(Context ctx, ApiToken.Scope scope) {
    ApiToken token = ctx.attribute(CALLER);
    if (token == null) { // the door above always sets it; a route outside it would be a wiring mistake
      throw new IllegalStateException("admin route " + ctx.path() + " reached without authentication");
    }
    if (!token.allows(scope)) {
      throw new Forbidden(scope, token.label() + " may " + ApiToken.Scope.codes(token.scopes()).replace(",", ", ")
          + " but not " + scope.code() + "; issue a token with scope " + scope.code());
    }
    return token;
  }

  // ---------------------------------------------------------------- import

  private void importBody(Context ctx) throws IOException {
    ApiToken caller = caller(ctx, ApiToken.Scope.IMPORT);
    long declared = ctx.req().getContentLengthLong();
    if (declared > settings.maxBodyBytes()) {
      throw new TooLarge("the body is " + declared + " bytes; this server takes at most " + settings.maxBodyBytes()
          + " (serve --admin-max-body); split the import into several requests");
    }
    String name = uploadName(ctx);
    Path dir = Files.createTempDirectory("trialdex-upload-");
    // No byte moves while a large import runs: the connection's idle timeout (30 s) must not cut it.
    org.eclipse.jetty.io.EndPoint endPoint = endPoint(ctx);
    long idle = endPoint == null ? 0 : endPoint.getIdleTimeout();
    if (endPoint != null) {
      endPoint.setIdleTimeout(IMPORT_IDLE_TIMEOUT.toMillis());
    }
    try {
      Path file = dir.resolve(name);
      long bytes = copy(ctx.req().getInputStream(), file, settings.maxBodyBytes());
      if (bytes == 0) {
        throw new HttpServer.BadRequest("the body is empty: send the file to import as the request body (any format"
            + " 'trialdex import' takes: API v2 JSON, NDJSON, legacy XML, classic fields, a registry page, a zip or"
            + " tar.gz archive)");
      }
      String label = "http import by " + caller.label() + ": " + name;
      Imports.Finished run = trialdex.imports().run(label, List.of("http upload " + name + " (" + bytes + " bytes)"),
          List.of(file), ReadOptions.defaults(), Importer.Listener.NONE);
      LOG.info("import run {} by {}: {} read, {} failed", run.runId(), caller.label(), run.report().read(),
          run.report().failed());
      answerImport(ctx, caller, name, bytes, run, dir);
    } finally {
      deleteQuietly(dir);
      if (endPoint != null) {
        endPoint.setIdleTimeout(idle);
      }
    }
  }

  /** The connection under {@code ctx}, or null when it is not Jetty's. */
  private static org.eclipse.jetty.io.EndPoint endPoint(Context ctx) {
    org.eclipse.jetty.server.Request base = org.eclipse.jetty.server.Request.getBaseRequest(ctx.req());
    return base == null || base.getHttpChannel() == null ? null : base.getHttpChannel().getEndPoint();
  }

  private static void answerImport(Context ctx, ApiToken caller, String name, long bytes, Imports.Finished run, Path dir) {
    ImportReport r = run.report();
    ObjectNode body = HttpServer.json().createObjectNode();
    body.put("runId", run.runId());
    body.put("token", caller.label());
    body.put("name", name);
    body.put("bytes", bytes);
    body.put("read", r.read());
    body.put("new", r.created());
    body.put("updated", r.updated());
    body.put("unchanged", r.unchanged());
    body.put("failed", r.failed());
    body.put("warnings", r.warningCount());
    ArrayNode failures = body.putArray("failures");
    String prefix = dir.toString() + dir.getFileSystem().getSeparator();
    for (ReadProblem p : r.failureSample().subList(0, Math.min(FAILURES_SHOWN, r.failureSample().size()))) {
      // The temporary folder is the server's business: the file is named as uploaded.
      failures.addObject().put("file", p.file().replace(prefix, "")).put("record", p.record())
          .put("reason", p.reason().replace(prefix, ""));
    }
    if (r.aborted().isPresent()) {
      body.put("message", "the import stopped: " + r.aborted().get().replace(prefix, "") + "; import run "
          + run.runId() + " is recorded as FAILED and the chunks stored before it stay stored");
      ctx.status(HttpStatus.SERVICE_UNAVAILABLE);
    } else if (r.failed() > 0) {
      body.put("message", r.failed() + " of " + r.read() + " records, files or archives failed (the first are listed);"
          + " the others were imported in run " + run.runId());
      ctx.status(HttpStatus.UNPROCESSABLE_CONTENT);
    } else {
      body.put("message", "imported " + r.read() + " records in run " + run.runId()
          + "; they are searchable as soon as the index follows (about a second)");
    }
    Render.json(ctx, body);
  }

  /** The upload's file name: {@code ?name=} when given, else {@code upload} with a suffix for its Content-Type. */
  private static String uploadName(Context ctx) {
    String hint = ctx.queryParam("name");
    if (hint != null) {
      // A plain name only: never a path (the file goes into a folder of its own, but a name with
      // folders in it says the client expected something else).
      if (!UPLOAD_NAME.matcher(hint).matches() || hint.contains("..")) {
        throw new HttpServer.BadRequest("name='" + hint + "' is not a plain file name: use letters, digits, '.', '_'"
            + " and '-', at most 100, no folders (e.g. name=studies.tar.gz)");
      }
      return hint;
    }
    String type = ctx.contentType() == null ? "" : ctx.contentType().split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
    return "upload" + SUFFIXES.getOrDefault(type, "");
  }

  /** Copies at most {@code max} bytes of {@code in} to {@code file}; a longer body is refused with 413. */
  private static long copy(InputStream in, Path file, long max) throws IOException {
    long total = 0;
    byte[] buffer = new byte[64 * 1024];
    try (OutputStream out = Files.newOutputStream(file)) {
      for (int n; (n = in.read(buffer)) > 0; ) {
        total += n;
        if (total > max) {
          throw new TooLarge("the body is longer than the " + max + " bytes this server takes (serve --admin-max-body);"
              + " split the import into several requests");
        }
        out.write(buffer, 0, n);
      }
    }
    return total;
  }

  private static void deleteQuietly(Path dir) {
    try (Stream<Path> walk = Files.walk(dir)) {
      walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException | RuntimeException e) {
      LOG.warn("cannot delete the upload folder {}: {}", dir, e.toString());
    }
  }

  // ---------------------------------------------------------------- link

  private void link(Context ctx) {
    ApiToken caller = caller(ctx, ApiToken.Scope.LINK);
    JsonNode request = jsonBody(ctx, false);
    String alias = text(request, "alias", true);
    String target = text(request, "target", true);
    String reason = text(request, "reason", false);
    if (!OTHER_ID.matcher(alias).matches()) {
      throw new HttpServer.BadRequest("alias '" + alias + "' is not a record id (e.g. ChiCTR2000029606, TDX-...)");
    }
    if (RecordIds.isNctId(alias)) {
      throw new HttpServer.BadRequest("alias '" + alias + "' is an NCT id; only records stored without one can be linked");
    }
    if (!RecordIds.isNctId(target)) {
      throw new HttpServer.BadRequest("target must be an NCT id (NCT and 8 digits), got '" + target + "'");
    }
    ObjectNode body = HttpServer.json().createObjectNode();
    body.put("alias", alias);
    body.put("target", target);
    Optional<String> now = trialdex.records().resolve(alias);
    if (now.filter(target::equals).isPresent()) {
      body.put("linked", false);
      body.put("message", alias + " is already linked to " + target + "; nothing to do");
      Render.json(ctx, body);
      return;
    }
    if (now.isEmpty() || !now.get().equals(alias)) {
      throw new HttpServer.NotFound("there is no record " + alias + " to link"
          + now.map(other -> "; it is linked to " + other).orElse(""));
    }
    if (trialdex.records().resolve(target).filter(target::equals).isEmpty()) {
      throw new HttpServer.NotFound("there is no record " + target + "; import it before linking " + alias + " to it");
    }
    String why = reason.isEmpty() ? "linked over HTTP by " + caller.label() : reason;
    long runId = trialdex.records().linkAsRun("http link by " + caller.label() + ": " + alias + " -> " + target,
        alias, target, why);
    body.put("linked", true);
    body.put("runId", runId);
    body.put("token", caller.label());
    body.put("message", "linked " + alias + " to " + target + " in run " + runId);
    Render.json(ctx, body);
  }

  // ---------------------------------------------------------------- sync

  private void sync(Context ctx) {
    ApiToken caller = caller(ctx, ApiToken.Scope.SYNC);
    if (settings.sync().isEmpty()) {
      ObjectNode body = HttpServer.json().createObjectNode().put("message", "sync is not configured on this server");
      ctx.status(HttpStatus.NOT_IMPLEMENTED);
      Render.json(ctx, body);
      return;
    }
    JsonNode request = jsonBody(ctx, true);
    AdminSync.Answer answer;
    try {
      answer = settings.sync().get().sync(caller, request);
    } catch (IllegalArgumentException e) {
      throw new HttpServer.BadRequest(e.getMessage());
    }
    ctx.status(answer.status());
    Render.json(ctx, answer.body());
  }

  // ---------------------------------------------------------------- JSON bodies

  /** The body as a JSON object; an empty body is {@code {}} when {@code emptyIsObject}, else 400. */
  private static JsonNode jsonBody(Context ctx, boolean emptyIsObject) {
    byte[] bytes = ctx.bodyAsBytes();
    if (bytes.length == 0) {
      if (emptyIsObject) {
        return HttpServer.json().createObjectNode();
      }
      throw new HttpServer.BadRequest("the body is empty: send a JSON object");
    }
    JsonNode node;
    try {
      node = HttpServer.json().readTree(bytes);
    } catch (IOException e) {
      throw new HttpServer.BadRequest("the body is not JSON: " + (e instanceof com.fasterxml.jackson.core.JsonProcessingException j ? j.getOriginalMessage() : e.getMessage()));
    }
    if (node == null || !node.isObject()) {
      throw new HttpServer.BadRequest("the body must be a JSON object");
    }
    return node;
  }

  private static String text(JsonNode request, String field, boolean required) {
    JsonNode value = request.get(field);
    if (value == null || value.isNull()) {
      if (required) {
        throw new HttpServer.BadRequest("the body has no \"" + field + "\"; send {\"alias\": ..., \"target\": ..., \"reason\": ...}");
      }
      return "";
    }
    if (!value.isTextual() || (required && value.asText().isBlank())) {
      throw new HttpServer.BadRequest("\"" + field + "\" must be " + (required ? "a non-empty " : "a ") + "string");
    }
    return value.asText().strip();
  }

  // ---------------------------------------------------------------- refusals, mapped once

  private static void errors(Javalin app) {
    app.exception(Unauthorized.class, (e, ctx) -> {
      ctx.header("WWW-Authenticate", e.refusal == TokenCheck.Refusal.MISSING ? REALM
          : REALM + ", error=\"invalid_token\", error_description=\"the token is " + e.refusal.code() + "\"");
      refuse(ctx, HttpStatus.UNAUTHORIZED, message(e).put("reason", e.refusal.code()));
    });
    app.exception(Forbidden.class, (e, ctx) -> {
      ctx.header("WWW-Authenticate", REALM + ", error=\"insufficient_scope\", scope=\"" + e.scope.code() + "\"");
      refuse(ctx, HttpStatus.FORBIDDEN, message(e).put("scope", e.scope.code()));
    });
    app.exception(TooManyRequests.class, (e, ctx) -> {
      ctx.header("Retry-After", Long.toString(e.retryAfterSeconds));
      refuse(ctx, HttpStatus.TOO_MANY_REQUESTS, message(e));
    });
    app.exception(TooLarge.class, (e, ctx) -> {
      // The rest of the body is not read: the connection closes after the answer.
      ctx.header("Connection", "close");
      refuse(ctx, HttpStatus.CONTENT_TOO_LARGE, message(e));
    });
  }

  private static ObjectNode message(RuntimeException e) {
    return HttpServer.json().createObjectNode().put("message", e.getMessage());
  }

  private static void refuse(Context ctx, HttpStatus status, ObjectNode body) {
    ctx.status(status);
    Render.json(ctx, body);
  }

  static final class Unauthorized extends RuntimeException {
    final TokenCheck.Refusal refusal;

    Unauthorized(TokenCheck.Refusal refusal, String message) {
      super(message);
      this.refusal = refusal;
    }
  }

  static final class Forbidden extends RuntimeException {
    final ApiToken.Scope scope;

    Forbidden(ApiToken.Scope scope, String message) {
      super(message);
      this.scope = scope;
    }
  }

  static final class TooManyRequests extends RuntimeException {
    final long retryAfterSeconds;

    TooManyRequests(long retryAfterSeconds, String message) {
      super(message);
      this.retryAfterSeconds = retryAfterSeconds;
    }
  }

  static final class TooLarge extends RuntimeException {
    TooLarge(String message) {
      super(message);
    }
  }
}
