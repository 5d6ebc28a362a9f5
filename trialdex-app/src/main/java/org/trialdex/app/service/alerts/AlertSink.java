package org.trialdex.app.service.alerts;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.trialdex.core.model.Study;
import org.trialdex.store.Change;
import org.trialdex.store.ChangeFollower;
import org.trialdex.store.StoredStudy;
import org.trialdex.store.StudyStore;
import org.trialdex.store.Subscription;
import org.trialdex.store.Subscriptions;

/**
 * Turns the store's changes into alerts: the sink of the "alerts" {@link ChangeFollower}.
 *
 * <p>Like every follower it reads the current record a change names, not the version: the current
 * record of a trial with several sources is their merge, which is what its page shows and what its
 * watchers follow. A trial watch compares the watched facts of that record with the facts it last
 * compared (its baseline); a search asks the index which changed records match it now, and compares
 * with the records that matched before. A batch's alerts, baselines, matches and position are
 * recorded in one transaction, keyed by subscription and change, so a batch applied again adds
 * nothing.
 */
final class AlertSink implements ChangeFollower.Sink {

  /** Waits until the search index reflects a change log position. */
  interface IndexWait {
    /**
     * Returns once the index reflects {@code position}.
     *
     * @throws RuntimeException when it does not in reasonable time; the follower tries the batch again
     */
    void await(long position);
  }

  private final StudyStore store;
  private final Subscriptions subs;
  private final SearchMatches searches;
  private final IndexWait index;
  private final Runnable afterApply;

  AlertSink(StudyStore store, SearchMatches searches, IndexWait index, Runnable afterApply) {
    this.store = store;
    this.subs = store.subscriptions();
    this.searches = searches;
    this.index = index;
    this.afterApply = afterApply;
  }

  @Override
  public long open(StudyStore s) {
    return subs.openFollower();
  }

  @Override
  public void apply(List<Change> changes, long upTo) {
    List<Subscription> active = subs.active();
    if (active.isEmpty()) {
      // Nobody to alert: no write (a server without subscribers adds no write per batch). After a
      // restart the follower reads these changes again, which finds nobody again.
      return;
    }
    // The last change of each record in the batch: the current record covers the ones before it.
    Map<String, Long> changed = new LinkedHashMap<>();
    for (Change c : changes) {
      changed.remove(c.recordId());
      changed.put(c.recordId(), c.position());
    }
    List<Subscriptions.NewAlert> alerts = new ArrayList<>();
    Map<Long, String> baselines = new HashMap<>();
    List<Subscriptions.Member> added = new ArrayList<>();
    List<Subscriptions.Member> removed = new ArrayList<>();
    boolean anySearch = false;
    Map<String, Optional<StoredStudy>> records = new HashMap<>();
    for (Subscription s : active) {
      switch (s.kind()) {
        case TRIAL -> watch(s, changed, records, alerts, baselines);
        case SEARCH -> anySearch = true;
      }
    }
    if (anySearch) {
      index.await(upTo);
      for (Subscription s : active) {
        if (s.kind() == Subscription.Kind.SEARCH) {
          search(s, changed, records, alerts, added, removed);
        }
      }
    }
    int made = subs.record(upTo, alerts, baselines, added, removed);
    if (made > 0) {
      afterApply.run();
    }
  }

  private void watch(Subscription s, Map<String, Long> changed, Map<String, Optional<StoredStudy>> records,
      List<Subscriptions.NewAlert> alerts, Map<Long, String> baselines) {
    String watched = s.recordId().orElseThrow();
    // A record watched under another registry id follows it once it is linked to its NCT record.
    String id = watched.startsWith("NCT") || changed.containsKey(watched) ? watched
        : store.resolve(watched).orElse(watched);
    Long position = changed.get(id);
    if (position == null || position <= s.createdPosition()) {
      return;
    }
    Optional<StoredStudy> current = records.computeIfAbsent(id, store::current);
    if (current.isEmpty()) {
      return;
    }
    WatchFacts now = WatchFacts.of(current.get().study(), current.get().version());
    Optional<WatchFacts> before = WatchFacts.fromJson(s.baseline());
    if (before.isEmpty()) {
      baselines.put(s.id(), now.toJson());
      return;
    }
    List<String> lines = before.get().changesTo(now, s.rules());
    if (!lines.isEmpty()) {
      String title = title(current.get().study(), id);
      String link = before.get().version() != now.version() && before.get().version() > 0
          ? "/study/" + id + "/history?from=" + before.get().version() + "&to=" + now.version()
          : "/study/" + id;
      alerts.add(new Subscriptions.NewAlert(s.id(), position, id, id + " changed: " + title,
          lines.size() == 1 ? lines.getFirst() : lines.size() + " watched changes", lines, link));
    }
    if (before.get().differsFrom(now) || before.get().version() != now.version()) {
      baselines.put(s.id(), now.toJson());
    }
  }

  private void search(Subscription s, Map<String, Long> changed, Map<String, Optional<StoredStudy>> records,
      List<Subscriptions.NewAlert> alerts, List<Subscriptions.Member> added, List<Subscriptions.Member> removed) {
    List<String> ids = changed.entrySet().stream().filter(e -> e.getValue() > s.createdPosition())
        .map(Map.Entry::getKey).toList();
    if (ids.isEmpty()) {
      return;
    }
    String query = s.search().orElseThrow();
    Set<String> matching = searches.among(query, ids);
    Set<String> before = subs.members(s.id(), ids);
    for (String id : ids) {
      boolean now = matching.contains(id);
      boolean was = before.contains(id);
      if (!now && !was) {
        continue;
      }
      Optional<StoredStudy> current = records.computeIfAbsent(id, store::current);
      String title = current.map(r -> title(r.study(), id)).orElse(id);
      String what;
      if (now && !was) {
        what = "New to this search";
        added.add(new Subscriptions.Member(s.id(), id));
      } else if (now) {
        what = "Updated";
      } else {
        what = "No longer matches this search";
        removed.add(new Subscriptions.Member(s.id(), id));
      }
      List<String> details = new ArrayList<>();
      current.ifPresent(r -> details.add(overview(r.study())));
      alerts.add(new Subscriptions.NewAlert(s.id(), changed.get(id), id, what + ": " + title + " (" + id + ")", what,
          details, "/study/" + id));
    }
  }

  static String title(Study study, String id) {
    var ident = study.protocolSection() == null ? null : study.protocolSection().identificationModule();
    return ident == null || ident.briefTitle() == null || ident.briefTitle().isBlank() ? id : ident.briefTitle().strip();
  }

  /** "Status: Recruiting · Conditions: lupus" for a search alert. */
  static String overview(Study study) {
    WatchFacts f = WatchFacts.of(study, 0);
    List<String> parts = new ArrayList<>();
    parts.add("Status: " + WatchFacts.statusLabel(f.status()));
    var ps = study.protocolSection();
    if (ps != null && ps.conditionsModule() != null && ps.conditionsModule().conditions() != null
        && !ps.conditionsModule().conditions().isEmpty()) {
      parts.add("Conditions: " + String.join(", ", ps.conditionsModule().conditions()));
    }
    return String.join(" · ", parts);
  }
}
