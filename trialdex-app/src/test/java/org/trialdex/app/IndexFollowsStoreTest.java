package org.trialdex.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trialdex.ingest.Importer;
import org.trialdex.ingest.ReadOptions;
import org.trialdex.search.Hit;
import org.trialdex.search.query.SearchRequests;
import org.trialdex.store.StoreLocation;
import org.trialdex.testing.SharedData;

/**
 * The index as a follower of the store (issue #8), in one process: links remove what they
 * linked, an index built from another store is rebuilt, and the index position is reported.
 */
class IndexFollowsStoreTest {

  @TempDir Path dir;

  private static void importInto(Trialdex t, Path... paths) {
    t.imports().run("import", List.of(paths), ReadOptions.defaults(), Importer.Listener.NONE);
  }

  private static Set<String> ids(Trialdex t, String param, String value) {
    return t.searches().search(SearchRequests.parse(Map.of(param, List.of(value), "pageSize", List.of("100"))))
        .hits().stream().map(Hit::id).collect(Collectors.toSet());
  }

  @Test
  void aPageLinkedIntoItsRegistryRecordLeavesTheIndexUnderItsOwnIdOnly() {
    try (Trialdex t = Trialdex.open(new StoreLocation.Sqlite(dir.resolve("data")), Clock.systemUTC())) {
      importInto(t, SharedData.require("seeds"));
      // Seed 004 has no NCT id: stored and searchable under its content id.
      assertEquals(Set.of("TDX-98d2d07e94c5c964"), ids(t, "query.titles", "Sjögren"));

      importInto(t, SharedData.mscClassic());
      // The registry record arrived; identical titles linked the page into it (the MSC set has
      // another Sjögren trial, NCT04615455).
      assertEquals(Set.of("NCT00953485", "NCT04615455"), ids(t, "query.titles", "Sjögren"));
      assertEquals(Set.of(), ids(t, "query.id", "TDX-98d2d07e94c5c964"));
      assertEquals(0, t.indexing().status().lag());
      assertEquals(t.store().logHead(), t.indexing().status().indexPosition());
    }
  }

  @Test
  void anIndexBuiltFromAnotherStoreIsRebuiltFromThisOne() {
    Path index = dir.resolve("shared-index");
    try (Trialdex a = Trialdex.open(new StoreLocation.Sqlite(dir.resolve("a")), index, Clock.systemUTC())) {
      importInto(a, SharedData.pallasV2());
      assertEquals(Set.of("NCT02513394"), ids(a, "query.term", "palbociclib"));
    }
    try (Trialdex b = Trialdex.open(new StoreLocation.Sqlite(dir.resolve("b")), index, Clock.systemUTC())) {
      importInto(b, SharedData.v2Sample());
      // Same positions, other store: nothing of store a may remain.
      assertEquals(Set.of(), ids(b, "query.id", "NCT02513394"));
      assertEquals(100, b.searches().search(SearchRequests.parse(Map.of("countTotal", List.of("true"))))
          .totalCount().orElseThrow());
      assertEquals(b.store().logHead(), b.indexing().status().indexPosition());
      assertTrue(b.indexing().writer());
    }
  }
}
