package org.trialdex.app.http;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.javalin.http.HttpStatus;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.trialdex.app.SearchIndexing;
import org.trialdex.app.SearchUnavailableException;
import org.trialdex.app.Trialdex;
import org.trialdex.core.json.StudyJson;
import org.trialdex.search.SearchException;
import org.trialdex.search.SearchTimeoutException;
import org.trialdex.search.query.QueryException;

/**
 * The HTTP server: the routes, one error mapping and one request log line per request. Handlers
 * are thin: they read parameters, call a service of {@link Trialdex} and render.
 *
 * <p>Errors answer JSON {@code {"message": ...}} (under {@code /api/v2}, the message as
 * {@code text/plain}, as ClinicalTrials.gov answers): 400 for a bad parameter or query, 404 for an
 * unknown study or path, 500 (the details go to the log, never to the client) for the rest. The
 * admin API's writes ({@code /api/admin}, {@link AdminApi}) add 401, 403, 413, 422 and 429.
 */
public final class HttpServer implements AutoCloseable {

  /** Longest query string accepted; longer ones answer 400 (beyond 8 KB, Jetty answers 414 itself). */
  public static final int MAX_QUERY_LENGTH = 4096;

  /** A connection with no traffic for this long is closed (Jetty's idle timeout). */
  public static final java.time.Duration IDLE_TIMEOUT = java.time.Duration.ofSeconds(30);
  /** How long a request thread idles before it ends (the pool keeps 8). */
  static final java.time.Duration POOL_IDLE_TIMEOUT = java.time.Duration.ofSeconds(60);

  /**
   * Longest a search may run for one request (API, feed, search page) unless the server is started
   * with another limit; past it the search is stopped and the request answers 503.
   */
  public static final java.time.Duration SEARCH_TIME_LIMIT = java.time.Duration.ofSeconds(10);

  /** trialdex's own OpenAPI document, served at {@code GET /api/openapi.json}. */
  static final String OPENAPI_RESOURCE = "openapi.json";

  private static final Logger LOG = LoggerFactory.getLogger("trialdex.http");

  private final Javalin app;

  private HttpServer(Javalin app) {
    this.app = app;
  }

  /** Starts serving {@code trialdex} on {@code host:port} (port 0: any free port). */
  public static HttpServer start(Trialdex trialdex, String host, int port) {
    return start(trialdex, host, port, SEARCH_TIME_LIMIT);
  }

  /**
   * Starts serving {@code trialdex} on {@code host:port} (port 0: any free port); a search that runs
   * longer than {@code searchLimit} is stopped and answers 503.
   */
  public static HttpServer start(Trialdex trialdex, String host, int port, java.time.Duration searchLimit) {
    return start(trialdex, host, port, ServerLimits.defaults().withTimeLimit(searchLimit), java.util.Optional.empty());
  }

  /**
   * Starts serving {@code trialdex} on {@code host:port} (port 0: any free port) within
   * {@code limits}: how long a search may run and how many expensive requests run at once.
   */
  public static HttpServer start(Trialdex trialdex, String host, int port, ServerLimits limits) {
    return start(trialdex, host, port, limits, java.util.Optional.empty());
  }

  /** As {@link #start(Trialdex, String, int, ServerLimits, java.util.Optional)}, with the default limits but the time limit. */
  public static HttpServer start(Trialdex trialdex, String host, int port, java.time.Duration searchLimit,
      java.util.Optional<PublicUrl> publicUrl) {
    return start(trialdex, host, port, ServerLimits.defaults().withTimeLimit(searchLimit), publicUrl);
  }

  /**
   * Starts serving as {@link #start(Trialdex, String, int, ServerLimits)} does, absolute links (the
   * feed's) under {@code publicUrl} when given, else under the address a request reached.
   */
  public static HttpServer start(Trialdex trialdex, String host, int port, ServerLimits limits,
      java.util.Optional<PublicUrl> publicUrl) {
    return start(trialdex, host, port, limits, publicUrl, AdminSettings.defaults());
  }

