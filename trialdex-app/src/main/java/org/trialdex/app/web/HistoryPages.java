package org.trialdex.app.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.trialdex.app.Trialdex;
import org.trialdex.app.service.RecordHistory;
import org.trialdex.app.service.VersionDiff;
import org.trialdex.store.Link;
import org.trialdex.store.StoredStudy;
import org.trialdex.store.VersionInfo;

/** Builds a {@link HistoryPage}: the versions as {@code trialdex history} lists them, plus a field diff. */
final class HistoryPages {

  private HistoryPages() {}

  static HistoryPage build(Trialdex t, String requestedId, Optional<Integer> from, Optional<Integer> to) {
    RecordHistory history = t.history().of(requestedId).orElseThrow(() -> new NotFound(requestedId));
    String id = history.id();
    List<HistoryPage.Version> versions = new ArrayList<>();
    for (RecordHistory.Version version : history.versions()) {
      VersionInfo v = version.info();
      String changes = version.firstFromSource() ? "First version from this source"
          : "Changed since version " + version.previousFromSource().getAsInt() + ": "
              + String.join(", ", version.changedModules().stream()
                  .map(m -> m.contains(".") ? m.substring(m.indexOf('.') + 1) : m).toList());
      versions.add(new HistoryPage.Version(v.version(), v.recordedAt().toString(), v.sourceKey(), v.provenance().toString(), changes));
    }
    List<String> links = history.links().stream().map((Link l) -> l.alias() + ": " + l.reason()).toList();
    List<RecordHistory.Version> all = history.versions();
    int last = history.newest().info().version();
    int a = from.orElse(all.size() >= 2 ? all.get(all.size() - 2).info().version() : last);
    int b = to.orElse(last);
    if (history.version(a).isEmpty() || history.version(b).isEmpty()) {
      throw new NotFound(id + " version " + (history.version(a).isPresent() ? b : a));
    }
    Optional<HistoryPage.Diff> diff = Optional.empty();
    if (a != b) {
      VersionDiff d = history.diff(a, b).orElseThrow();
      diff = Optional.of(new HistoryPage.Diff(a, b, label(history, a), label(history, b),
          d.changes().stream().map(c -> new HistoryPage.Change(c.path(), c.before(), c.after())).toList()));
    }
    String title = StudyPages.title(t.records().current(id).map(StoredStudy::study).orElse(history.newest().study()), id);
    return new HistoryPage(id, title, Links.study(id), versions, links, diff);
  }

  private static String label(RecordHistory history, int version) {
    VersionInfo v = history.version(version).orElseThrow().info();
    return "Version " + v.version() + " (" + v.sourceKey() + ", " + v.recordedAt() + ")";
  }
}
