package org.trialdex.core.merge;

import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The newest version of each source of one record: what {@link StudyMerger} merges into the current
 * record. An immutable value; each change returns new heads.
 *
 * <ul>
 *   <li>A version adds nothing when its content equals the head of its own source
 *       ({@link #holds}): re-reading a page after the registry record, or the other way round, is
 *       no change.
 *   <li>A new version becomes the head of its source ({@link #advance}).
 *   <li>When a record without an NCT id joins its NCT record, each of its heads joins the NCT
 *       record's unless that already has a newer version of the same source ({@link #adopt}).
 * </ul>
 */
public final class SourceHeads {

  private static final SourceHeads NONE = new SourceHeads(new TreeMap<>());

  /** By source key, so that heads list in the same order whatever order they were learnt in. */
  private final TreeMap<String, SourceHead> bySource;

  private SourceHeads(TreeMap<String, SourceHead> bySource) {
    this.bySource = bySource;
  }

  /** A record with no version yet. */
  public static SourceHeads none() {
    return NONE;
  }

  /**
   * The heads of a stored record.
   *
   * @throws IllegalArgumentException when two heads name the same source
   */
  public static SourceHeads of(Collection<SourceHead> heads) {
    TreeMap<String, SourceHead> map = new TreeMap<>();
    for (SourceHead h : heads) {
      if (map.put(h.sourceKey(), h) != null) {
        throw new IllegalArgumentException("two heads of source " + h.sourceKey() + "; a record has one"
            + " newest version per source");
      }
    }
    return new SourceHeads(map);
  }

  /** True when {@code contentHash} is the content of the newest version of {@code sourceKey}. */
  public boolean holds(String sourceKey, String contentHash) {
    SourceHead head = bySource.get(sourceKey);
    return head != null && head.contentHash().equals(contentHash);
  }

  /** These heads with {@code head} as the newest version of its source. */
  public SourceHeads advance(SourceHead head) {
    TreeMap<String, SourceHead> map = new TreeMap<>(bySource);
    map.put(head.sourceKey(), head);
    return new SourceHeads(map);
  }

  /**
   * These heads with {@code head}, a version moved in from a record that joined this one, unless
   * this record already has a newer version of that source.
   */
  public SourceHeads adopt(SourceHead head) {
    SourceHead existing = bySource.get(head.sourceKey());
    return existing == null || existing.version() < head.version() ? advance(head) : this;
  }

  /** The heads, by source key. */
  public List<SourceHead> heads() {
    return List.copyOf(bySource.values());
  }

  /** The head when the record has exactly one source: its current content is that version, merged with nothing. */
  public Optional<SourceHead> only() {
    return bySource.size() == 1 ? Optional.of(bySource.firstEntry().getValue()) : Optional.empty();
  }

  /** How many sources the record has. */
  public int size() {
    return bySource.size();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof SourceHeads other && bySource.equals(other.bySource);
  }

  @Override
  public int hashCode() {
    return bySource.hashCode();
  }

  @Override
  public String toString() {
    return bySource.values().toString();
  }

  /** The newest version of {@code sourceKey}, or empty when the record has none. */
  public Optional<SourceHead> head(String sourceKey) {
    return Optional.ofNullable(bySource.get(Objects.requireNonNull(sourceKey, "sourceKey")));
  }
}
