package org.trialdex.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class WeightedTest {

  private record Item(String name, int weight) {}

  @Test
  void drawsInProportionToTheWeightsAndNeverAZeroWeight() {
    List<Item> items = List.of(new Item("a", 1), new Item("none", 0), new Item("b", 3));
    Map<String, Integer> counts = new HashMap<>();
    Random random = new Random(7);
    for (int i = 0; i < 40_000; i++) {
      counts.merge(Weighted.pick(items, Item::weight, random).name(), 1, Integer::sum);
    }
    // 1/4 and 3/4 of 40,000: 10,000 and 30,000, give or take a few standard deviations (87).
    assertEquals(10_000, counts.get("a"), 400);
    assertEquals(30_000, counts.get("b"), 400);
    assertEquals(null, counts.get("none"));
  }

  @Test
  void refusesNothingToPickFrom() {
    assertThrows(IllegalArgumentException.class, () -> Weighted.pick(List.<Item>of(), Item::weight, new Random(1)));
    assertThrows(IllegalArgumentException.class,
        () -> Weighted.pick(List.of(new Item("none", 0)), Item::weight, new Random(1)));
  }
}
