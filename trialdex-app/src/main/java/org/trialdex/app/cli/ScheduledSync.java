package org.trialdex.app.cli;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.trialdex.app.Trialdex;
import org.trialdex.app.service.Syncs;
import org.trialdex.store.RunCounts;

/**
 * {@code serve --sync-every}: a sync at start and then every period after the last one ended, on a
 * thread of its own. A sync that fails is logged and tried again at the next period (it resumes
 * where it stopped); one that finds another node syncing waits for the next period.
 */
final class ScheduledSync implements AutoCloseable {

  private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r ->
      Thread.ofPlatform().name("trialdex-scheduled-sync").daemon().unstarted(r));
  private final Trialdex trialdex;
  private final Syncs.Options options;
  private final PrintWriter log;

  private ScheduledSync(Trialdex trialdex, Syncs.Options options, PrintWriter log) {
    this.trialdex = trialdex;
    this.options = options;
    this.log = log;
  }

  static ScheduledSync start(Trialdex trialdex, Syncs.Options options, Duration every, PrintWriter log) {
    ScheduledSync s = new ScheduledSync(trialdex, options, log);
    s.timer.scheduleWithFixedDelay(s::runOnce, 0, every.toMillis(), TimeUnit.MILLISECONDS);
    log.println("trialdex: syncing from " + options.key() + " every " + SyncCommand.Printer.human(every));
    log.flush();
    return s;
  }

  private void runOnce() {
    try {
      Syncs.Result r = trialdex.syncs().run(options, new SyncCommand.Printer(log));
      RunCounts c = r.counts();
      log.printf(Locale.ROOT, "trialdex: sync run %d from %s ended: %,d read, %,d new, %,d updated, %,d unchanged,"
          + " %,d failed%n", r.runId(), r.upstream(), c.read(), c.created(), c.updated(), c.unchanged(), c.failed());
    } catch (Syncs.SyncBusyException e) {
      log.println("trialdex: scheduled sync skipped: " + e.getMessage());
    } catch (RuntimeException e) {
      log.println("trialdex: scheduled sync failed, tried again at the next period: " + e.getMessage());
    }
    log.flush();
  }

  @Override
  public void close() {
    timer.shutdownNow();
    try {
      timer.awaitTermination(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
