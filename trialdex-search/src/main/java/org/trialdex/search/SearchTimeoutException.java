package org.trialdex.search;

import java.time.Duration;

/**
 * A search ran longer than the time limit it was given and was stopped (its partial results are
 * dropped). Not the request's fault: the HTTP API answers it with 503, and the same search may fit
 * the limit when the server is less busy or the search is narrower.
 */
public final class SearchTimeoutException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final transient Duration limit;

  SearchTimeoutException(Duration limit, String step) {
    super("The search ran longer than its time limit of " + millis(limit) + " and was stopped while "
        + step + "; narrow it down (more specific terms, filters, fewer facets) or try again later");
    this.limit = limit;
  }

  /** The time limit the search exceeded. */
  public Duration limit() {
    return limit;
  }

  private static String millis(Duration limit) {
    return limit.compareTo(Duration.ofMillis(1)) >= 0 ? limit.toMillis() + " ms" : limit.toNanos() + " ns";
  }
}
