package org.trialdex.app.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class TimeLimitTest {

  @Test
  void workWithinTheLimitAnswersItsResult() {
    assertEquals(42, TimeLimit.call(Duration.ofSeconds(5), "search", () -> 42));
  }

  @Test
  void workBeyondTheLimitIsExceededPromptly() {
    long start = System.nanoTime();
    TimeLimit.Exceeded e = assertThrows(TimeLimit.Exceeded.class,
        () -> TimeLimit.call(Duration.ofMillis(50), "search", () -> {
          Thread.sleep(2_000);
          return 1;
        }));
    assertTrue(e.getMessage().contains("longer than 50 ms"), e.getMessage());
    assertTrue(System.nanoTime() - start < 1_500_000_000L, "answered before the work finished");
  }

  @Test
  void theWorksOwnExceptionIsRethrownAsItIs() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> TimeLimit.call(Duration.ofSeconds(5), "search", () -> {
          throw new IllegalArgumentException("bad query");
        }));
    assertEquals("bad query", e.getMessage());
  }
}
