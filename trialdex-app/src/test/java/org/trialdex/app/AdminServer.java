package org.trialdex.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.trialdex.app.http.AdminSettings;
import org.trialdex.app.http.HttpServer;
import org.trialdex.app.http.ServerLimits;

/**
 * A real trialdex server on a loopback port, in this JVM, with its admin API, and a client for it:
 * requests with or without a bearer token, answers with status, headers and body.
 */
final class AdminServer implements AutoCloseable {

  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  private final HttpServer server;
  final String base;

  private AdminServer(HttpServer server) {
    this.server = server;
    this.base = "http://127.0.0.1:" + server.port();
  }

  /** Serves {@code trialdex} (following the store in the background) with {@code admin}. */
  static AdminServer start(Trialdex trialdex, AdminSettings admin) {
    trialdex.indexing().followInBackground();
    return new AdminServer(HttpServer.start(trialdex, "127.0.0.1", 0, ServerLimits.defaults(), Optional.empty(), admin));
  }

  /** An answer: status, the headers that matter here, body. */
  record Answer(int status, HttpResponse<String> response) {
    String body() {
      return response.body();
    }

    Optional<String> header(String name) {
      return response.headers().firstValue(name);
    }

    JsonNode json() {
      try {
        return MAPPER.readTree(response.body());
      } catch (IOException e) {
        throw new AssertionError("not JSON (" + status + "): " + response.body(), e);
      }
    }

    @Override
    public String toString() {
      return status + " " + response.headers().map() + " " + response.body();
    }
  }

  Answer get(String path) throws IOException, InterruptedException {
    return send(HttpRequest.newBuilder(URI.create(base + path)).GET(), null);
  }

  /** {@code method path} with {@code body} ({@code contentType}), the token when given. */
  Answer send(String method, String path, String token, byte[] body, String contentType)
      throws IOException, InterruptedException {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path))
        .method(method, HttpRequest.BodyPublishers.ofByteArray(body));
    if (contentType != null) {
      b.header("Content-Type", contentType);
    }
    return send(b, token);
  }

  Answer post(String path, String token, byte[] body, String contentType) throws IOException, InterruptedException {
    return send("POST", path, token, body, contentType);
  }

  Answer postJson(String path, String token, String json) throws IOException, InterruptedException {
    return post(path, token, json.getBytes(java.nio.charset.StandardCharsets.UTF_8), "application/json");
  }

  Answer send(HttpRequest.Builder request, String token) throws IOException, InterruptedException {
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    HttpResponse<String> r = HTTP.send(request.timeout(Duration.ofSeconds(120)).build(), HttpResponse.BodyHandlers.ofString());
    return new Answer(r.statusCode(), r);
  }

  /** Polls GET {@code path} until {@code done}; fails after {@code seconds}. Returns the milliseconds it took. */
  long until(String path, Predicate<Answer> done, long seconds) throws IOException, InterruptedException {
    long start = System.nanoTime();
    long deadline = start + TimeUnit.SECONDS.toNanos(seconds);
    Answer last = null;
    while (System.nanoTime() < deadline) {
      last = get(path);
      if (done.test(last)) {
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
      }
      Thread.sleep(50);
    }
    throw new AssertionError(path + " never satisfied the condition within " + seconds + " s; last answer " + last);
  }

  @Override
  public void close() {
    server.close();
  }

  /** {@code trialdex token SUB} with the store options after the subcommand, which takes them. */
  static List<String> tokenArgs(List<String> store, String sub, String... rest) {
    List<String> args = new java.util.ArrayList<>(List.of("token", sub));
    args.addAll(store);
    args.addAll(List.of(rest));
    return args;
  }

  /** The secret {@code trialdex token create} printed (its last line). */
  static String secretOf(Cli created) {
    List<String> lines = created.out().lines().toList();
    String secret = lines.getLast().strip();
    if (!secret.startsWith("tdx_")) {
      throw new AssertionError("no secret in " + created);
    }
    return secret;
  }

  /** The system clock moved by an offset a test sets: tokens expire without waiting. */
  static final class ShiftedClock extends Clock {
    private volatile Duration offset = Duration.ZERO;

    void shift(Duration by) {
      offset = by;
    }

    @Override
    public Instant instant() {
      return Instant.now().plus(offset);
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      throw new UnsupportedOperationException("UTC only");
    }
  }
}
