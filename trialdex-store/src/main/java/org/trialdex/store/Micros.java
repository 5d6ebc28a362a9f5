package org.trialdex.store;

import java.time.Instant;

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
}
