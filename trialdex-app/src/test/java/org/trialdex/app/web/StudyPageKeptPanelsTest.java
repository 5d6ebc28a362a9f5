package org.trialdex.app.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trialdex.app.Trialdex;
import org.trialdex.app.WebStore;
import org.trialdex.core.celltherapy.CellTherapy;
import org.trialdex.core.trust.TrustSignals;
import org.trialdex.store.StoreLocation;
import org.trialdex.store.StoredStudy;

/**
 * A record page whose cell-therapy, trust and quality panels were kept from an earlier ask is the
 * page a fresh computation renders, byte for byte: the page test store's PALLAS, seed trials, the
 * markup record and every 15th record, rendered twice by one server and once by a new one (which
 * keeps nothing yet), on a fixed day.
 */
class StudyPageKeptPanelsTest {

  private static final Clock DAY = Clock.fixed(Instant.parse("2026-11-30T12:00:00Z"), ZoneOffset.UTC);

  @Test
  void keptPanelsRenderTheSamePageAsAFreshComputation(@TempDir Path dir) {
    WebStore.build(dir).close();
    StoreLocation location = new StoreLocation.Sqlite(dir.resolve("data"));
    List<String> ids = new ArrayList<>(List.of("NCT02513394", "NCT01763086", "NCT03219801", WebStore.SCRIPT_ID));
    Map<String, String> first = new LinkedHashMap<>();
    Map<String, String> again = new LinkedHashMap<>();
    try (Trialdex t = Trialdex.open(location, DAY)) {
      try (Stream<StoredStudy> all = t.store().currentAll()) {
        List<StoredStudy> records = all.toList();
        for (int i = 0; i < records.size(); i += 15) {
          ids.add(records.get(i).nctId());
        }
      }
      for (String id : ids) {
        first.put(id, WebPages.study(t, id).text());
      }
      for (String id : ids) {
        again.put(id, WebPages.study(t, id).text());
      }
      // The panels were kept, not computed again, and are what core computes.
      StoredStudy msc = t.records().current("NCT03219801").orElseThrow();
      assertSame(t.reports().cellTherapy(msc), t.reports().cellTherapy(msc));
      assertEquals(CellTherapy.profile(msc.study()), t.reports().cellTherapy(msc));
      LocalDate day = LocalDate.ofInstant(DAY.instant(), ZoneOffset.UTC);
      assertSame(t.reports().trustSignals(msc, day), t.reports().trustSignals(msc, day));
      assertEquals(TrustSignals.of(msc.study(), day, CellTherapy.profile(msc.study()).hasProduct()),
          t.reports().trustSignals(msc, day));
    }
    Map<String, String> fresh = new LinkedHashMap<>();
    try (Trialdex t = Trialdex.open(location, DAY)) {
      for (String id : ids) {
        fresh.put(id, WebPages.study(t, id).text());
      }
    }
    assertTrue(ids.size() > 100, ids.size() + " records");
    assertTrue(fresh.get("NCT03219801").contains("id=\"s-cell\""), "the MSC seed trial has its cell-therapy panel");
    assertTrue(fresh.values().stream().filter(html -> html.contains("id=\"s-trust\"")).count() > 10, "trust panels");
    for (String id : ids) {
      assertEquals(fresh.get(id), first.get(id), id + ", first ask");
      assertEquals(fresh.get(id), again.get(id), id + ", asked again");
    }
  }
}
