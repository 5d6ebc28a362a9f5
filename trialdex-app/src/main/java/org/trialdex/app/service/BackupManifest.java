package org.trialdex.app.service;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Objects;
import org.trialdex.store.StoreSnapshot;

/**
 * {@code manifest.json} of a backup folder: what the database copy beside it holds and how to
 * recognise it. Written last, so a folder with a manifest holds a whole backup; {@code trialdex
 * restore} checks the copy against every figure here before it uses it.
 *
 * @param format always {@value #FORMAT}
 * @param formatVersion the layout of the folder and this file, {@value #FORMAT_VERSION}
 * @param storeId the identity of the store the backup was taken from
 * @param logHead the store's change-log position the copy reflects: every change up to it, none after
 * @param schemaVersion the newest schema migration of the copy
 * @param studies records in the copy
 * @param versions versions in the copy
 * @param takenAt when the copy began (ISO-8601, UTC); it holds what was committed then
 * @param trialdexVersion the trialdex that wrote the backup
 * @param database the database copy: its file name in the folder, its size and SHA-256
 */
public record BackupManifest(String format, int formatVersion, String storeId, long logHead, String schemaVersion,
    long studies, long versions, String takenAt, String trialdexVersion, DatabaseFile database) {

  /** The value of {@link #format()}. */
  public static final String FORMAT = "trialdex-backup";
  /** The folder layout this trialdex writes and reads. */
  public static final int FORMAT_VERSION = 1;

  /**
   * The database copy of a backup.
   *
   * @param file its name in the backup folder
   * @param bytes its size
   * @param sha256 the SHA-256 of its bytes, lowercase hex
   */
  public record DatabaseFile(String file, long bytes, String sha256) {
    public DatabaseFile {
      Objects.requireNonNull(file, "file");
      Objects.requireNonNull(sha256, "sha256");
      if (file.contains("/") || file.contains("\\") || file.startsWith(".")) {
        throw new IllegalArgumentException("the database file of a backup is a plain name in its folder, got '" + file + "'");
      }
    }
  }

  public BackupManifest {
    if (!FORMAT.equals(format)) {
      throw new IllegalArgumentException("not a trialdex backup manifest (format '" + format + "', expected '" + FORMAT + "')");
    }
    if (formatVersion != FORMAT_VERSION) {
      throw new IllegalArgumentException("a backup of format version " + formatVersion + "; this trialdex reads version "
          + FORMAT_VERSION + " (use the trialdex that wrote it, or a newer one)");
    }
    Objects.requireNonNull(storeId, "storeId");
    Objects.requireNonNull(schemaVersion, "schemaVersion");
    Objects.requireNonNull(trialdexVersion, "trialdexVersion");
    Objects.requireNonNull(database, "database");
    try {
      Instant.parse(Objects.requireNonNull(takenAt, "takenAt"));
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException("takenAt is not an ISO-8601 instant: '" + takenAt + "'", e);
    }
  }

  /** The manifest of a copy holding {@code snapshot}, begun at {@code takenAt}. */
  static BackupManifest of(StoreSnapshot snapshot, Instant takenAt, String trialdexVersion, DatabaseFile database) {
    return new BackupManifest(FORMAT, FORMAT_VERSION, snapshot.storeId(), snapshot.logHead(), snapshot.schemaVersion(),
        snapshot.studies(), snapshot.versions(), takenAt.toString(), trialdexVersion, database);
  }

  /** What the copy holds, as {@link org.trialdex.store.EmbeddedCopies#check} reads it from a copy. */
  @JsonIgnore
  public StoreSnapshot snapshot() {
    return new StoreSnapshot(storeId, logHead, schemaVersion, studies, versions);
  }
}
