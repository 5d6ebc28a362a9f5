package org.trialdex.core.identity;

import java.util.Objects;

/**
 * A stored record that might be the same trial as another, as the store found it (by the same
 * brief title key): its id and its title keys.
 *
 * @param id the id it is stored under: an NCT id, another registry's id or a content id
 * @param titles its title keys as stored
 */
public record Candidate(String id, TitleKeys titles) {

  /** @throws NullPointerException when any part is null */
  public Candidate {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(titles, "titles");
  }
}
