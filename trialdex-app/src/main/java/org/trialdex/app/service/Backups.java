package org.trialdex.app.service;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;
import org.trialdex.store.EmbeddedCopies;
import org.trialdex.store.StoreException;
import org.trialdex.store.StoreLocation;
import org.trialdex.store.StoreSnapshot;

/**
 * Backups of the embedded store and their restores ({@code trialdex backup DIR}, {@code trialdex
 * restore DIR}). A backup folder holds the database copy {@value #DATABASE} and {@value #MANIFEST};
 * the search index is derived and never backed up (a restored store's index is rebuilt from it).
 *
 * <p>Every file is written under a temporary name and moved into place when whole, the manifest
 * last; a restore builds the new data folder beside the target and moves it into place with one
 * rename. A failure leaves the backup folder or the target as they were.
 */
public final class Backups {

  /** The database copy's name in a backup folder: the same as in a data folder. */
  public static final String DATABASE = "trialdex.db";
  /** The manifest's name in a backup folder. */
  public static final String MANIFEST = "manifest.json";

  private static final DateTimeFormatter ASIDE_TIME =
      DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'", Locale.ROOT).withZone(ZoneOffset.UTC);

  private final Clock clock;
  private final String trialdexVersion;
  private final ObjectMapper mapper = new ObjectMapper()
      .enable(SerializationFeature.INDENT_OUTPUT)
      .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

  /**
   * @param clock the time of backups and restores
   * @param trialdexVersion what the manifest names as the trialdex that wrote a backup
   */
  public Backups(Clock clock, String trialdexVersion) {
    this.clock = Objects.requireNonNull(clock, "clock");
    this.trialdexVersion = Objects.requireNonNull(trialdexVersion, "trialdexVersion");
  }

  /**
   * What a restore did.
   *
   * @param manifest the backup's manifest
   * @param storeId the restored store's new identity (the backup's store keeps its own)
   * @param keptAside where the store that was at the target before is kept, when there was one
   */
  public record Restored(BackupManifest manifest, String storeId, Optional<Path> keptAside) {
    public Restored {
      Objects.requireNonNull(manifest, "manifest");
      Objects.requireNonNull(storeId, "storeId");
      Objects.requireNonNull(keptAside, "keptAside");
    }
  }

  /**
   * Copies the store at {@code source} into the folder {@code dir} as it stands at one moment, while
   * servers and imports go on writing it, and writes the manifest beside the copy.
   *
   * @param force write into {@code dir} though it holds files: a backup there is replaced, other
   *     files are left alone
   * @return the manifest written
   * @throws BackupException when {@code dir} is not empty (without {@code force}), cannot be written
   *     or has no room; nothing is left in it then but what was there
   * @throws org.trialdex.store.StoreException when there is no store at {@code source} or it cannot be read
   */
  public BackupManifest backup(StoreLocation.Sqlite source, Path dir, boolean force) {
    Path folder = dir.toAbsolutePath().normalize();
    Path sourceDir = source.dataDir().toAbsolutePath().normalize();
    if (folder.startsWith(sourceDir)) {
      throw new BackupException("the backup folder " + folder + " is inside the store's data folder " + sourceDir
          + "; give a folder outside it, best on another disk");
    }
    boolean created = prepareFolder(folder, force);
    Path copy = null;
    Path manifestFile = null;
    try {
      copy = Files.createTempFile(folder, "." + DATABASE + ".", ".partial");
      Instant takenAt = clock.instant();
      StoreSnapshot snapshot = EmbeddedCopies.copy(source, copy, clock);
      BackupManifest manifest = BackupManifest.of(snapshot, takenAt, trialdexVersion,
          new BackupManifest.DatabaseFile(DATABASE, Files.size(copy), sha256(copy)));
      force(copy);
      manifestFile = Files.createTempFile(folder, "." + MANIFEST + ".", ".partial");
      try (OutputStream out = Files.newOutputStream(manifestFile)) {
        mapper.writeValue(out, manifest);
      }
      force(manifestFile);
      // The old manifest goes first: a folder never pairs a manifest with a copy it does not describe.
      Files.deleteIfExists(folder.resolve(MANIFEST));
      Files.move(copy, folder.resolve(DATABASE), StandardCopyOption.ATOMIC_MOVE);
      copy = null;
      Files.move(manifestFile, folder.resolve(MANIFEST), StandardCopyOption.ATOMIC_MOVE);
      manifestFile = null;
      force(folder);
      return manifest;
    } catch (IOException e) {
      throw new BackupException("cannot write the backup in " + folder + ": " + describe(e)
          + "; no backup was written there", e);
    } finally {
      deleteQuietly(copy);
      deleteQuietly(manifestFile);
      if (created) {
        deleteIfEmpty(folder);
      }
    }
  }

