package org.trialdex.store;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One alert: what one change of the store meant to one subscription, in words, and whether it has
 * been delivered.
 *
 * @param id the alert's number, growing with time
 * @param subscriptionId the subscription it is for
 * @param changePosition the change log position that made it: one alert per subscription and change
 * @param recordId the record that changed
 * @param title a headline, e.g. "NCT01234567 changed: status"
 * @param summary one sentence
 * @param details what changed, one line each ("Status: Recruiting → Completed")
 * @param link a path on the server (the record or its version diff), to be put under the public URL
 * @param createdAt when the alert was made
 * @param sentAt when it was delivered; empty while it waits (e-mail, webhook)
 * @param attempts failed deliveries so far
 * @param nextTryAt after a failed delivery: not before then
 * @param lastError why the last delivery failed
 */
public record Alert(long id, long subscriptionId, long changePosition, String recordId, String title, String summary,
    List<String> details, String link, Instant createdAt, Optional<Instant> sentAt, int attempts,
    Optional<Instant> nextTryAt, Optional<String> lastError) {

  public Alert {
    Objects.requireNonNull(recordId, "recordId");
    Objects.requireNonNull(title, "title");
    Objects.requireNonNull(summary, "summary");
    details = List.copyOf(details);
    Objects.requireNonNull(link, "link");
    Objects.requireNonNull(createdAt, "createdAt");
    Objects.requireNonNull(sentAt, "sentAt");
    Objects.requireNonNull(nextTryAt, "nextTryAt");
    Objects.requireNonNull(lastError, "lastError");
  }
}