  /**
   * Starts serving as {@link #start(Trialdex, String, int, ServerLimits, java.util.Optional)} does,
   * the admin API ({@code /api/admin}) taking writes as {@code admin} says: each token's rate, the
   * largest body, and what a sync runs.
   */
  public static HttpServer start(Trialdex trialdex, String host, int port, ServerLimits limits,
      java.util.Optional<PublicUrl> publicUrl, AdminSettings admin) {
    Javalin app = create(limits.requestThreads());
    routes(app, trialdex, limits, publicUrl, admin);
    app.start(host, port);
    for (org.eclipse.jetty.server.Connector c : app.jettyServer().server().getConnectors()) {
      if (c instanceof org.eclipse.jetty.server.AbstractConnector connector) {
        connector.setIdleTimeout(IDLE_TIMEOUT.toMillis());
      }
    }
    return new HttpServer(app);
  }

  /** The largest request body accepted: a patient for matching (a FHIR bundle can be large); other endpoints take none. */
  public static final long MAX_BODY_BYTES = 2 * 1024 * 1024;

  /** A Javalin with trialdex's configuration (request log, error mapping), no routes yet, {@link ServerLimits#REQUEST_THREADS} threads. */
  public static Javalin create() {
    return create(ServerLimits.REQUEST_THREADS);
  }

  /**
   * A Javalin with trialdex's configuration and at most {@code threads} requests in progress, each
   * on a platform thread (see {@link Admission} for why not virtual ones).
   */
  public static Javalin create(int threads) {
    Javalin app = Javalin.create(config -> {
      config.showJavalinBanner = false;
      config.useVirtualThreads = false;
      org.eclipse.jetty.util.thread.QueuedThreadPool pool = new org.eclipse.jetty.util.thread.QueuedThreadPool(
          threads, 8, (int) POOL_IDLE_TIMEOUT.toMillis());
      pool.setName("trialdex-http");
      config.jetty.threadPool = pool;
      config.router.ignoreTrailingSlashes = true;
      config.http.prefer405over404 = false;
      // Matching reads a request body (a patient), and so does an admin link; a larger one is refused.
      // An admin import streams its body to a file under its own limit (AdminSettings.maxBodyBytes).
      config.http.maxRequestSize = MAX_BODY_BYTES;
      config.jetty.modifyHttpConfiguration(http -> http.setIdleTimeout(IDLE_TIMEOUT.toMillis()));
      config.requestLogger.http((ctx, ms) -> LOG.info(String.format(Locale.ROOT,
          "method=%s path=%s status=%d ms=%.1f", SafeResponses.method(ctx), AlertRoutes.redact(ctx.path()),
          ctx.statusCode(), ms)));
      // Security headers, HEAD as GET, Jetty's own refusals in JSON (issue #12).
      SafeResponses.configure(config);
    });
    app.before(SafeResponses::checkPath);
    app.after(SafeResponses::noStoreErrors);
    app.before(ctx -> {
      String q = ctx.queryString();
      if (q != null && q.length() > MAX_QUERY_LENGTH) {
        throw new BadRequest("the query string is " + q.length() + " characters long; at most "
            + MAX_QUERY_LENGTH + " are accepted");
      }
    });
    app.exception(BadRequest.class, (e, ctx) -> error(ctx, HttpStatus.BAD_REQUEST, e.getMessage()));
    app.exception(org.trialdex.core.eligibility.PatientFormatException.class,
        (e, ctx) -> error(ctx, HttpStatus.BAD_REQUEST, "the patient could not be read: " + e.getMessage()));
    app.exception(QueryException.class, (e, ctx) -> error(ctx, HttpStatus.BAD_REQUEST,
        isApiV2(ctx.path()) ? ApiV2.message(e) : e.getMessage()));
    // The index failing (its folder, its disk) is the server's trouble, not the request's.
    app.exception(SearchException.class, (e, ctx) -> error(ctx,
        e.isIndexFailure() ? HttpStatus.SERVICE_UNAVAILABLE : HttpStatus.BAD_REQUEST,
        isApiV2(ctx.path()) && !e.isIndexFailure() ? ApiV2.message(e) : e.getMessage()));
    app.exception(SearchTimeoutException.class, (e, ctx) -> error(ctx, HttpStatus.SERVICE_UNAVAILABLE, e.getMessage()));
    app.exception(SearchUnavailableException.class, (e, ctx) -> {
      ctx.header("Retry-After", "30");
      error(ctx, HttpStatus.SERVICE_UNAVAILABLE, e.getMessage());
    });
    app.exception(NotFound.class, (e, ctx) -> error(ctx, HttpStatus.NOT_FOUND, e.getMessage()));
    app.exception(HttpResponseException.class, (e, ctx) -> error(ctx, HttpStatus.forStatus(e.getStatus()),
        e.getStatus() == 404 ? "no such path: " + ctx.method() + " " + ctx.path() : e.getMessage()));
    app.exception(Exception.class, (e, ctx) -> {
      LOG.error("{} {} failed", ctx.method(), ctx.path(), e);
      error(ctx, HttpStatus.INTERNAL_SERVER_ERROR, "internal error; the server log has the details");
    });
    app.error(404, ctx -> {
      // The response's type: a handler that answered 404 in JSON (an unknown study) keeps its message.
      String type = ctx.res().getContentType();
      if (type == null || type.isBlank()) { // nothing answered: an unknown path
        error(ctx, HttpStatus.NOT_FOUND, "no such path: " + ctx.method() + " " + ctx.path());
      }
    });
    return app;
  }

