package org.trialdex.app.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicBoolean;
import org.trialdex.app.Trialdex;
import org.trialdex.app.http.AdminSync;
import org.trialdex.app.service.Syncs;
import org.trialdex.store.ApiToken;
import org.trialdex.store.RunCounts;

/**
 * {@code POST /api/admin/sync} on a server: a sync from the upstream the server was started with
 * ({@code --from}, ClinicalTrials.gov by default; a request cannot name another, so a token cannot
 * make the server fetch from anywhere). By default it starts the sync in the background and answers
 * 202; {@code {"wait": true}} answers when it ends, with its counts. A sync already running here or
 * on another node answers 409.
 */
final class SyncOnRequest implements AdminSync {

  private final Trialdex trialdex;
  private final Syncs.Options options;
  private final PrintWriter log;
  private final AtomicBoolean running = new AtomicBoolean();

  SyncOnRequest(Trialdex trialdex, Syncs.Options options, PrintWriter log) {
    this.trialdex = trialdex;
    this.options = options;
    this.log = log;
  }

  @Override
  public Answer sync(ApiToken caller, JsonNode request) {
    JsonNode wait = request.path("wait");
    if (!wait.isMissingNode() && !wait.isBoolean()) {
      throw new IllegalArgumentException("\"wait\" takes true or false, got " + wait);
    }
    request.fieldNames().forEachRemaining(name -> {
      if (!name.equals("wait")) {
        throw new IllegalArgumentException("unknown member \"" + name + "\": a sync request takes only \"wait\";"
            + " the upstream is the one the server was started with (" + options.key() + ")");
      }
    });
    ObjectNode body = JsonNodeFactory.instance.objectNode().put("upstream", options.key());
    if (!running.compareAndSet(false, true)) {
      return new Answer(409, body.put("message", "a sync from " + options.key() + " is already running on this server"));
    }
    if (wait.asBoolean(false)) {
      try {
        Syncs.Result r = trialdex.syncs().run(options, new SyncCommand.Printer(log), caller.label());
        RunCounts c = r.counts();
        body.put("run", r.runId()).put("read", c.read()).put("new", c.created()).put("updated", c.updated())
            .put("unchanged", c.unchanged()).put("failed", c.failed()).put("pages", r.pages()).put("retries", r.retries());
        r.highWater().ifPresent(d -> body.put("highWater", d.toString()));
        return new Answer(200, body);
      } catch (Syncs.SyncBusyException e) {
        return new Answer(409, body.put("message", e.getMessage()));
      } catch (Syncs.SyncException e) {
        return new Answer(502, body.put("message", e.getMessage()).put("stored", e.stored()));
      } finally {
        running.set(false);
      }
    }
    Thread.ofPlatform().name("trialdex-sync-on-request").daemon().start(() -> {
      try {
        Syncs.Result r = trialdex.syncs().run(options, new SyncCommand.Printer(log), caller.label());
        log.printf(Locale.ROOT, "trialdex: sync run %d from %s, asked by %s, ended: %,d read, %,d new, %,d updated%n",
            r.runId(), r.upstream(), caller.label(), r.counts().read(), r.counts().created(), r.counts().updated());
      } catch (RuntimeException e) {
        log.println("trialdex: sync asked by " + caller.label() + " stopped: " + e.getMessage());
      } finally {
        running.set(false);
        log.flush();
      }
    });
    return new Answer(202, body.put("message", "the sync from " + options.key() + " started; trialdex stats and"
        + " the server's log follow it"));
  }
}
