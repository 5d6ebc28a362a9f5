package org.trialdex.core.merge;

import java.util.List;
import java.util.Objects;

/**
 * Sources that say different things about one unit. The merged record holds {@code chosen};
 * {@code others} are the lower-ranked sources whose value is not equivalent to it (presentation
 * aside: whitespace, bullets, case, date precision, age units; see {@link StudyMerger}).
 *
 * @param path v2 path of the unit, as in {@link FieldOrigin#path()}
 * @param chosen the claim the merged record holds
 * @param others the claims that differ from it, best-ranked first; never empty
 * @param message what differs, in words, naming the values, the sources and why the chosen one won
 */
public record Conflict(String path, Claim chosen, List<Claim> others, String message) {

  /** @throws NullPointerException when any part is null; IllegalArgumentException without others */
  public Conflict {
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(chosen, "chosen");
    Objects.requireNonNull(message, "message");
    others = List.copyOf(others);
    if (others.isEmpty()) {
      throw new IllegalArgumentException("a conflict at " + path + " needs at least one differing claim");
    }
  }

  @Override
  public String toString() {
    return path + ": " + message;
  }
}
