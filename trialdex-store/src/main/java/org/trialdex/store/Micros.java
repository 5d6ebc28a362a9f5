package org.trialdex.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.Optional;

/** Instants as the store keeps them: microseconds since the epoch, in a BIGINT column. */
final class Micros {

  private Micros() {}

  /** Microseconds since the epoch, rounding down. */
  static long of(Instant instant) {
    return Math.addExact(Math.multiplyExact(instant.getEpochSecond(), 1_000_000L),
        instant.getNano() / 1_000);
  }

  /** Microseconds since the epoch, rounding up: {@code stored >= ceil(t)} iff {@code stored >= t}. */
  static long ceil(Instant instant) {
    return of(instant) + (instant.getNano() % 1_000 == 0 ? 0 : 1);
  }

  static Instant truncate(Instant instant) {
    return toInstant(of(instant));
  }

  static Instant toInstant(long micros) {
    return Instant.ofEpochSecond(Math.floorDiv(micros, 1_000_000L),
        Math.floorMod(micros, 1_000_000L) * 1_000L);
  }

  /** A nullable column of microseconds as an instant, empty for NULL. */
  static Optional<Instant> read(ResultSet rs, int column) throws SQLException {
    long v = rs.getLong(column);
    return rs.wasNull() ? Optional.empty() : Optional.of(toInstant(v));
  }

  /** Binds an instant as microseconds, or NULL when empty. */
  static void bind(PreparedStatement ps, int index, Optional<Instant> value) throws SQLException {
    if (value.isPresent()) {
      ps.setLong(index, of(value.get()));
    } else {
      ps.setNull(index, Types.BIGINT);
    }
  }
}
