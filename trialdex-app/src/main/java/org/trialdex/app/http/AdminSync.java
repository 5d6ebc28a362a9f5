package org.trialdex.app.http;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Objects;
import org.trialdex.store.ApiToken;

/**
 * What {@code POST /api/admin/sync} runs: handed to the server by whoever starts it (see
 * {@link AdminSettings#withSync}). A server without one answers 501. The admin API has already
 * checked the caller's token, its {@code sync} scope and its rate.
 */
@FunctionalInterface
public interface AdminSync {

  /**
   * Runs or starts a sync for {@code caller}.
   *
   * @param caller the token that asked; name it in the import run the sync records ({@link ApiToken#label()})
   * @param request the request's JSON body, an empty object when the body was empty
   * @return the status (200 when done, 202 when started) and the JSON body of the answer
   * @throws IllegalArgumentException when the request asks for something that cannot be; answers 400
   *     with the message
   */
  Answer sync(ApiToken caller, JsonNode request);

  /** The answer to a sync request. */
  record Answer(int status, JsonNode body) {
    public Answer {
      if (status < 200 || status > 599) {
        throw new IllegalArgumentException("not an HTTP status: " + status);
      }
      Objects.requireNonNull(body, "body");
    }
  }
}
