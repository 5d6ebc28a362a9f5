package org.trialdex.app.web;

import java.util.List;
import java.util.Optional;

/**
 * A trial's versions, by source, and the field-level differences between two of them. Versions of
 * one source are compared as edits; versions of two sources are two views of the trial, compared
 * as such (a field only one source gives is "only in" that view, not deleted).
 *
 * @param versions every version, oldest first
 * @param sources each source's versions, the source named in words
 * @param links other ids merged into this trial, with the reason
 * @param diff the comparison asked for (by default the newest version against the previous one of
 *     its source), when there are two to compare
 */
public record HistoryPage(String nctId, String title, String studyHref, List<Version> versions,
    List<Source> sources, List<String> links, Optional<Diff> diff) {

  public HistoryPage {
    versions = List.copyOf(versions);
    sources = List.copyOf(sources);
    links = List.copyOf(links);
  }

  /**
   * One version: when it was recorded, from which source (in words, with the file's name only), and
   * what changed since that source's previous version.
   */
  public record Version(int version, String recordedAt, String source, String file, String changes) {}

  /** A source and the numbers of its versions. */
  public record Source(String kind, List<Integer> versions) {}

  /**
   * The comparison of two versions.
   *
   * @param sameSource whether both come from one source (then the rows are edits); else they are two views
   * @param changed fields both versions give, with different values
   * @param onlyBefore fields only the first version gives (removed, or only in the first source's view)
   * @param onlyAfter fields only the second version gives (added, or only in the second source's view)
   */
  public record Diff(int from, int to, String fromLabel, String toLabel, boolean sameSource,
      List<Change> changed, List<Change> onlyBefore, List<Change> onlyAfter) {
    public Diff {
      changed = List.copyOf(changed);
      onlyBefore = List.copyOf(onlyBefore);
      onlyAfter = List.copyOf(onlyAfter);
    }

    /** Whether the versions hold the same fields and values. */
    public boolean same() {
      return changed.isEmpty() && onlyBefore.isEmpty() && onlyAfter.isEmpty();
    }
  }

  /** One field that differs, named in words and by its path; an empty side means the field is absent there. */
  public record Change(String field, String path, Optional<String> before, Optional<String> after) {}
}