  /** Every route, searches limited to {@link #SEARCH_TIME_LIMIT}; tests call this on their own Javalin. */
  public static void routes(Javalin app, Trialdex trialdex) {
    routes(app, trialdex, SEARCH_TIME_LIMIT);
  }

  /** Every route, each search stopped past {@code searchLimit}. */
  public static void routes(Javalin app, Trialdex trialdex, java.time.Duration searchLimit) {
    routes(app, trialdex, ServerLimits.defaults().withTimeLimit(searchLimit), java.util.Optional.empty());
  }

  /**
   * Every route within {@code limits}: searches and statistics stopped past its time limit, and
   * the expensive routes admitted by {@link Admission} (the others are not limited); absolute links
   * under {@code publicUrl} if given.
   */
  public static void routes(Javalin app, Trialdex trialdex, ServerLimits limits, java.util.Optional<PublicUrl> publicUrl) {
    routes(app, trialdex, limits, publicUrl, AdminSettings.defaults());
  }

  /**
   * Every route as {@link #routes(Javalin, Trialdex, ServerLimits, java.util.Optional)}, the admin
   * API's writes taken as {@code admin} says.
   */
  public static void routes(Javalin app, Trialdex trialdex, ServerLimits limits, java.util.Optional<PublicUrl> publicUrl,
      AdminSettings admin) {
    // First: the admin API's door runs before any other route's work (issue #13).
    AdminApi.routes(app, trialdex, admin);
    Admission admission = new Admission(limits);
    Admission.errors(app);
    app.get("/health", ctx -> {
      ObjectNode body = json().createObjectNode();
      body.put("status", "UP");
      body.put("studies", trialdex.reports().counts().studies());
      SearchIndexing.Status search = trialdex.indexing().status();
      body.putObject("store").put("position", search.storePosition());
      ObjectNode index = body.putObject("index");
      index.put("role", search.role());
      index.put("position", search.indexPosition());
      index.put("lag", search.lag());
      index.put("state", search.rebuilding() ? "rebuilding" : search.indexPosition() < 0 ? "unknown" : "following");
      if (search.rebuilding()) {
        index.put("rebuilt", search.rebuilt());
        index.put("toRebuild", search.toRebuild());
      }
      search.lastError().ifPresent(e -> index.put("lastError", e));
      index.put("vocabulary", trialdex.vocabulary().description());
      Render.json(ctx, body);
    });
    byte[] openapi = openApi();
    app.get("/api/openapi.json", ctx -> ctx.contentType("application/json").result(openapi));
    ApiV2.routes(app, trialdex, admission);
    Portal.routes(app, trialdex, admission);
    Extensions.routes(app, trialdex, admission);
    WebsiteHistory.routes(app, trialdex, admission);
    Feeds.routes(app, trialdex, admission, publicUrl);
    AlertRoutes.routes(app, trialdex, admission, publicUrl);
    LandscapeApi.routes(app, trialdex, admission);
  }

