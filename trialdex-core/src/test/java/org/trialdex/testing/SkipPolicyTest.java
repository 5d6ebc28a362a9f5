package org.trialdex.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Event;
import org.opentest4j.TestAbortedException;

/**
 * {@link SkipPolicy} on small test classes run through JUnit itself, lenient and strict. The classes
 * are nested (Surefire does not run nested classes); {@link #LOG} records which of their methods ran.
 */
class SkipPolicyTest {

  /** A file the shared folder never has. */
  static final String ABSENT = "data/no-such-set/absent.json";
  static final List<String> LOG = new ArrayList<>();

  /** Runs {@code testClass} with the extension found the way every module finds it: autodetection. */
  private static EngineExecutionResults run(Class<?> testClass, boolean strict) {
    LOG.clear();
    return EngineTestKit.engine("junit-jupiter")
        .selectors(selectClass(testClass))
        // The same switch junit-platform.properties sets for every module; explicit so the surrounding run cannot change it.
        .configurationParameter("junit.jupiter.extensions.autodetection.enabled", "true")
        .configurationParameter(SkipPolicy.STRICT_PROPERTY, Boolean.toString(strict))
        // These skips are the point of the test, not missing data: keep them out of the run's output.
        .configurationParameter(SkipPolicy.QUIET_PROPERTY, "true")
        .execute();
  }

  private static List<String> skipReasons(EngineExecutionResults results) {
    return results.testEvents().skipped().stream().map(e -> e.getPayload(String.class).orElseThrow()).toList();
  }

  private static Throwable failure(Event event) {
    return event.getPayload(TestExecutionResult.class).orElseThrow().getThrowable().orElseThrow();
  }

  // ------------------------------------------------------------------ a @BeforeAll that needs absent data

  @Test
  void aBeforeAllSkipReportsEachTestSkippedWithTheReasonAndStillCleansUp() {
    EngineExecutionResults results = run(BuildsOnAbsentData.class, false);

    results.testEvents().assertStatistics(s -> s.skipped(3).started(0).failed(0));
    results.containerEvents().assertStatistics(s -> s.failed(0).aborted(0));
    String reason = "needs " + ABSENT + " from the shared data folder, absent at " + SharedData.root().resolve(ABSENT)
        + " (point TRIALDEX_SHARED or -Dtrialdex.shared at the folder)";
    assertEquals(List.of(reason, reason, reason), skipReasons(results));
    // The subclass's @BeforeAll, which builds on the data, did not run; @AfterAll did.
    assertEquals(List.of("afterAll"), LOG);
  }

  @Test
  void inStrictModeABeforeAllSkipFailsTheClassWithTheReason() {
    EngineExecutionResults results = run(BuildsOnAbsentData.class, true);

    results.testEvents().assertStatistics(s -> s.skipped(0).started(0));
    results.containerEvents().assertStatistics(s -> s.failed(1));
    Throwable failure = failure(results.containerEvents().failed().list().get(0));
    assertInstanceOf(AssertionError.class, failure);
    assertTrue(failure.getMessage().startsWith("BuildsOnAbsentData would skip, which strict mode (-Dtrialdex.strict=true"),
        failure.getMessage());
    assertTrue(failure.getMessage().contains(": needs " + ABSENT + " from the shared data folder"), failure.getMessage());
    assertInstanceOf(TestAbortedException.class, failure.getCause());
    assertEquals(List.of("afterAll"), LOG);
  }

  @Test
  void aFailingBeforeAllStillFailsWhenLenient() {
    EngineExecutionResults results = run(BrokenFixture.class, false);

    results.containerEvents().assertStatistics(s -> s.failed(1));
    results.testEvents().assertStatistics(s -> s.started(0).skipped(0));
    assertEquals("broken fixture", failure(results.containerEvents().failed().list().get(0)).getMessage());
  }

  // ------------------------------------------------------------------ skips inside tests and @BeforeEach

  @Test
  void aSkipInsideATestSkipsThatTestOnly() {
    EngineExecutionResults results = run(NeedsAServiceInOneTest.class, false);

    results.testEvents().assertStatistics(s -> s.started(2).succeeded(1).aborted(1).failed(0));
    Event aborted = results.testEvents().aborted().list().get(0);
    assertEquals("Assumption failed: PostgreSQL not reachable at 127.0.0.1:1",
        aborted.getPayload(TestExecutionResult.class).orElseThrow().getThrowable().orElseThrow().getMessage());
  }

  @Test
  void inStrictModeASkipInsideATestFailsThatTestOnly() {
    EngineExecutionResults results = run(NeedsAServiceInOneTest.class, true);

    results.testEvents().assertStatistics(s -> s.started(2).succeeded(1).aborted(0).failed(1));
    Throwable failure = failure(results.testEvents().failed().list().get(0));
    assertTrue(failure.getMessage().startsWith("NeedsAServiceInOneTest.usesTheServer would skip, which strict mode"),
        failure.getMessage());
    assertTrue(failure.getMessage().contains(": PostgreSQL not reachable at 127.0.0.1:1. Provide what it needs"),
        failure.getMessage());
  }

  @Test
  void aSkipInBeforeEachSkipsEachTestAndFailsEachInStrictMode() {
    run(NeedsABrowserBeforeEach.class, false).testEvents().assertStatistics(s -> s.aborted(2).failed(0));

    EngineExecutionResults strict = run(NeedsABrowserBeforeEach.class, true);
    strict.testEvents().assertStatistics(s -> s.aborted(0).failed(2));
    assertTrue(failure(strict.testEvents().failed().list().get(0)).getMessage().contains(": no Chromium at /nowhere."));
  }

  @Test
  void strictModeLeavesTestsThatNeedNothingAlone() {
    EngineExecutionResults results = run(NeedsNothing.class, true);
    results.testEvents().assertStatistics(s -> s.succeeded(1).failed(0).aborted(0).skipped(0));
    results.containerEvents().assertStatistics(s -> s.failed(0).aborted(0));
    assertEquals(List.of("beforeAll", "test"), LOG);
  }

  // ------------------------------------------------------------------ the classes run above

  static class NeedsAbsentData {
    static Path data;

    @BeforeAll
    static void readTheData() {
      data = SharedData.require(ABSENT);
      LOG.add("readTheData");
    }
  }

  static class BuildsOnAbsentData extends NeedsAbsentData {
    @BeforeAll
    static void index() {
      LOG.add("index " + data.getFileName());
    }

    @AfterAll
    static void cleanUp() {
      LOG.add("afterAll");
    }

    @Test
    void first() {
      LOG.add("first");
    }

    @Test
    void second() {
      LOG.add("second");
    }

    @Nested
    class Inner {
      @Test
      void third() {
        LOG.add("third");
      }
    }
  }

  static class BrokenFixture {
    @BeforeAll
    static void broken() {
      throw new IllegalStateException("broken fixture");
    }

    @Test
    void neverRuns() {
      LOG.add("neverRuns");
    }
  }

  static class NeedsAServiceInOneTest {
    @Test
    void usesTheServer() {
      assumeTrue(false, "PostgreSQL not reachable at 127.0.0.1:1");
    }

    @Test
    void needsNothing() {
      LOG.add("needsNothing");
    }
  }

  static class NeedsABrowserBeforeEach {
    @BeforeEach
    void browser() {
      assumeTrue(false, "no Chromium at /nowhere");
    }

    @Test
    void opensAPage() {}

    @Test
    void opensAnotherPage() {}
  }

  static class NeedsNothing {
    @BeforeAll
    static void setUp() {
      LOG.add("beforeAll");
    }

    @Test
    void test() {
      LOG.add("test");
    }
  }
}
