package org.trialdex.ingest;

import java.util.List;

/**
 * Where an import puts the records it read: in production the store (wired in trialdex-app), in
 * tests anything. Called from one thread, with chunks in source order.
 */
@FunctionalInterface
public interface ChunkWriter {

  /** What writing one record did. */
  enum Outcome { NEW, UPDATED, UNCHANGED }

  /**
   * Writes the chunk atomically: all of it or, when this throws, none of it.
   *
   * @return one outcome per record, in chunk order
   */
  List<Outcome> write(List<ReadResult.Read> chunk);
}