  /** The bytes of trialdex's OpenAPI document (a resource beside this class). */
  public static byte[] openApi() {
    try (java.io.InputStream in = HttpServer.class.getResourceAsStream(OPENAPI_RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("the OpenAPI document " + OPENAPI_RESOURCE + " is missing from the classpath");
      }
      return in.readAllBytes();
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /** The idle timeout of the connectors, in milliseconds (tests check it). */
  public long idleTimeoutMillis() {
    long max = 0;
    for (org.eclipse.jetty.server.Connector c : app.jettyServer().server().getConnectors()) {
      max = Math.max(max, c.getIdleTimeout());
    }
    return max;
  }

  /**
   * {@code trialdex}'s search of {@code request}, on the request's own thread; stopped past
   * {@code limit} with a {@link SearchTimeoutException}, which answers 503.
   */
  static org.trialdex.search.SearchResult search(Trialdex trialdex, org.trialdex.search.query.SearchRequest request,
      java.time.Duration limit) {
    return trialdex.searches().search(request, limit);
  }

  static com.fasterxml.jackson.databind.ObjectMapper json() {
    return StudyJson.standard().mapper();
  }

  /**
   * Answers an error: under {@code /api/v2} as ClinicalTrials.gov does, the message alone as
   * {@code text/plain} (its document's {@code errorMessage}); everywhere else (trialdex's own API)
   * JSON {@code {"message": ...}}.
   */
  static void error(Context ctx, HttpStatus status, String message) {
    String text = message == null ? status.getMessage() : message;
    ctx.status(status);
    if (wantsPage(ctx)) {
      Portal.html(ctx, org.trialdex.app.web.WebPages.error(heading(status), text));
      return;
    }
    if (isApiV2(ctx.path())) {
      ctx.contentType("text/plain; charset=utf-8").result(text);
      return;
    }
    ObjectNode body = json().createObjectNode();
    body.put("message", text);
    Render.json(ctx, body);
  }

  /**
   * Whether an error goes to a person's browser as a page: a path outside the APIs, feeds and files,
   * asked for by a client that takes HTML (a browser says so; curl and API clients do not).
   */
  private static boolean wantsPage(Context ctx) {
    String path = ctx.path();
    if (path.startsWith("/api/") || path.equals("/api") || path.equals("/feed") || path.startsWith("/static/")
        || path.equals("/health") || path.startsWith("/alerts/") && path.endsWith("/feed")) {
      return false;
    }
    String accept = ctx.header("Accept");
    return accept != null && accept.contains("text/html");
  }

  private static String heading(HttpStatus status) {
    return switch (status.getCode()) {
      case 400 -> "The request could not be read";
      case 404 -> "Page not found";
      case 503 -> "Busy: please try again in a moment";
      default -> status.getCode() >= 500 ? "Something went wrong on our side" : status.getMessage();
    };
  }

  /** A path of the ClinicalTrials.gov-compatible API, whose errors are plain text. */
  static boolean isApiV2(String path) {
    return path.equals("/api/v2") || path.startsWith("/api/v2/");
  }

  /** The port the server listens on. */
  public int port() {
    return app.port();
  }

  /** Stops accepting requests, lets running ones finish, and stops. */
  @Override
  public void close() {
    app.stop();
  }

  /** A bad request: answers 400 with the message. */
  public static final class BadRequest extends RuntimeException {
    public BadRequest(String message) {
      super(message);
    }
  }

  /** Something named in the request does not exist: answers 404 with the message. */
  public static final class NotFound extends RuntimeException {
    public NotFound(String message) {
      super(message);
    }
  }
}
