package org.trialdex.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.trialdex.core.json.StudyJson;
import org.trialdex.core.model.Study;

/** A hit read lazily from the stored JSON is the hit read eagerly. */
class HitTest {

  private static final String JSON = "{\"protocolSection\":{\"identificationModule\":{\"nctId\":\"NCT00000001\","
      + "\"briefTitle\":\"Stromal cells for lupus nephritis\"},\"contactsLocationsModule\":{\"locations\":"
      + "[{\"city\":\"Lund\",\"geoPoint\":{\"lat\":55.70584,\"lon\":-5.3E-4}}]}},\"hasResults\":false}";

  @Test
  void theModelIsReadFromTheStoredJsonOnFirstAskAndKept() {
    byte[] bytes = JSON.getBytes(StandardCharsets.UTF_8);
    Study expected = StudyJson.standard().read(JSON);
    Hit lazy = Hit.stored("NCT00000001", 1.5f, Optional.empty(), List.of("hasResults"), bytes);

    Study first = lazy.study();
    assertEquals(expected, first);
    assertSame(first, lazy.study(), "read once");
    assertEquals("Stromal cells for lupus nephritis", first.protocolSection().identificationModule().briefTitle());
  }

  @Test
  void aLazyHitEqualsTheEagerOneOfTheSameJson() {
    byte[] bytes = JSON.getBytes(StandardCharsets.UTF_8);
    Study study = StudyJson.standard().read(JSON);
    Hit eager = new Hit("NCT00000001", 1.5f, study, Optional.empty(), List.of("hasResults"), bytes);
    Hit lazy = Hit.stored("NCT00000001", 1.5f, Optional.empty(), List.of("hasResults"), bytes.clone());

    assertEquals(eager, lazy);
    assertEquals(eager.hashCode(), lazy.hashCode());
    assertNotEquals(eager, Hit.stored("NCT00000001", 2f, Optional.empty(), List.of("hasResults"), bytes));
    assertNotEquals(eager, Hit.stored("NCT00000001", 1.5f, Optional.empty(), List.of(), bytes));
  }
}
