package org.trialdex.app;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.trialdex.app.cli.TrialdexCommand;
import org.trialdex.app.http.HttpServer;
import org.trialdex.store.StoreLocation;
import org.trialdex.testing.SharedData;

/**
 * A trialdex server on a free loopback port over a store imported through the command line, as a
 * user would build one, for tests of the HTTP API: {@code try (LoopbackApi api = LoopbackApi.of(dir,
 * SharedData.pallasV2()))}, or opened in {@code @BeforeAll} and closed in {@code @AfterAll}.
 */
public final class LoopbackApi implements AutoCloseable {

  private final Trialdex trialdex;
  private final HttpServer server;
  private final HttpClient client = HttpClient.newHttpClient();

  private LoopbackApi(Trialdex trialdex, HttpServer server) {
    this.trialdex = trialdex;
    this.server = server;
  }

  /** Imports {@code sources} into a store under {@code dir} and serves it. */
  public static LoopbackApi of(Path dir, Path... sources) {
    Path data = dir.resolve("data");
    List<String> args = new ArrayList<>(List.of("import", "--data", data.toString()));
    for (Path source : sources) {
      args.add(source.toString());
    }
    Cli c = Cli.run(args);
    assertEquals(TrialdexCommand.OK, c.exitCode(), c::toString);
    Trialdex trialdex = Trialdex.open(new StoreLocation.Sqlite(data), Clock.systemUTC());
    return new LoopbackApi(trialdex, HttpServer.start(trialdex, "127.0.0.1", 0));
  }

  /** Serves the store already under {@code dir} (as {@link #of} left it). */
  public static LoopbackApi serve(Path dir) {
    Trialdex trialdex = Trialdex.open(new StoreLocation.Sqlite(dir.resolve("data")), Clock.systemUTC());
    return new LoopbackApi(trialdex, HttpServer.start(trialdex, "127.0.0.1", 0));
  }

  /** The v2 sample (100 NSCLC studies) and PALLAS: what most API tests search. */
  public static LoopbackApi sample(Path dir) {
    return of(dir, SharedData.v2Sample(), SharedData.pallasV2());
  }

  public Trialdex trialdex() {
    return trialdex;
  }

  public int port() {
    return server.port();
  }

  /** {@code http://127.0.0.1:port} followed by {@code pathAndQuery}. */
  public URI uri(String pathAndQuery) {
    return URI.create("http://127.0.0.1:" + server.port() + pathAndQuery);
  }

  /** GETs {@code pathAndQuery} (already encoded), the body as UTF-8 text. */
  public HttpResponse<String> get(String pathAndQuery) throws IOException, InterruptedException {
    return client.send(HttpRequest.newBuilder(uri(pathAndQuery)).GET().build(),
        HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }

  /** GETs {@code pathAndQuery}, the body as bytes. */
  public HttpResponse<byte[]> getBytes(String pathAndQuery) throws IOException, InterruptedException {
    return client.send(HttpRequest.newBuilder(uri(pathAndQuery)).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
  }

  /** A query parameter value, percent-encoded as a form encodes it. */
  public static String q(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }

  @Override
  public void close() {
    try {
      server.close();
    } finally {
      trialdex.close();
    }
  }
}
