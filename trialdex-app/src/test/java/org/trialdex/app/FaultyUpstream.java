package org.trialdex.app;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;

/**
 * A loopback HTTP proxy in front of a real trialdex server, that breaks the answers a plan says
 * to break: what a sync meets on the way to a real upstream (rate limits, errors, dropped
 * connections, cut pages, stalled answers, expired page tokens, an upstream that dies). It speaks
 * HTTP/1.1 on raw sockets, one request a connection, so that it can end a connection anywhere.
 */
final class FaultyUpstream implements AutoCloseable {

  /** What the proxy does with one request. */
  enum Fault {
    /** Forward the request and its answer unchanged. */
    NONE,
    /** 429 with {@code Retry-After: 1}. */
    TOO_MANY_REQUESTS,
    /** 500 with a short text. */
    SERVER_ERROR,
    /** 200 with the first half of the upstream's page as the whole body (the length says so). */
    TRUNCATED_PAGE,
    /** 200 announcing the whole page's length, then half of it and the connection closed. */
    CUT_CONNECTION,
    /** 200 announcing the whole page, half of it, then nothing for 30 s. */
    STALLED,
    /** 400 to a request with a page token, as the live API answers an expired one. */
    EXPIRED_TOKEN,
  }

  private final ServerSocket socket;
  private final Thread acceptor;
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final AtomicInteger requests = new AtomicInteger();
  private final List<String> log = Collections.synchronizedList(new ArrayList<>());
  private volatile String target;
  private volatile IntFunction<Fault> plan = n -> Fault.NONE;

  private FaultyUpstream(String target) throws IOException {
    this.target = target;
    socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    acceptor = Thread.ofPlatform().daemon().name("faulty-upstream").start(this::accept);
  }

  /** A proxy forwarding to {@code target} (as {@code http://127.0.0.1:PORT}). */
  static FaultyUpstream inFrontOf(String target) throws IOException {
    return new FaultyUpstream(target);
  }

  /** The API base a sync is given: {@code http://127.0.0.1:PORT/api/v2} of this proxy. */
  String apiBase() {
    return "http://127.0.0.1:" + socket.getLocalPort() + "/api/v2";
  }

  /** Sends requests to another server from now on (the upstream restarted elsewhere). */
  void target(String target) {
    this.target = target;
  }

  /** What to do with the n-th request (from 1) counted from now on; resets the count and the log. */
  void plan(IntFunction<Fault> plan) {
    requests.set(0);
    log.clear();
    this.plan = plan;
  }

  /** Requests seen since the last plan, each as "n FAULT path?query". */
  List<String> log() {
    synchronized (log) {
      return List.copyOf(log);
    }
  }

  private void accept() {
    while (!socket.isClosed()) {
      try {
        Socket s = socket.accept();
        Thread.ofVirtual().start(() -> handle(s));
      } catch (IOException e) {
        return; // closed
      }
    }
  }

  private void handle(Socket s) {
    try (s) {
      BufferedReader in = new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.ISO_8859_1));
      String requestLine = in.readLine();
      if (requestLine == null) {
        return;
      }
      for (String line = in.readLine(); line != null && !line.isEmpty(); line = in.readLine()) {
        // headers: a GET has no body, and the proxy forwards none of them
      }
      String path = requestLine.split(" ")[1];
      int n = requests.incrementAndGet();
      Fault fault = plan.apply(n);
      if (fault == Fault.EXPIRED_TOKEN && !path.contains("pageToken=")) {
        fault = Fault.NONE;
      }
      log.add(n + " " + fault + " " + path);
      OutputStream out = s.getOutputStream();
      switch (fault) {
        case TOO_MANY_REQUESTS -> {
          answer(out, 429, "text/plain", "Retry-After: 1\r\n", "Too many requests".getBytes(StandardCharsets.UTF_8));
          return;
        }
        case SERVER_ERROR -> {
          answer(out, 500, "text/plain", "", "Internal server error".getBytes(StandardCharsets.UTF_8));
          return;
        }
        case EXPIRED_TOKEN -> {
          answer(out, 400, "text/plain", "", "The page token is expired".getBytes(StandardCharsets.UTF_8));
          return;
        }
        default -> { }
      }
      HttpResponse<byte[]> upstream;
      try {
        upstream = http.send(HttpRequest.newBuilder(URI.create(target + path)).timeout(Duration.ofSeconds(30)).GET()
            .build(), HttpResponse.BodyHandlers.ofByteArray());
      } catch (IOException e) {
        return; // the upstream is gone: the connection ends without an answer, as a dead host's would
      }
      byte[] body = upstream.body();
      String type = upstream.headers().firstValue("Content-Type").orElse("application/json");
      int half = body.length / 2;
      switch (fault) {
        case TRUNCATED_PAGE -> answer(out, upstream.statusCode(), type, "", java.util.Arrays.copyOf(body, half));
        case CUT_CONNECTION -> {
          head(out, upstream.statusCode(), type, "", body.length);
          out.write(body, 0, half);
          out.flush();
        }
        case STALLED -> {
          head(out, upstream.statusCode(), type, "", body.length);
          out.write(body, 0, half);
          out.flush();
          Thread.sleep(30_000);
        }
        default -> answer(out, upstream.statusCode(), type, "", body);
      }
    } catch (IOException e) {
      // the client went away
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static void head(OutputStream out, int status, String type, String extra, long length) throws IOException {
    out.write(("HTTP/1.1 " + status + " X\r\nContent-Type: " + type + "\r\nContent-Length: " + length
        + "\r\nConnection: close\r\n" + extra + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
  }

  private static void answer(OutputStream out, int status, String type, String extra, byte[] body) throws IOException {
    head(out, status, type, extra, body.length);
    out.write(body);
    out.flush();
  }

  @Override
  public void close() throws IOException {
    socket.close();
  }
}
