package org.trialdex.search;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apache.lucene.index.IndexReader;

/**
 * The related trials found per record in one index snapshot, so that a record page asked for again
 * does not run the related-trials query again. Holds at most a set number of records (the least
 * recently asked for go first) and only those of one snapshot: the first question asked of a newer
 * snapshot (the index changed: any record may now be a closer relative) forgets the rest. Keeps
 * document numbers, ids, scores and shared features, not studies, so its memory stays small.
 */
final class RelatedCache {

  /** Records kept by a search service. */
  static final int DEFAULT_SIZE = 4096;

  /**
   * One relative as the query found it.
   *
   * @param doc its document number in the snapshot it was found in
   * @param id its record id
   * @param score how similar
   * @param sharedFeatures what both trials have, in words
   */
  record Relative(int doc, String id, float score, List<String> sharedFeatures) {
    Relative {
      Objects.requireNonNull(id, "id");
      sharedFeatures = List.copyOf(sharedFeatures);
    }
  }

  private record Key(String id, int limit) {}

  private final int size;
  private Object snapshot;
  private final Map<Key, List<Relative>> kept;

  RelatedCache(int size) {
    if (size < 1) {
      throw new IllegalArgumentException("a related-trials cache holds 1 record or more, not " + size);
    }
    this.size = size;
    this.kept = new LinkedHashMap<>(16, 0.75f, true) {
      @Override
      protected boolean removeEldestEntry(Map.Entry<Key, List<Relative>> eldest) {
        return size() > RelatedCache.this.size;
      }
    };
  }

  /** The relatives kept for {@code id} in {@code reader}'s snapshot, or null when none are. */
  synchronized List<Relative> get(IndexReader reader, String id, int limit) {
    return snapshotOf(reader).equals(snapshot) ? kept.get(new Key(id, limit)) : null;
  }

  /** Keeps {@code relatives} of {@code id} found in {@code reader}'s snapshot. */
  synchronized void put(IndexReader reader, String id, int limit, List<Relative> relatives) {
    Object of = snapshotOf(reader);
    if (!of.equals(snapshot)) {
      kept.clear();
      snapshot = of;
    }
    kept.put(new Key(id, limit), List.copyOf(relatives));
  }

  /** Records kept now. */
  synchronized int size() {
    return kept.size();
  }

  /** What names a reader's snapshot: its cache key, the same for as long as its content is. */
  private static Object snapshotOf(IndexReader reader) {
    IndexReader.CacheHelper helper = reader.getReaderCacheHelper();
    return helper != null ? helper.getKey() : reader;
  }
}
