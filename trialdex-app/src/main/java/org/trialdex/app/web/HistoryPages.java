package org.trialdex.app.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.trialdex.app.Trialdex;
import org.trialdex.app.service.RecordHistory;
import org.trialdex.app.service.VersionDiff;
import org.trialdex.store.Link;
import org.trialdex.store.StoredStudy;
import org.trialdex.store.VersionInfo;

/**
 * Builds a {@link HistoryPage}: the versions as {@code trialdex history} lists them, grouped by
 * source, plus a field diff that compares like with like (issue #15).
 */
final class HistoryPages {

  private HistoryPages() {}

  static HistoryPage build(Trialdex t, String requestedId, Optional<Integer> from, Optional<Integer> to) {
    RecordHistory history = t.history().of(requestedId).orElseThrow(() -> new NotFound(requestedId));
    String id = history.id();
    List<HistoryPage.Version> versions = new ArrayList<>();
    Map<String, List<Integer>> bySource = new LinkedHashMap<>();
    for (RecordHistory.Version version : history.versions()) {
      VersionInfo v = version.info();
      String changes = version.firstFromSource() ? "First copy from this source: another view of the trial, not an edit of the versions before it"
          : version.changedModules().isEmpty() ? "Same content as version " + version.previousFromSource().getAsInt()
          : "Changed since version " + version.previousFromSource().getAsInt() + " (the same source's previous copy): "
              + String.join(", ", version.changedModules().stream().map(PlainWords::field).toList());
      versions.add(new HistoryPage.Version(v.version(), v.recordedAt().toString().replace('T', ' ').replaceAll("\\.\\d+Z$", " UTC"),
          SourceViews.kind(v.sourceKey()), SourceViews.fileName(v.provenance().file())
              + (v.provenance().position().isEmpty() ? "" : ", " + v.provenance().position()), changes));
      bySource.computeIfAbsent(SourceViews.kind(v.sourceKey()), k -> new ArrayList<>()).add(v.version());
    }
    List<HistoryPage.Source> sources = new ArrayList<>();
    bySource.forEach((k, list) -> sources.add(new HistoryPage.Source(k, list)));
    List<String> links = history.links().stream().map((Link l) -> l.alias() + ": " + l.reason()).toList();
    Optional<int[]> pair = from.isPresent() || to.isPresent() ? Optional.of(asked(history, from, to)) : defaultPair(history);
    Optional<HistoryPage.Diff> diff = Optional.empty();
    if (pair.isPresent() && pair.get()[0] != pair.get()[1]) {
      int a = pair.get()[0];
      int b = pair.get()[1];
      VersionDiff d = history.diff(a, b).orElseThrow();
      boolean same = history.version(a).orElseThrow().info().sourceKey().equals(history.version(b).orElseThrow().info().sourceKey());
      List<HistoryPage.Change> changed = new ArrayList<>();
      List<HistoryPage.Change> onlyBefore = new ArrayList<>();
      List<HistoryPage.Change> onlyAfter = new ArrayList<>();
      for (var c : d.changes()) {
        var row = new HistoryPage.Change(PlainWords.field(c.path()), c.path(), c.before(), c.after());
        (c.before().isPresent() && c.after().isPresent() ? changed : c.before().isPresent() ? onlyBefore : onlyAfter).add(row);
      }
      diff = Optional.of(new HistoryPage.Diff(a, b, label(history, a), label(history, b), same, changed, onlyBefore, onlyAfter));
    }
    String title = StudyPages.title(t.records().current(id).map(StoredStudy::study).orElse(history.newest().study()), id);
    return new HistoryPage(id, title, Links.study(id), versions, sources, links, diff);
  }

  /** The versions asked for; a missing side defaults to the newest version (to) or the one before it (from). */
  private static int[] asked(RecordHistory history, Optional<Integer> from, Optional<Integer> to) {
    List<RecordHistory.Version> all = history.versions();
    int last = history.newest().info().version();
    int a = from.orElse(all.size() >= 2 ? all.get(all.size() - 2).info().version() : last);
    int b = to.orElse(last);
    if (history.version(a).isEmpty() || history.version(b).isEmpty()) {
      throw new NotFound(history.id() + " version " + (history.version(a).isPresent() ? b : a));
    }
    return new int[] {a, b};
  }

  /**
   * By default, the newest version that has an earlier copy from its own source, against that copy:
   * an edit. When no source has two versions there is no edit to show, only views side by side.
   */
  private static Optional<int[]> defaultPair(RecordHistory history) {
    List<RecordHistory.Version> all = history.versions();
    for (int i = all.size() - 1; i >= 0; i--) {
      RecordHistory.Version v = all.get(i);
      if (!v.firstFromSource()) {
        return Optional.of(new int[] {v.previousFromSource().getAsInt(), v.info().version()});
      }
    }
    return Optional.empty();
  }

  private static String label(RecordHistory history, int version) {
    VersionInfo v = history.version(version).orElseThrow().info();
    return "Version " + v.version() + ": " + SourceViews.kind(v.sourceKey()) + ", stored " + v.recordedAt().toString().substring(0, 10);
  }
}
