package org.trialdex.ingest;

import java.util.function.BiConsumer;
import org.trialdex.testing.SharedData;

/**
 * Test helper: every record of the three shared record sets ({@link SharedSets}). A set that is
 * absent makes the calling test skip (SharedData).
 */
public final class SharedRecords {

  private SharedRecords() {}

  /** Calls {@code sink} with the set's name ({@code legacy-xml}, {@code classic-msc}, {@code v2-sample}) and each result. */
  public static void readAll(BiConsumer<String, ReadResult> sink) {
    SharedSets.readAll(SharedData.legacyArchive(), SharedData.mscClassic(), SharedData.v2Sample(), sink);
  }
}
