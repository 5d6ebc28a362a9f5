package org.trialdex.testing;

import java.lang.reflect.Method;
import java.util.Optional;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.InvocationInterceptor;
import org.junit.jupiter.api.extension.LifecycleMethodExecutionExceptionHandler;
import org.junit.jupiter.api.extension.ReflectiveInvocationContext;
import org.junit.jupiter.api.extension.TestExecutionExceptionHandler;
import org.junit.jupiter.api.extension.TestWatcher;
import org.opentest4j.TestAbortedException;

/**
 * What a test run does when a test needs something absent: a file of the shared data folder
 * ({@link SharedData#require}), a PostgreSQL server, a browser. Every such need is a JUnit
 * assumption, which throws {@link TestAbortedException}; this extension decides what that means.
 *
 * <ul>
 *   <li><b>Lenient</b> (the default): the test is <em>skipped with the reason</em>, one by one. When
 *       a {@code @BeforeAll} method skips, the class's remaining {@code @BeforeAll} methods do not
 *       run, each of its tests (and those of its {@code @Nested} classes) reports as skipped with
 *       that reason, and {@code @AfterAll} still runs, so Surefire counts "Skipped: 12" instead of
 *       "Tests run: 0". Each skip is printed to standard error with its reason (once for a class).
 *   <li><b>Strict</b> (configuration parameter or system property {@value #STRICT_PROPERTY}{@code
 *       =true}): a skip from a test or from a {@code @BeforeAll}, {@code @BeforeEach}, {@code
 *       @AfterEach} or {@code @AfterAll} method is a <em>failure</em> that keeps the reason (and the
 *       assumption as its cause). {@code ./run-tests} turns strict mode on when it finds the shared
 *       folder, as on CI, so a missing file or an unreachable service cannot pass for green.
 * </ul>
 *
 * <p>Registered for every module's tests by JUnit's extension autodetection: the core test-jar
 * carries {@code junit-platform.properties} (autodetection on) and the service file naming this
 * class. Test classes need nothing declared.
 */
public final class SkipPolicy
    implements ExecutionCondition, InvocationInterceptor, LifecycleMethodExecutionExceptionHandler,
        TestExecutionExceptionHandler, TestWatcher {

  /** Configuration parameter (or system property) that turns strict mode on: {@code true}. */
  public static final String STRICT_PROPERTY = "trialdex.strict";
  /** Configuration parameter that keeps skips off standard error: for {@code SkipPolicyTest}'s own runs. */
  static final String QUIET_PROPERTY = "trialdex.skips.quiet";

  private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(SkipPolicy.class);
  /** Store key, in a class's context, of the reason its {@code @BeforeAll} skipped. */
  private static final String CLASS_SKIPPED = "class skipped";

  /** Public for the service loader. */
  public SkipPolicy() {}

  /** Whether this run is strict: {@value #STRICT_PROPERTY} is {@code true}. */
  private static boolean strict(ExtensionContext context) {
    return context.getConfigurationParameter(STRICT_PROPERTY).map(Boolean::parseBoolean).orElse(false);
  }

  // ------------------------------------------------------------------ lenient: per-test skips

  /**
   * A test (or nested class) of a class whose {@code @BeforeAll} skipped is disabled with that
   * reason. Evaluated after the class's {@code @BeforeAll} methods; the store is inherited, so
   * nested classes and their tests see their enclosing class's skip.
   */
  @Override
  public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
    if (context.getTestMethod().isEmpty()) {
      return ConditionEvaluationResult.enabled("a class runs, so that each of its tests reports its own skip");
    }
    String reason = classSkip(context);
    return reason == null
        ? ConditionEvaluationResult.enabled("no @BeforeAll of its class skipped")
        : ConditionEvaluationResult.disabled(reason);
  }

  /** After one {@code @BeforeAll} skipped its class, the later ones (which may build on it) do not run. */
  @Override
  public void interceptBeforeAllMethod(Invocation<Void> invocation, ReflectiveInvocationContext<Method> invocationContext,
      ExtensionContext context) throws Throwable {
    if (classSkip(context) != null) {
      invocation.skip();
      return;
    }
    invocation.proceed();
  }

  @Override
  public void handleBeforeAllMethodExecutionException(ExtensionContext context, Throwable throwable) throws Throwable {
    if (!(throwable instanceof TestAbortedException aborted)) {
      throw throwable;
    }
    if (strict(context)) {
      throw strictFailure(context, aborted);
    }
    // Swallowed: the class runs on, its tests each report this reason, its @AfterAll cleans up.
    context.getStore(NAMESPACE).put(CLASS_SKIPPED, reason(aborted));
    print(context, "each test skips: " + reason(aborted));
  }

  @Override
  public void handleBeforeEachMethodExecutionException(ExtensionContext context, Throwable throwable) throws Throwable {
    throw strictOrAsIs(context, throwable);
  }

  @Override
  public void handleTestExecutionException(ExtensionContext context, Throwable throwable) throws Throwable {
    throw strictOrAsIs(context, throwable);
  }

  @Override
  public void handleAfterEachMethodExecutionException(ExtensionContext context, Throwable throwable) throws Throwable {
    throw strictOrAsIs(context, throwable);
  }

  @Override
  public void handleAfterAllMethodExecutionException(ExtensionContext context, Throwable throwable) throws Throwable {
    throw strictOrAsIs(context, throwable);
  }

  @Override
  public void testDisabled(ExtensionContext context, Optional<String> reason) {
    if (classSkip(context) == null) { // a class's skip was printed once, for all its tests
      print(context, reason.orElse("disabled"));
    }
  }

  @Override
  public void testAborted(ExtensionContext context, Throwable cause) {
    print(context, cause instanceof TestAbortedException aborted ? reason(aborted) : cause.getMessage());
  }

  private static void print(ExtensionContext context, String reason) {
    if (!context.getConfigurationParameter(QUIET_PROPERTY).map(Boolean::parseBoolean).orElse(false)) {
      System.err.println("[skipped] " + name(context) + ": " + reason);
    }
  }

  // ------------------------------------------------------------------ strict: skips fail

  private static Throwable strictOrAsIs(ExtensionContext context, Throwable throwable) {
    if (throwable instanceof TestAbortedException aborted && strict(context)) {
      return strictFailure(context, aborted);
    }
    return throwable;
  }

  private static AssertionError strictFailure(ExtensionContext context, TestAbortedException aborted) {
    return new AssertionError(name(context) + " would skip, which strict mode (-D" + STRICT_PROPERTY
        + "=true, set by ./run-tests when the shared folder " + SharedData.root() + " exists) makes a failure: "
        + reason(aborted) + ". Provide what it needs, or run without strict mode to let it skip.", aborted);
  }

  private static String classSkip(ExtensionContext context) {
    return context.getStore(NAMESPACE).get(CLASS_SKIPPED, String.class);
  }

  private static String reason(TestAbortedException aborted) {
    String message = aborted.getMessage();
    // JUnit prefixes an assumption's message with "Assumption failed: ".
    return message == null ? "an assumption failed" : message.replaceFirst("^Assumption failed: ", "");
  }

  private static String name(ExtensionContext context) {
    String type = context.getTestClass().map(Class::getSimpleName).orElse(context.getDisplayName());
    return context.getTestMethod().map(m -> type + "." + m.getName()).orElse(type);
  }
}
