package org.trialdex.app.service;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.trialdex.core.model.DateStruct;
import org.trialdex.core.model.Study;
import org.trialdex.core.source.Provenance;
import org.trialdex.ingest.ReadOptions;
import org.trialdex.ingest.ReadProblem;
import org.trialdex.ingest.ReadResult;
import org.trialdex.ingest.SourceEntry;
import org.trialdex.ingest.ctgov.V2JsonReader;
import org.trialdex.store.Incoming;
import org.trialdex.store.PutOutcome;
import org.trialdex.store.RunCounts;
import org.trialdex.store.StoreException;
import org.trialdex.store.StudyStore;
import org.trialdex.store.SyncMark;

/**
 * Keeps the store current from an upstream registry that serves the ClinicalTrials.gov API v2:
 * ClinicalTrials.gov itself, or another trialdex server.
 *
 * <p>A pass asks for the studies updated on or after the upstream's high-water mark, oldest update
 * first ({@code sort=LastUpdatePostDate:asc}), page by page with {@code pageToken}, and stores each
 * page in one transaction through the store's normal write path: a changed record becomes a new
 * version whose provenance names the upstream, the page and the time; an unchanged one adds
 * nothing. After each page the pass records the date before which everything is stored, so a pass
 * stopped anywhere (killed, the upstream gone, a fault) resumes there, asking again at worst for
 * one day's records, which store nothing new. The high-water mark moves only when a pass ends.
 *
 * <p>It treats the upstream with care: a request rate it never exceeds, {@code Retry-After} honoured,
 * exponential backoff with jitter on 429, 5xx, broken connections and truncated pages, a page token
 * the upstream refuses (expired) answered by asking again from the recorded date, and a clear
 * error after too many failures in a row. Only one process syncs an upstream at a time, on every
 * node sharing the store ({@link StudyStore#claimSync}).
 */
public final class Syncs {

  /** The public ClinicalTrials.gov API v2. */
  public static final URI CLINICALTRIALS_GOV = URI.create("https://clinicaltrials.gov/api/v2");

  /** Provenance attribute: the upstream a synced version came from. */
  public static final String UPSTREAM = "upstream";
  /** Provenance attribute: when the page that held a synced version was fetched. */
  public static final String FETCHED_AT = "fetchedAt";

  /** How long a claim on an upstream lasts unless renewed; renewed at a third of it. */
  static final Duration LEASE = Duration.ofMinutes(2);
  /** Failures kept for the report; the count covers them all. */
  static final int FAILURES_KEPT = 100;

  /**
   * How a sync behaves.
   *
   * @param upstream the API base, as {@code https://clinicaltrials.gov/api/v2}
   * @param pageSize studies a page (1 to 1,000, the live API's largest)
   * @param requestsPerSecond the most requests a second, on average, ever sent
   * @param maxAttempts attempts at one page before the sync gives up (failures in a row)
   * @param firstBackoff the wait after a first failure; doubled after each next one
   * @param maxBackoff the longest wait between attempts, and the longest {@code Retry-After} obeyed
   *     before giving up instead
   * @param requestTimeout how long one request may take, answer included
   */
  public record Options(URI upstream, int pageSize, double requestsPerSecond, int maxAttempts,
      Duration firstBackoff, Duration maxBackoff, Duration requestTimeout) {
    public Options {
      Objects.requireNonNull(upstream, "upstream");
      String scheme = upstream.getScheme();
      if (!"http".equals(scheme) && !"https".equals(scheme) || upstream.getHost() == null) {
        throw new IllegalArgumentException("the upstream must be an http or https URL, got '" + upstream + "'");
      }
      if (pageSize < 1 || pageSize > 1000) {
        throw new IllegalArgumentException("the page size must be 1 to 1000, got " + pageSize);
      }
      if (!(requestsPerSecond > 0) || Double.isInfinite(requestsPerSecond)) {
        throw new IllegalArgumentException("the request rate must be positive, got " + requestsPerSecond);
      }
      if (maxAttempts < 1) {
        throw new IllegalArgumentException("attempts must be at least 1, got " + maxAttempts);
      }
      Objects.requireNonNull(firstBackoff, "firstBackoff");
      Objects.requireNonNull(maxBackoff, "maxBackoff");
      Objects.requireNonNull(requestTimeout, "requestTimeout");
      if (firstBackoff.isNegative() || maxBackoff.compareTo(firstBackoff) < 0 || !requestTimeout.isPositive()) {
        throw new IllegalArgumentException("backoffs must be 0 or more with the first no longer than the longest,"
            + " and the request timeout positive");
      }
    }

    /**
     * The defaults for {@code upstream}: pages of 1,000, at most 50 requests a minute (what
     * ClinicalTrials.gov asks of its API's users), 8 attempts a page, backoff from 2 s to 5 min.
     */
    public static Options defaults(URI upstream) {
      return new Options(upstream, 1000, 50 / 60.0, 8, Duration.ofSeconds(2), Duration.ofMinutes(5),
          Duration.ofMinutes(2));
    }

    /** The upstream as its sync is keyed: the base URL without a trailing slash. */
    public String key() {
      String s = upstream.toString();
      while (s.endsWith("/")) {
        s = s.substring(0, s.length() - 1);
      }
      return s;
    }
  }

