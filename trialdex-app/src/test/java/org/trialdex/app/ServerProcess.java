package org.trialdex.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.trialdex.app.cli.Main;

/**
 * {@code trialdex serve} as its own process (another JVM, as a user runs it) on a free loopback
 * port, with what it printed kept in a log file. Closing it sends SIGTERM and waits.
 */
final class ServerProcess implements AutoCloseable {

  private static final Pattern SERVING = Pattern.compile("trialdex serving on http://([^/]+)/");
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private final Process process;
  private final Path log;
  private final String base;
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  private ServerProcess(Process process, Path log, String base) {
    this.process = process;
    this.log = log;
    this.base = base;
  }

  /** Starts {@code trialdex serve --port 0} with {@code storeArgs}, and waits until it listens. */
  static ServerProcess start(Path logDir, List<String> storeArgs) throws IOException, InterruptedException {
    List<String> args = new ArrayList<>(List.of("serve", "--port", "0"));
    args.addAll(storeArgs);
    return start(logDir, Path.of("").toAbsolutePath(), args);
  }

  /**
   * Starts {@code trialdex ARGS} (a {@code serve} command that listens on a free port) in
   * {@code workDir}, and waits until it listens.
   */
  static ServerProcess start(Path logDir, Path workDir, List<String> args) throws IOException, InterruptedException {
    Files.createDirectories(logDir);
    Path log = Files.createTempFile(logDir, "serve-", ".log");
    List<String> command = new ArrayList<>(List.of(javaBin(), "-cp", System.getProperty("java.class.path")));
    // The same terminology folder as this JVM: processes sharing an index must index with one vocabulary.
    String terms = System.getProperty(org.trialdex.core.terms.Vocabulary.TERMS_PROPERTY);
    if (terms != null) {
      command.add("-D" + org.trialdex.core.terms.Vocabulary.TERMS_PROPERTY + "=" + terms);
    }
    command.add(Main.class.getName());
    command.addAll(args);
    Process p = new ProcessBuilder(command).directory(workDir.toFile()).redirectErrorStream(true)
        .redirectOutput(log.toFile()).start();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (System.nanoTime() < deadline) {
      Matcher m = SERVING.matcher(Files.readString(log));
      if (m.find()) {
        return new ServerProcess(p, log, "http://" + m.group(1));
      }
      if (!p.isAlive()) {
        throw new AssertionError("trialdex serve exited with " + p.exitValue() + ":\n" + Files.readString(log));
      }
      Thread.sleep(20);
    }
    p.destroyForcibly();
    throw new AssertionError("trialdex serve did not start within 60 s:\n" + Files.readString(log));
  }

  /** A GET answered by the server. */
  record Answer(int status, String body) {
    JsonNode json() {
      try {
        return MAPPER.readTree(body);
      } catch (IOException e) {
        throw new AssertionError("not JSON: " + body, e);
      }
    }
  }

  Answer get(String pathAndQuery) throws IOException, InterruptedException {
    HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base + pathAndQuery))
        .timeout(Duration.ofSeconds(30)).GET().build(), HttpResponse.BodyHandlers.ofString());
    return new Answer(r.statusCode(), r.body());
  }

  /** {@code /health} as JSON. */
  JsonNode health() throws IOException, InterruptedException {
    Answer a = get("/health");
    if (a.status() != 200) {
      throw new AssertionError("/health answered " + a.status() + ": " + a.body());
    }
    return a.json();
  }

  String log() throws IOException {
    return Files.readString(log);
  }

  /** The server's base URL, as {@code http://127.0.0.1:PORT}. */
  String base() {
    return base;
  }

  /** Kills the process at once (SIGKILL), as a crash or an OOM killer would. */
  void kill() throws InterruptedException {
    process.destroyForcibly();
    process.waitFor(10, TimeUnit.SECONDS);
  }

  @Override
  public void close() throws InterruptedException {
    process.destroy(); // SIGTERM: the shutdown hook closes the server, the index and the store
    if (!process.waitFor(30, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      process.waitFor(10, TimeUnit.SECONDS);
    }
  }

  static String javaBin() {
    return ProcessHandle.current().info().command()
        .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
  }
}
