package org.trialdex.core.merge;

import java.util.Objects;

/**
 * The newest version of one source of a record, as the store keeps it: the version the record's
 * current content is made from for that source.
 *
 * @param sourceKey the source, as {@code ctgov-v2-json} or {@code registry-page:portal-list}
 * @param version the store's version number
 * @param contentHash the hash of that version's content
 */
public record SourceHead(String sourceKey, int version, String contentHash) {

  /** @throws NullPointerException when the key or the hash is null */
  public SourceHead {
    Objects.requireNonNull(sourceKey, "sourceKey");
    Objects.requireNonNull(contentHash, "contentHash");
  }
}
