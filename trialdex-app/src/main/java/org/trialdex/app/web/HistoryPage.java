package org.trialdex.app.web;

import java.util.List;
import java.util.Optional;

/**
 * A trial's versions, and the field-level differences between two of them.
 *
 * @param versions every version, oldest first
 * @param links other ids merged into this trial, with the reason
 * @param diff the comparison asked for (or of the last two versions), when there are two to compare
 */
public record HistoryPage(String nctId, String title, String studyHref, List<Version> versions,
    List<String> links, Optional<Diff> diff) {

  public HistoryPage {
    versions = List.copyOf(versions);
    links = List.copyOf(links);
  }

  /** One version: when it was recorded, from which source, and what changed since that source's previous one. */
  public record Version(int version, String recordedAt, String source, String provenance, String changes) {}

  /** The rows that differ between versions {@code from} and {@code to}. */
  public record Diff(int from, int to, String fromLabel, String toLabel, List<Change> changes) {
    public Diff {
      changes = List.copyOf(changes);
    }
  }

  /** One field that differs; an empty side means the field is absent in that version. */
  public record Change(String path, Optional<String> before, Optional<String> after) {}
}
