package org.trialdex.app.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.trialdex.core.json.StudyJson;
import org.trialdex.core.model.Study;
import org.trialdex.core.source.Provenance;
import org.trialdex.store.StoredStudy;

class PerVersionTest {

  private static final StudyJson JSON = StudyJson.standard();

  private static StoredStudy version(String id, int version, String title) {
    Study study = JSON.read("""
        {"protocolSection":{"identificationModule":{"nctId":"%s","briefTitle":"%s"}}}""".formatted(id, title));
    return new StoredStudy(id, version, Instant.parse("2026-11-30T12:00:00Z"),
        new Provenance("ctgov-v2", "records.json", "1", Map.of()), 1, JSON.contentHash(study), study, List.of());
  }

  /** Counts computations; the value is the title, so a stale one shows. */
  private static final class Titles implements Function<StoredStudy, String> {
    final List<String> computed = new ArrayList<>();

    @Override
    public String apply(StoredStudy s) {
      computed.add(s.nctId() + " v" + s.version());
      return s.study().protocolSection().identificationModule().briefTitle();
    }
  }

  @Test
  void aVersionAskedForAgainIsNotComputedAgain() {
    PerVersion<Void, String> kept = new PerVersion<>(8);
    Titles titles = new Titles();
    StoredStudy v1 = version("NCT01", 1, "First title");

    assertEquals("First title", kept.get(v1, null, titles));
    assertEquals("First title", kept.get(version("NCT01", 1, "First title"), null, titles));
    assertEquals(List.of("NCT01 v1"), titles.computed);
  }

  @Test
  void aNewVersionIsComputedFromItsOwnContent() {
    PerVersion<Void, String> kept = new PerVersion<>(8);
    Titles titles = new Titles();
    kept.get(version("NCT01", 1, "First title"), null, titles);

    assertEquals("Second title", kept.get(version("NCT01", 2, "Second title"), null, titles));
    // A merged current record keeps its version number when an older source changes: its content
    // hash still tells it apart.
    assertEquals("Merged title", kept.get(version("NCT01", 2, "Merged title"), null, titles));
    assertEquals(List.of("NCT01 v1", "NCT01 v2", "NCT01 v2"), titles.computed);
  }

  @Test
  void whatElseTheValueDependsOnIsPartOfTheKey() {
    PerVersion<String, String> kept = new PerVersion<>(8);
    StoredStudy v1 = version("NCT01", 1, "Title");
    assertEquals("2026-11-30", kept.get(v1, "2026-11-30", s -> "2026-11-30"));
    assertEquals("2026-12-01", kept.get(v1, "2026-12-01", s -> "2026-12-01"));
    assertEquals("2026-11-30", kept.get(v1, "2026-11-30", s -> "not asked"));
  }

  @Test
  void theLeastRecentlyAskedForGoFirst() {
    PerVersion<Void, String> kept = new PerVersion<>(2);
    Titles titles = new Titles();
    StoredStudy a = version("NCT0A", 1, "A");
    StoredStudy b = version("NCT0B", 1, "B");
    kept.get(a, null, titles);
    kept.get(b, null, titles);
    kept.get(a, null, titles); // a is now the most recent
    kept.get(version("NCT0C", 1, "C"), null, titles); // b goes
    kept.get(a, null, titles);
    kept.get(b, null, titles);

    assertEquals(List.of("NCT0A v1", "NCT0B v1", "NCT0C v1", "NCT0B v1"), titles.computed);
    assertEquals(2, kept.size());
  }

  @Test
  void sizeZeroKeepsNothing() {
    PerVersion<Void, Object> none = new PerVersion<>(0);
    StoredStudy v1 = version("NCT01", 1, "Title");
    Object first = none.get(v1, null, s -> new Object());
    Object again = none.get(v1, null, s -> new Object());
    assertEquals(0, none.size());
    assertEquals(false, first == again);
    PerVersion<Void, Object> one = new PerVersion<>(1);
    Object kept = one.get(v1, null, s -> new Object());
    assertSame(kept, one.get(v1, null, s -> new Object()));
    assertThrows(IllegalArgumentException.class, () -> new PerVersion<Void, Object>(-1));
  }
}
