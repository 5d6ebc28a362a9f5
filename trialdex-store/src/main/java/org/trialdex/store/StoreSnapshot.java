package org.trialdex.store;

import java.util.Objects;

/**
 * What a copy of an embedded store holds, read from the copy itself: so a backup's manifest describes
 * exactly the state it copied, and a restore can check that a copy still is what its manifest says.
 *
 * @param storeId the identity of the store the copy was taken from ({@link StudyStore#storeId()})
 * @param logHead the change-log position the copy reflects: every change up to it, none after
 * @param schemaVersion the newest schema migration applied to the copy
 * @param studies records in the copy (as {@link StoreCounts#studies()})
 * @param versions versions in the copy (as {@link StoreCounts#versions()})
 */
public record StoreSnapshot(String storeId, long logHead, String schemaVersion, long studies, long versions) {
  public StoreSnapshot {
    Objects.requireNonNull(storeId, "storeId");
    Objects.requireNonNull(schemaVersion, "schemaVersion");
  }
}
