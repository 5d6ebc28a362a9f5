package org.trialdex.bench;

import java.util.List;
import java.util.Random;
import java.util.function.ToIntFunction;

/** Picks among request kinds by weight, as the load benchmarks draw their next request. */
final class Weighted {

  private Weighted() {}

  /**
   * One of {@code items}, each drawn with probability its weight over the sum of all weights.
   *
   * @throws IllegalArgumentException when {@code items} is empty or the weights do not sum to more than 0
   */
  static <T> T pick(List<T> items, ToIntFunction<T> weight, Random random) {
    int total = 0;
    for (T item : items) {
      total += weight.applyAsInt(item);
    }
    if (total <= 0) {
      throw new IllegalArgumentException("weights must sum to more than 0, got " + total + " over " + items.size());
    }
    int pick = random.nextInt(total);
    for (T item : items) {
      if ((pick -= weight.applyAsInt(item)) < 0) {
        return item;
      }
    }
    throw new AssertionError("unreachable: the pick is below the total");
  }
}
