package org.trialdex.app.service;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import org.trialdex.store.StoredStudy;

/**
 * Values computed from one stored version of a record (its cell-therapy profile, its findings...),
 * kept for the versions asked for most recently so that a record page asked for again does not
 * compute them again. The key is the version itself (record id, version number and content hash):
 * a record's new version is a new key, so nothing kept goes stale, and versions no longer asked for
 * are forgotten, the least recently used first, past a set number. Thread-safe; two threads asking
 * for the same missing version may both compute it (the value is the same).
 *
 * @param <E> what else the value depends on (a day, say), or {@link Void}
 * @param <V> the value
 */
final class PerVersion<E, V> {

  private record Key(String id, int version, String contentHash, Object extra) {}

  private final int size;
  private final Map<Key, V> kept;

  /**
   * Keeps at most {@code size} values; 0 keeps none (every value is computed anew).
   *
   * @throws IllegalArgumentException when {@code size} is negative
   */
  PerVersion(int size) {
    if (size < 0) {
      throw new IllegalArgumentException("a per-version cache holds 0 values or more, not " + size);
    }
    this.size = size;
    this.kept = new LinkedHashMap<>(16, 0.75f, true) {
      @Override
      protected boolean removeEldestEntry(Map.Entry<Key, V> eldest) {
        return size() > PerVersion.this.size;
      }
    };
  }

  /** The value for {@code stored} and {@code extra}: the kept one, else {@code compute}'s, then kept. */
  V get(StoredStudy stored, E extra, Function<StoredStudy, V> compute) {
    Key key = new Key(stored.nctId(), stored.version(), stored.contentHash(), extra);
    synchronized (this) {
      V v = kept.get(key);
      if (v != null) {
        return v;
      }
    }
    V v = Objects.requireNonNull(compute.apply(stored), "computed value");
    if (size > 0) {
      synchronized (this) {
        kept.put(key, v);
      }
    }
    return v;
  }

  /** Values kept now. */
  synchronized int size() {
    return kept.size();
  }
}