  /**
   * Puts the backup in {@code dir} in place as the store at {@code target}: checks the manifest, the
   * copy's size and SHA-256, SQLite's integrity check and the copy's figures against the manifest,
   * on a copy built beside the target, then moves it into place. The restored store gets a new
   * identity, so every search index of the old one is rebuilt, and the target's folder holds no
   * index: the first trialdex process to open the store rebuilds it.
   *
   * @param force replace a target that holds a store or other files; the old folder is kept aside,
   *     renamed with the time, never deleted
   * @throws BackupException when the backup is not whole, is damaged or does not match its manifest,
   *     the target is not empty (without {@code force}), a process has the target store open, or a
   *     folder cannot be written; the target is then as it was
   */
  public Restored restore(Path dir, StoreLocation.Sqlite target, boolean force) {
    try {
      return restoreChecked(dir, target, force);
    } catch (StoreException e) {
      // The copy failed its checks or the target is in use: said before anything was moved.
      throw new BackupException(e.getMessage() + "; nothing was restored, " + target.dataDir().toAbsolutePath()
          + " is as it was", e);
    }
  }

  private Restored restoreChecked(Path dir, StoreLocation.Sqlite target, boolean force) {
    Path folder = dir.toAbsolutePath().normalize();
    BackupManifest manifest = readManifest(folder);
    Path backupFile = folder.resolve(manifest.database().file());
    if (!Files.isRegularFile(backupFile)) {
      throw new BackupException(folder + " has a manifest but no " + manifest.database().file()
          + "; the backup is not whole, nothing was restored");
    }
    Path targetDir = target.dataDir().toAbsolutePath().normalize();
    boolean occupied = occupied(targetDir);
    if (occupied && !force) {
      throw new BackupException(targetDir + (Files.exists(targetDir.resolve(DATABASE)) ? " already holds a store" : " is not empty")
          + "; restore into a new or empty folder (--data), or give --force to keep what is there aside, renamed"
          + " with the time, and put the backup in its place; nothing was restored");
    }
    // Refused at once when a process has the target open, before the copy takes its time.
    EmbeddedCopies.holdExclusively(target).close();
    Path parent = targetDir.getParent();
    Path building = null;
    try {
      Files.createDirectories(parent);
      building = Files.createTempDirectory(parent, "." + targetDir.getFileName() + ".restoring-");
      Path db = building.resolve(DATABASE);
      copyChecked(backupFile, db, manifest);
      StoreSnapshot found = EmbeddedCopies.check(db);
      if (!found.equals(manifest.snapshot())) {
        throw new BackupException(backupFile + " does not hold what its manifest says (the manifest: " + manifest.snapshot()
            + "; the copy: " + found + "); nothing was restored");
      }
      Instant now = clock.instant();
      String storeId = EmbeddedCopies.renewIdentity(db, "store " + manifest.storeId() + " at change " + manifest.logHead()
          + ", backup taken " + manifest.takenAt() + ", restored " + now + " from " + folder);
      force(db);
      force(building);
      Optional<Path> aside = Optional.empty();
      try (EmbeddedCopies.Hold hold = EmbeddedCopies.holdExclusively(target)) {
        if (occupied(targetDir)) {
          Path keep = parent.resolve(targetDir.getFileName() + ".before-restore-" + ASIDE_TIME.format(now));
          Files.move(targetDir, keep, StandardCopyOption.ATOMIC_MOVE);
          aside = Optional.of(keep);
        }
      }
      try {
        // One rename: over an absent or empty folder, so a reader sees the old folder or the new one.
        Files.move(building, targetDir, StandardCopyOption.ATOMIC_MOVE);
      } catch (IOException e) {
        Path ready = building;
        building = null; // kept: it is the restored store
        throw new BackupException("the restored store is ready in " + ready + " but could not be moved to "
            + targetDir + " (" + describe(e) + "; did a process create it meanwhile?)"
            + aside.map(a -> "; the old store is kept at " + a).orElse("")
            + "; move it there by hand once nothing runs on " + targetDir, e);
      }
      building = null;
      force(parent);
      return new Restored(manifest, storeId, aside);
    } catch (IOException e) {
      throw new BackupException("cannot restore into " + targetDir + ": " + describe(e)
          + "; the target was left as it was", e);
    } finally {
      if (building != null) {
        deleteTree(building);
      }
    }
  }

  /** Reads and checks {@code dir/manifest.json}. */
  private BackupManifest readManifest(Path folder) {
    Path file = folder.resolve(MANIFEST);
    if (!Files.isDirectory(folder)) {
      throw new BackupException("there is no backup folder at " + folder + "; nothing was restored");
    }
    if (!Files.isRegularFile(file)) {
      throw new BackupException(folder + " has no " + MANIFEST + ": it is not a trialdex backup, or a backup that"
          + " did not finish; nothing was restored");
    }
    try (InputStream in = Files.newInputStream(file)) {
      return mapper.readValue(in, BackupManifest.class);
    } catch (IOException | IllegalArgumentException e) {
      throw new BackupException(file + " is not a readable backup manifest: " + rootMessage(e) + "; nothing was restored", e);
    }
  }