  /**
   * How far a sync has come.
   *
   * @param records studies read so far in this run
   * @param total studies the upstream counted for this run when it started (or restarted), plus
   *     those read before; 0 when it did not say
   * @param pages pages stored so far
   * @param reached the newest update date stored so far, everything before it is in
   * @param elapsed time since the run began
   * @param eta the time left at the rate so far, when it can be told
   */
  public record Progress(long records, long total, int pages, Optional<LocalDate> reached, Duration elapsed,
      Optional<Duration> eta) {}

  /** What a sync says while it runs; every method has a default that ignores it. */
  public interface Listener {
    /** After each page is stored. */
    default void progress(Progress progress) {}

    /** Before waiting to try a request again. */
    default void retrying(String why, int attempt, Duration wait) {}

    /** A study of a page could not be read; the sync goes on. */
    default void failed(ReadProblem problem) {}
  }

  /**
   * What a sync run did.
   *
   * @param runId the import run that holds its versions, as {@code trialdex stats} lists it
   * @param upstream the upstream's key
   * @param counts studies read, new, updated, unchanged and failed
   * @param failureSample the first {@value #FAILURES_KEPT} studies that could not be read
   * @param pages pages stored
   * @param retries requests tried again
   * @param highWater the high-water mark now: the next sync asks for records updated on or after it
   * @param elapsed how long it took
   */
  public record Result(long runId, String upstream, RunCounts counts, List<ReadProblem> failureSample, int pages,
      int retries, Optional<LocalDate> highWater, Duration elapsed) {}

  /** A sync that stopped: what failed, with what was stored before it (kept) and where it resumes. */
  public static class SyncException extends RuntimeException {
    private final long stored;

    SyncException(String message, long stored, Throwable cause) {
      super(message, cause);
      this.stored = stored;
    }

    /** Studies read and stored before the sync stopped. */
    public long stored() {
      return stored;
    }
  }

  /** Another sync of the same upstream runs, in this process or another. */
  public static final class SyncBusyException extends SyncException {
    SyncBusyException(String message) {
      super(message, 0, null);
    }
  }

  private final StudyStore store;
  private final Clock clock;
  private final HttpClient http;
  private final Set<String> running = ConcurrentHashMap.newKeySet();

