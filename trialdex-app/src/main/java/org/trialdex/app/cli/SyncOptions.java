package org.trialdex.app.cli;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.trialdex.app.service.Syncs;
import picocli.CommandLine.Option;

/** How to sync from an upstream registry, shared by {@code trialdex sync} and {@code serve --sync-every}. */
final class SyncOptions {

  private static final Pattern DURATION = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*(ms|s|m|min|h|d)?");
  private static final Pattern RATE = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*(?:/\\s*(s|sec|second|m|min|minute|h|hour))?");

  @Option(names = "--from", paramLabel = "URL",
      description = "The upstream's API v2 base (default: " + "https://clinicaltrials.gov/api/v2" + "); another"
          + " trialdex server serves the same API at http://HOST:PORT/api/v2.")
  String from;

  @Option(names = "--page-size", paramLabel = "N", defaultValue = "1000",
      description = "Studies a request, 1 to 1000 (default: ${DEFAULT-VALUE}).")
  int pageSize;

  @Option(names = "--rate", paramLabel = "RATE", defaultValue = "50/min",
      description = "Most requests sent to the upstream, e.g. 50/min, 2/s (default: ${DEFAULT-VALUE}, what"
          + " ClinicalTrials.gov asks of its API's users).")
  String rate;

  @Option(names = "--max-attempts", paramLabel = "N", defaultValue = "8",
      description = "Attempts at one page (429, 5xx, broken or truncated answers) before the sync stops (default: ${DEFAULT-VALUE}).")
  int maxAttempts;

  @Option(names = "--backoff", paramLabel = "DURATION", defaultValue = "2s",
      description = "Wait after a first failure, doubled after each next one (default: ${DEFAULT-VALUE}).")
  String backoff;

  @Option(names = "--max-backoff", paramLabel = "DURATION", defaultValue = "5m",
      description = "Longest wait between attempts; a longer Retry-After stops the sync instead (default: ${DEFAULT-VALUE}).")
  String maxBackoff;

  @Option(names = "--request-timeout", paramLabel = "DURATION", defaultValue = "2m",
      description = "Longest a request may take, answer included (default: ${DEFAULT-VALUE}).")
  String requestTimeout;

  Syncs.Options options() {
    URI upstream = upstream();
    if (pageSize < 1 || pageSize > 1000) {
      throw new TrialdexCommand.UsageError("--page-size takes 1 to 1000, got " + pageSize);
    }
    if (maxAttempts < 1 || maxAttempts > 100) {
      throw new TrialdexCommand.UsageError("--max-attempts takes 1 to 100, got " + maxAttempts);
    }
    Duration first = duration(backoff, "--backoff");
    Duration longest = duration(maxBackoff, "--max-backoff");
    if (longest.compareTo(first) < 0) {
      throw new TrialdexCommand.UsageError("--max-backoff (" + maxBackoff + ") must not be shorter than --backoff ("
          + backoff + ")");
    }
    Duration timeout = duration(requestTimeout, "--request-timeout");
    if (timeout.isZero()) {
      throw new TrialdexCommand.UsageError("--request-timeout must be longer than 0");
    }
    return new Syncs.Options(upstream, pageSize, rate(rate, "--rate"), maxAttempts, first, longest, timeout);
  }

  URI upstream() {
    if (from == null) {
      return Syncs.CLINICALTRIALS_GOV;
    }
    try {
      URI u = new URI(from.strip());
      if (!("http".equals(u.getScheme()) || "https".equals(u.getScheme())) || u.getHost() == null
          || u.getRawQuery() != null || u.getRawFragment() != null) {
        throw new URISyntaxException(from, "not an http(s) URL without query");
      }
      return u;
    } catch (URISyntaxException e) {
      throw new TrialdexCommand.UsageError("--from takes the upstream's API base URL, such as"
          + " https://clinicaltrials.gov/api/v2 or http://127.0.0.1:8080/api/v2, got '" + from + "'");
    }
  }

  /** {@code 500ms}, {@code 30s}, {@code 5m}, {@code 6h}, {@code 1d}; a plain number is seconds. */
  static Duration duration(String text, String option) {
    Matcher m = DURATION.matcher(text == null ? "" : text.strip().toLowerCase(Locale.ROOT));
    if (!m.matches()) {
      throw new TrialdexCommand.UsageError(option + " takes a duration such as 500ms, 30s, 5m, 6h or 1d, got '"
          + text + "'");
    }
    double n = Double.parseDouble(m.group(1));
    String unit = m.group(2) == null ? "s" : m.group(2);
    double millis = n * switch (unit) {
      case "ms" -> 1;
      case "s" -> 1_000;
      case "m", "min" -> 60_000;
      case "h" -> 3_600_000;
      default -> 86_400_000;
    };
    if (millis > 366.0 * 86_400_000) {
      throw new TrialdexCommand.UsageError(option + " takes at most a year, got '" + text + "'");
    }
    return Duration.ofMillis(Math.round(millis));
  }

  /** {@code 50/min}, {@code 2/s}, {@code 100/h}; a plain number is a second. */
  static double rate(String text, String option) {
    Matcher m = RATE.matcher(text == null ? "" : text.strip().toLowerCase(Locale.ROOT));
    double n = m.matches() ? Double.parseDouble(m.group(1)) : 0;
    if (n <= 0) {
      throw new TrialdexCommand.UsageError(option + " takes a positive request rate such as 50/min or 2/s, got '"
          + text + "'");
    }
    String unit = m.group(2) == null ? "s" : m.group(2);
    return switch (unit) {
      case "m", "min", "minute" -> n / 60;
      case "h", "hour" -> n / 3600;
      default -> n;
    };
  }
}