  /** Copies the backup's database to {@code to}, checking its size and SHA-256 on the bytes copied. */
  private static void copyChecked(Path from, Path to, BackupManifest manifest) throws IOException {
    MessageDigest digest = sha256();
    try (InputStream in = new DigestInputStream(Files.newInputStream(from), digest)) {
      Files.copy(in, to);
    }
    long size = Files.size(to);
    String hash = HexFormat.of().formatHex(digest.digest());
    BackupManifest.DatabaseFile expected = manifest.database();
    if (size != expected.bytes() || !hash.equals(expected.sha256())) {
      throw new BackupException(from + " does not match its manifest: " + String.format(Locale.ROOT,
          "%,d bytes with SHA-256 %s, the manifest says %,d bytes with SHA-256 %s", size, hash, expected.bytes(),
          expected.sha256()) + (size < expected.bytes() ? " (the copy is truncated)" : " (the copy is damaged)")
          + "; nothing was restored, use another backup");
    }
  }

  /**
   * Readies the backup folder: refused when it holds files (unless forced) or is not a folder.
   *
   * @return whether it was created here
   */
  private static boolean prepareFolder(Path folder, boolean force) {
    if (Files.exists(folder) && !Files.isDirectory(folder)) {
      throw new BackupException(folder + " is a file, not a folder; give a new or empty folder for the backup");
    }
    if (occupied(folder) && !force) {
      throw new BackupException(folder + " is not empty; give a new or empty folder, or --force to write the backup"
          + " into it (a backup there is replaced, other files are left alone); nothing was written");
    }
    boolean created = !Files.exists(folder);
    try {
      Files.createDirectories(folder);
    } catch (IOException e) {
      throw new BackupException("cannot create the backup folder " + folder + ": " + describe(e)
          + "; give a folder you can write to", e);
    }
    if (!Files.isWritable(folder)) {
      throw new BackupException("the backup folder " + folder + " is not writable; give a folder you can write to,"
          + " or change its permissions");
    }
    return created;
  }

  private static boolean occupied(Path folder) {
    if (!Files.isDirectory(folder)) {
      return Files.exists(folder);
    }
    try (Stream<Path> entries = Files.list(folder)) {
      return entries.findAny().isPresent();
    } catch (IOException e) {
      throw new BackupException("cannot read the folder " + folder + ": " + describe(e), e);
    }
  }

  private static String sha256(Path file) throws IOException {
    MessageDigest digest = sha256();
    try (InputStream in = new DigestInputStream(Files.newInputStream(file), digest)) {
      in.transferTo(OutputStream.nullOutputStream());
    }
    return HexFormat.of().formatHex(digest.digest());
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }

  /** Makes a file's or a folder's contents durable before it is renamed or named in a manifest. */
  private static void force(Path path) throws IOException {
    try (FileChannel channel = FileChannel.open(path, StandardOpenOption.READ)) {
      channel.force(true);
    } catch (IOException e) {
      if (!Files.isDirectory(path)) {
        throw e;
      }
      // Some file systems cannot sync a folder; the files in it are synced already.
    }
  }

  /** An I/O failure in words: a full disk named as such. */
  private static String describe(IOException e) {
    String message = rootMessage(e);
    if (message.contains("No space left on device") || message.contains("SQLITE_FULL")) {
      return "the disk is full (" + message + "); free space there, or give a folder on a disk with room";
    }
    if (e instanceof NoSuchFileException) {
      return "no such file or folder: " + message;
    }
    if (e instanceof FileAlreadyExistsException) {
      return "already exists: " + message;
    }
    if (e instanceof java.nio.file.AccessDeniedException) {
      return "permission denied: " + message;
    }
    return message;
  }

  private static String rootMessage(Throwable e) {
    String m = e.getMessage();
    return m == null ? e.toString() : m;
  }

  private static void deleteQuietly(Path file) {
    if (file == null) {
      return;
    }
    try {
      Files.deleteIfExists(file);
    } catch (IOException e) {
      // The failure that got here is what the user needs to hear about.
    }
  }

  private static void deleteIfEmpty(Path folder) {
    try {
      if (!occupied(folder)) {
        Files.deleteIfExists(folder);
      }
    } catch (IOException | BackupException e) {
      // Left empty: harmless.
    }
  }

  private static void deleteTree(Path folder) {
    try (Stream<Path> all = Files.walk(folder)) {
      all.sorted(Comparator.reverseOrder()).forEach(Backups::deleteQuietly);
    } catch (IOException e) {
      // A temporary folder left behind (its name starts with a dot and says "restoring").
    }
  }
}