  /** Syncs into {@code store}, dating provenance with {@code clock}. */
  public Syncs(StudyStore store, Clock clock) {
    this.store = Objects.requireNonNull(store, "store");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10))
        .followRedirects(HttpClient.Redirect.NORMAL).build();
  }

  /** Where the sync from {@code upstream} stands. */
  public SyncMark mark(URI upstream) {
    return store.syncMark(Options.defaults(upstream).key());
  }

  /**
   * Runs one sync pass (or the rest of a stopped one) to its end.
   *
   * @throws SyncBusyException when another sync of this upstream runs (this process or another node)
   * @throws SyncException when the upstream failed too often in a row, refused the request, or the
   *     store failed; what was stored stays, and the next run resumes where this one stopped
   */
  public Result run(Options options, Listener listener) {
    return run(options, listener, "");
  }

  /**
   * As {@link #run(Options, Listener)}, the import run naming who asked for it ({@code by}, as
   * {@code token 'ci' (#3)}; empty for the command line and the schedule).
   */
  public Result run(Options options, Listener listener, String by) {
    String key = options.key();
    if (!running.add(key)) {
      throw new SyncBusyException("a sync from " + key + " is already running in this process");
    }
    try {
      Optional<String> holder = store.claimSync(key, LEASE);
      if (holder.isPresent()) {
        throw new SyncBusyException("a sync from " + key + " is already running in " + holder.get()
            + "; only one process syncs an upstream at a time");
      }
      try {
        return new Pass(options, listener, key, by).run();
      } finally {
        try {
          store.releaseSync(key);
        } catch (StoreException e) {
          // The lease runs out by itself.
        }
      }
    } finally {
      running.remove(key);
    }
  }

  /** One run: the state of the pass it makes, and its counts. */
  private final class Pass {
    private final Options options;
    private final Listener listener;
    private final String key;
    private final String by;
    private final V2JsonReader reader = new V2JsonReader();
    private final long started = System.nanoTime();
    private final List<ReadProblem> failures = new ArrayList<>();
    private long read;
    private long created;
    private long updated;
    private long unchanged;
    private long failed;
    private int pages;
    private int retries;
    private long total;
    private long readBeforeCount;
    private long nextRequestNanos;
    private SyncMark mark;
    private Optional<LocalDate> newest = Optional.empty();

    Pass(Options options, Listener listener, String key, String by) {
      this.options = options;
      this.listener = listener;
      this.key = key;
      this.by = by;
    }

    Result run() {
      mark = store.syncMark(key);
      if (mark.resumeFrom().isEmpty()) {
        mark = new SyncMark(key, mark.highWater(), Optional.empty(), Optional.of(clock.instant()), mark.lastFinished());
      }
      newest = mark.highWater();
      long runId = store.beginRun("sync from " + key + (by.isEmpty() ? "" : " by " + by), List.of(key)).id();
      ScheduledExecutorService beat = Executors.newSingleThreadScheduledExecutor(r ->
          Thread.ofPlatform().name("trialdex-sync-heartbeat").daemon().unstarted(r));
      long every = LEASE.toMillis() / 3;
      beat.scheduleWithFixedDelay(() -> {
        try {
          store.heartbeat(runId);
          store.claimSync(key, LEASE);
        } catch (RuntimeException e) {
          // The next beat tries again; a store that fails stops the pass at its next page.
        }
      }, every, every, TimeUnit.MILLISECONDS);
      try {
        pass(runId);
      } catch (SyncException e) {
        failQuietly(runId, e.getMessage());
        throw e;
      } catch (RuntimeException e) {
        String why = "the sync from " + key + " stopped: " + ReadProblem.reasonOf(e) + resumeNote();
        failQuietly(runId, why);
        throw new SyncException(why, read, e);
      } finally {
        beat.shutdownNow();
      }
      store.finishRun(runId, counts());
      return new Result(runId, key, counts(), List.copyOf(failures), pages, retries, mark.highWater(), elapsed());
    }

    private void pass(long runId) {
      Optional<String> token = Optional.empty();
      int restarts = 0;
      // Fixed for a chain of page tokens: a token belongs to one search, filter included.
      Optional<LocalDate> from = mark.startFrom();
      while (true) {
        if (token.isEmpty()) {
          from = mark.startFrom();
        }
        URI uri = pageUri(from, token);
        Page page;
        try {
          page = fetch(uri, pages + 1);
        } catch (TokenRefused e) {
          if (++restarts > options.maxAttempts()) {
            throw new SyncException("the sync from " + key + " stopped: the upstream refused " + restarts
                + " page tokens in a row (" + e.getMessage() + ")" + resumeNote(), read, e);
          }
          listener.retrying("the upstream refused the page token (expired?): " + e.getMessage()
              + "; asking again from " + mark.startFrom().map(LocalDate::toString).orElse("the start"), restarts,
              Duration.ZERO);
          token = Optional.empty();
          continue;
        }
        if (token.isEmpty()) {
          readBeforeCount = read;
          total = page.totalCount() < 0 ? 0 : read + page.totalCount();
        }
        store(runId, uri, page);
        restarts = 0;
        pages++;
        listener.progress(progress());
        if (page.nextPageToken().isEmpty()) {
          break;
        }
        token = page.nextPageToken();
      }
      mark = new SyncMark(key, newest, Optional.empty(), Optional.empty(), Optional.of(clock.instant()));
      store.saveSyncMark(mark);
    }

    /** Stores one page in one transaction, then records how far the pass has come. */
    private void store(long runId, URI uri, Page page) {
      String fetchedAt = clock.instant().toString();
      String name = uri.toString();
      List<Incoming> incoming = new ArrayList<>();
      Map<String, Integer> at = new LinkedHashMap<>();
      Optional<LocalDate> last = Optional.empty();
      boolean ascending = true;
      try (var results = reader.read(new SourceEntry(name, page.body().length, new ByteArrayInputStream(page.body())),
          ReadOptions.defaults())) {
        for (ReadResult r : (Iterable<ReadResult>) results::iterator) {
          read++;
          switch (r) {
            case ReadResult.Failed f -> fail(f.problem());
            case ReadResult.Read ok -> {
              if (ok.recordId().isEmpty()) {
                fail(new ReadProblem(name, ok.provenance().position(), "the study has no NCT id"));
                continue;
              }
              Optional<LocalDate> updatedOn = lastUpdate(ok.study());
              if (updatedOn.isPresent()) {
                if (last.isPresent() && updatedOn.get().isBefore(last.get())) {
                  ascending = false;
                }
                last = updatedOn;
                if (newest.isEmpty() || updatedOn.get().isAfter(newest.get())) {
                  newest = updatedOn;
                }
              }
              Provenance p = ok.provenance();
              Provenance synced = new Provenance(p.format(), p.file(), p.position(),
                  Map.of(UPSTREAM, key, FETCHED_AT, fetchedAt));
              Incoming in = new Incoming(ok.recordId(), ok.study(), synced, ok.spans());
              // A study twice on one page (an upstream updating it as it answers): the later wins.
              Integer before = at.put(ok.recordId(), incoming.size());
              if (before != null) {
                incoming.set(before, null);
                unchanged++;
              }
              incoming.add(in);
            }
          }
        }
      }
      List<Incoming> batch = incoming.stream().filter(Objects::nonNull).toList();
      if (!batch.isEmpty()) {
        for (PutOutcome o : store.putAll(runId, batch)) {
          switch (o.kind()) {
            case NEW -> created++;
            case UPDATED -> updated++;
            case UNCHANGED -> unchanged++;
          }
        }
      }
      // Everything updated before the last study's date is stored, when the upstream sorts as asked.
      if (ascending && last.isPresent() && (mark.resumeFrom().isEmpty() || last.get().isAfter(mark.resumeFrom().get()))) {
        mark = new SyncMark(key, mark.highWater(), last, mark.passStarted(), mark.lastFinished());
        store.saveSyncMark(mark);
      } else if (mark.resumeFrom().isEmpty()) {
        mark = new SyncMark(key, mark.highWater(), mark.highWater(), mark.passStarted(), mark.lastFinished());
        store.saveSyncMark(mark);
      }
    }

    private void fail(ReadProblem problem) {
      failed++;
      if (failures.size() < FAILURES_KEPT) {
        failures.add(problem);
      }
      listener.failed(problem);
    }

    private URI pageUri(Optional<LocalDate> from, Optional<String> token) {
      StringBuilder q = new StringBuilder(key).append("/studies?format=json&pageSize=").append(options.pageSize())
          .append("&sort=").append(encode("LastUpdatePostDate:asc"));
      from.ifPresent(d -> q.append("&filter.advanced=").append(encode("AREA[LastUpdatePostDate]RANGE[" + d + ",MAX]")));
      if (token.isPresent()) {
        q.append("&pageToken=").append(encode(token.get()));
      } else {
        q.append("&countTotal=true");
      }
      return URI.create(q.toString());
    }

    /**
     * One page, tried until it comes whole or the attempts run out.
     *
     * @throws TokenRefused when the upstream answers 400 to a request with a page token
     */
    private Page fetch(URI uri, int pageNumber) {
      String lastFailure = "";
      for (int attempt = 1; attempt <= options.maxAttempts(); attempt++) {
        pace();
        Optional<Duration> retryAfter = Optional.empty();
        try {
          HttpResponse<byte[]> response = send(uri);
          int status = response.statusCode();
          if (status == 200) {
            Optional<Page> page = Page.parse(response.body());
            if (page.isPresent()) {
              return page.get();
            }
            lastFailure = "page " + pageNumber + " came truncated or malformed (" + response.body().length + " bytes)";
          } else if (status == 429 || status >= 500) {
            retryAfter = retryAfter(response.headers().firstValue("Retry-After"));
            lastFailure = "HTTP " + status + " " + excerpt(response.body());
          } else if (status == 400 && uri.getRawQuery().contains("pageToken=")) {
            throw new TokenRefused("HTTP 400 " + excerpt(response.body()));
          } else {
            throw new SyncException("the sync from " + key + " stopped: the upstream answered HTTP " + status + " to "
                + uri + ": " + excerpt(response.body()) + resumeNote(), read, null);
          }
        } catch (IOException e) {
          lastFailure = "the request failed: " + ReadProblem.reasonOf(e);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new SyncException("the sync from " + key + " was interrupted" + resumeNote(), read, e);
        }
        if (attempt == options.maxAttempts()) {
          break;
        }
        Duration backoff = backoff(attempt);
        if (retryAfter.isPresent() && retryAfter.get().compareTo(options.maxBackoff()) > 0) {
          throw new SyncException("the sync from " + key + " stopped: the upstream asks to wait "
              + retryAfter.get().toSeconds() + " s (Retry-After) after " + lastFailure + ", longer than the "
              + options.maxBackoff().toSeconds() + " s this sync waits" + resumeNote(), read, null);
        }
        Duration wait = retryAfter.filter(r -> r.compareTo(backoff) > 0).orElse(backoff);
        retries++;
        listener.retrying("page " + pageNumber + ": " + lastFailure, attempt, wait);
        sleep(wait);
      }
      throw new SyncException("the sync from " + key + " stopped: page " + pageNumber + " failed "
          + options.maxAttempts() + " times in a row; last: " + lastFailure + " (" + uri + ")" + resumeNote(), read, null);
    }

    /**
     * One request with its whole answer within the request timeout: the client's own timeout stops
     * at the answer's headers, and a body that stalls half-way would otherwise hang the sync.
     */
    private HttpResponse<byte[]> send(URI uri) throws IOException, InterruptedException {
      var future = http.sendAsync(HttpRequest.newBuilder(uri).timeout(options.requestTimeout())
          .header("Accept", "application/json").header("User-Agent", "trialdex-sync").GET().build(),
          HttpResponse.BodyHandlers.ofByteArray());
      try {
        return future.get(options.requestTimeout().toMillis(), TimeUnit.MILLISECONDS);
      } catch (java.util.concurrent.TimeoutException e) {
        future.cancel(true);
        throw new IOException("no whole answer within " + options.requestTimeout().toMillis() + " ms");
      } catch (java.util.concurrent.ExecutionException e) {
        Throwable cause = e.getCause();
        if (cause instanceof IOException io) {
          throw io;
        }
        throw new IOException(String.valueOf(cause), cause);
      } catch (InterruptedException e) {
        future.cancel(true);
        throw e;
      }
    }

    /** Waits until the request rate allows the next request. */
    private void pace() {
      long gap = (long) (1e9 / options.requestsPerSecond());
      long now = System.nanoTime();
      if (nextRequestNanos > now) {
        sleep(Duration.ofNanos(nextRequestNanos - now));
        now = System.nanoTime();
      }
      nextRequestNanos = Math.max(now, nextRequestNanos) + gap;
    }

    private Duration backoff(int attempt) {
      long first = options.firstBackoff().toMillis();
      long grown = first << Math.min(attempt - 1, 20);
      long capped = Math.min(grown < 0 ? Long.MAX_VALUE : grown, options.maxBackoff().toMillis());
      // Up to a fifth less, so that clients failing together do not come back together.
      long jitter = capped <= 0 ? 0 : ThreadLocalRandom.current().nextLong(capped / 5 + 1);
      return Duration.ofMillis(capped - jitter);
    }

    private void sleep(Duration d) {
      try {
        Thread.sleep(d);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new SyncException("the sync from " + key + " was interrupted" + resumeNote(), read, e);
      }
    }

    private String resumeNote() {
      return String.format(Locale.ROOT, "; the %,d studies read before are stored, and the next sync resumes from %s",
          read, mark == null ? "where it was" : mark.startFrom().map(LocalDate::toString).orElse("the start"));
    }

    private void failQuietly(long runId, String why) {
      try {
        store.failRun(runId, counts(), why);
      } catch (StoreException e) {
        // The store is failing too; the next start marks the run INTERRUPTED.
      }
    }

    private RunCounts counts() {
      return new RunCounts(read, created, updated, unchanged, failed);
    }

    private Duration elapsed() {
      return Duration.ofNanos(System.nanoTime() - started);
    }

    private Progress progress() {
      Duration elapsed = elapsed();
      Optional<Duration> eta = Optional.empty();
      if (total > read && read > 0 && elapsed.toMillis() > 0) {
        double perMilli = read / (double) elapsed.toMillis();
        eta = Optional.of(Duration.ofMillis((long) ((total - read) / perMilli)));
      } else if (total > 0 && read >= total) {
        eta = Optional.of(Duration.ZERO);
      }
      return new Progress(read, total, pages, mark.resumeFrom(), elapsed, eta);
    }
  }

  /** The update date of a study, when it has a whole one. */
  static Optional<LocalDate> lastUpdate(Study study) {
    var ps = study.protocolSection();
    if (ps == null || ps.statusModule() == null) {
      return Optional.empty();
    }
    DateStruct d = ps.statusModule().lastUpdatePostDateStruct();
    if (d == null || d.date() == null) {
      return Optional.empty();
    }
    try {
      return Optional.of(LocalDate.parse(d.date()));
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }

  /** {@code Retry-After} as seconds or an HTTP date; empty when absent or unreadable. */
  static Optional<Duration> retryAfter(Optional<String> header) {
    if (header.isEmpty()) {
      return Optional.empty();
    }
    String v = header.get().strip();
    try {
      long seconds = Long.parseLong(v);
      return seconds < 0 ? Optional.empty() : Optional.of(Duration.ofSeconds(seconds));
    } catch (NumberFormatException e) {
      try {
        Duration d = Duration.between(Instant.now(), ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME));
        return Optional.of(d.isNegative() ? Duration.ZERO : d);
      } catch (DateTimeParseException e2) {
        return Optional.empty();
      }
    }
  }

  private static String encode(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  private static String excerpt(byte[] body) {
    String s = new String(body, 0, Math.min(body.length, 300), StandardCharsets.UTF_8).strip().replaceAll("\\s+", " ");
    return s.isEmpty() ? "(empty body)" : "'" + s + (body.length > 300 ? "...'" : "'");
  }

  /** The upstream refused the page token (the live API answers 400 to an expired one). */
  private static final class TokenRefused extends RuntimeException {
    TokenRefused(String message) {
      super(message, null, false, false);
    }
  }

  /**
   * A page as it came: the bytes (read again by the v2 reader), its next page token and total.
   * Only a page that parses as one whole JSON object counts: a cut body is a failure to try again.
   */
  record Page(byte[] body, Optional<String> nextPageToken, long totalCount) {
    private static final JsonFactory JSON = new JsonFactory();

    static Optional<Page> parse(byte[] body) {
      String token = null;
      long total = -1;
      boolean studies = false;
      try (JsonParser p = JSON.createParser(body)) {
        if (p.nextToken() != JsonToken.START_OBJECT) {
          return Optional.empty();
        }
        while (p.nextToken() == JsonToken.FIELD_NAME) {
          String name = p.currentName();
          JsonToken value = p.nextToken();
          switch (name) {
            case "nextPageToken" -> token = value == JsonToken.VALUE_STRING ? p.getText() : null;
            case "totalCount" -> total = value.isNumeric() ? p.getLongValue() : -1;
            case "studies" -> {
              studies = value == JsonToken.START_ARRAY;
              p.skipChildren();
            }
            default -> p.skipChildren();
          }
        }
        if (p.currentToken() != JsonToken.END_OBJECT || p.nextToken() != null || !studies) {
          return Optional.empty();
        }
      } catch (IOException e) {
        return Optional.empty();
      }
      return Optional.of(new Page(body, Optional.ofNullable(token).filter(t -> !t.isEmpty()), total));
    }
  }
}
