package org.trialdex.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The SQL of the change log (tables {@code change_log}, {@code change_head}, {@code store_meta}).
 * Writers append inside their own transaction, so a change is in the log exactly when it is in
 * the store.
 */
final class ChangeLog {

  private static final String STORE_ID = "store_id";
  /** Where a restored store came from: the store, position and time of its backup (see {@link #renewStoreId}). */
  private static final String RESTORED_FROM = "restored_from";

  private ChangeLog() {}

  /** A change about to be appended; its position is handed out by {@link #append}. */
  record Pending(String kind, String recordId, int version, String alias) {
    static Pending version(String recordId, int version) {
      return new Pending("VERSION", recordId, version, null);
    }

    static Pending link(String alias, String recordId) {
      return new Pending("LINK", recordId, 0, alias);
    }
  }

  /**
   * Appends the changes in the caller's write transaction. Taking the positions updates the one
   * head row, whose lock PostgreSQL holds until the transaction ends; SQLite writers are already
   * serialized. Either way positions are committed in order and without gaps.
   */
  static void append(Connection c, List<Pending> changes, long recordedMicros) throws SQLException {
    if (changes.isEmpty()) {
      return;
    }
    try (PreparedStatement ps = c.prepareStatement("UPDATE change_head SET position = position + ? WHERE id = 1")) {
      ps.setLong(1, changes.size());
      if (ps.executeUpdate() != 1) {
        throw new StoreException("the change log's head row is missing; the store was changed outside trialdex");
      }
    }
    long next = head(c) - changes.size() + 1;
    try (PreparedStatement ps = c.prepareStatement("INSERT INTO change_log (position, kind, record_id, version,"
        + " alias, recorded_micros) VALUES (?, ?, ?, ?, ?, ?)")) {
      for (Pending p : changes) {
        ps.setLong(1, next++);
        ps.setString(2, p.kind());
        ps.setString(3, p.recordId());
        if (p.alias() == null) {
          ps.setInt(4, p.version());
          ps.setNull(5, Types.VARCHAR);
        } else {
          ps.setNull(4, Types.INTEGER);
          ps.setString(5, p.alias());
        }
        ps.setLong(6, recordedMicros);
        ps.addBatch();
      }
      ps.executeBatch();
    }
  }

  /** The newest committed position, 0 when nothing has been written. */
  static long head(Connection c) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("SELECT position FROM change_head WHERE id = 1");
        ResultSet rs = ps.executeQuery()) {
      return rs.next() ? rs.getLong(1) : 0;
    }
  }

  /** Up to {@code limit} changes after {@code position}, oldest first. */
  static List<Change> after(Connection c, long position, int limit) throws SQLException {
    List<Change> changes = new ArrayList<>();
    try (PreparedStatement ps = c.prepareStatement("SELECT position, kind, record_id, version, alias,"
        + " recorded_micros FROM change_log WHERE position > ? ORDER BY position LIMIT ?")) {
      ps.setLong(1, position);
      ps.setInt(2, limit);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          long pos = rs.getLong(1);
          String kind = rs.getString(2);
          var at = Micros.toInstant(rs.getLong(6));
          changes.add(switch (kind) {
            case "VERSION" -> new Change.NewVersion(pos, rs.getString(3), rs.getInt(4), at);
            case "LINK" -> new Change.Linked(pos, rs.getString(3), rs.getString(5), at);
            default -> throw new StoreException("change " + pos + " has the unknown kind '" + kind
                + "'; was the store written by a newer trialdex?");
          });
        }
      }
    }
    return changes;
  }

  /** This store's identity, made once: the first process to open the store writes it. */
  static String storeId(Connection c) throws SQLException {
    String id = readStoreId(c);
    if (id != null) {
      return id;
    }
    try (PreparedStatement ps = c.prepareStatement("INSERT INTO store_meta (name, value) VALUES (?, ?)")) {
      ps.setString(1, STORE_ID);
      ps.setString(2, UUID.randomUUID().toString());
      ps.executeUpdate();
    }
    return readStoreId(c);
  }

  /**
   * Gives a store a new identity and says where it came from: for a restored copy, which is a new
   * history from its backup's position on. Derived data of the old identity (an index that followed the
   * original past that position) is then rebuilt instead of followed.
   *
   * @return the new identity
   */
  static String renewStoreId(Connection c, String restoredFrom) throws SQLException {
    String id = UUID.randomUUID().toString();
    for (String[] row : new String[][] {{STORE_ID, id}, {RESTORED_FROM, restoredFrom}}) {
      try (PreparedStatement del = c.prepareStatement("DELETE FROM store_meta WHERE name = ?");
          PreparedStatement ins = c.prepareStatement("INSERT INTO store_meta (name, value) VALUES (?, ?)")) {
        del.setString(1, row[0]);
        del.executeUpdate();
        ins.setString(1, row[0]);
        ins.setString(2, row[1]);
        ins.executeUpdate();
      }
    }
    return id;
  }

  static String readStoreId(Connection c) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("SELECT value FROM store_meta WHERE name = ?")) {
      ps.setString(1, STORE_ID);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? rs.getString(1) : null;
      }
    }
  }
}
