package org.trialdex.app.web;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.trialdex.app.Trialdex;
import org.trialdex.core.diff.ModuleDiff;
import org.trialdex.core.json.StudyJson;
import org.trialdex.core.model.Study;
import org.trialdex.store.Link;
import org.trialdex.store.StoredStudy;
import org.trialdex.store.VersionInfo;
import org.trialdex.core.diff.FieldDiff;

/** Builds a {@link HistoryPage}: the versions as {@code trialdex history} lists them, plus a field diff. */
final class HistoryPages {

  private HistoryPages() {}

  static HistoryPage build(Trialdex t, String requestedId, Optional<Integer> from, Optional<Integer> to) {
    String id = t.store().resolve(requestedId).orElse(requestedId);
    List<VersionInfo> infos = t.store().versions(id);
    if (infos.isEmpty()) {
      throw new NotFound(requestedId);
    }
    // As in the CLI: each version is compared with the previous one of the same source, since a
    // registry page and the registry record are two views of the trial, not one becoming the other.
    Map<String, Study> previous = new HashMap<>();
    Map<String, Integer> previousVersion = new HashMap<>();
    Map<Integer, Study> studies = new HashMap<>();
    List<HistoryPage.Version> versions = new ArrayList<>();
    for (VersionInfo v : infos) {
      Study study = t.store().version(id, v.version()).map(StoredStudy::study).orElseThrow();
      studies.put(v.version(), study);
      Study before = previous.get(v.sourceKey());
      String changes = before == null ? "First version from this source"
          : "Changed since version " + previousVersion.get(v.sourceKey()) + ": "
              + String.join(", ", ModuleDiff.changedModules(before, study).stream()
                  .map(m -> m.contains(".") ? m.substring(m.indexOf('.') + 1) : m).toList());
      versions.add(new HistoryPage.Version(v.version(), v.recordedAt().toString(), v.sourceKey(), v.provenance().toString(), changes));
      previous.put(v.sourceKey(), study);
      previousVersion.put(v.sourceKey(), v.version());
    }
    List<String> links = t.store().links(id).stream().map((Link l) -> l.alias() + ": " + l.reason()).toList();
    Optional<HistoryPage.Diff> diff = Optional.empty();
    int last = infos.getLast().version();
    int a = from.orElse(infos.size() >= 2 ? infos.get(infos.size() - 2).version() : last);
    int b = to.orElse(last);
    if (!studies.containsKey(a) || !studies.containsKey(b)) {
      throw new NotFound(id + " version " + (studies.containsKey(a) ? b : a));
    }
    if (a != b) {
      var json = StudyJson.standard();
      diff = Optional.of(new HistoryPage.Diff(a, b, label(infos, a), label(infos, b),
          FieldDiff.between(json.tree(studies.get(a)), json.tree(studies.get(b))).stream()
              .map(c -> new HistoryPage.Change(c.path(), c.before(), c.after())).toList()));
    }
    String title = StudyPages.title(t.store().current(id).map(StoredStudy::study).orElse(studies.get(last)), id);
    return new HistoryPage(id, title, Links.study(id), versions, links, diff);
  }

  private static String label(List<VersionInfo> infos, int version) {
    return infos.stream().filter(v -> v.version() == version).findFirst()
        .map(v -> "Version " + v.version() + " (" + v.sourceKey() + ", " + v.recordedAt() + ")").orElseThrow();
  }
}
